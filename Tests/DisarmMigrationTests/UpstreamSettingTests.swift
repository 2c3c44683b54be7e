import DisarmFramework
import Foundation
import Testing

@testable import DisarmMigration

/// `extends:` read from `.disarm.yml` with the byte range of the value that names the release, and that value
/// rewritten by `disarm upstream update` so that YAML reads back exactly the new release and every other byte stays.
@Suite struct UpstreamSettingTests {
  @Test func theFolderFormAndTheRepositoryFormWithTheRangeOfTheirRelease() throws {
    let folder = "# ours\nrules:\n  name-mismatch: off\nextends: upstream/v1   # pinned\n"
    let setting = try #require(try UpstreamSetting.read(configuration: folder, path: ".disarm.yml"))
    #expect(setting.source == .folder("upstream/v1"))
    #expect(String(decoding: Array(folder.utf8)[setting.releaseValue], as: UTF8.self) == "upstream/v1")
    #expect(setting.line == 4 && setting.label == "upstream/v1")

    let repository = "extends:\n  repository: vendor/é\n  revision: 'v1.6'\n"
    let pinned = try #require(try UpstreamSetting.read(configuration: repository, path: ".disarm.yml"))
    #expect(pinned.source == .repository("vendor/é", revision: "v1.6", path: ""))
    #expect(String(decoding: Array(repository.utf8)[pinned.releaseValue], as: UTF8.self) == "'v1.6'")
    #expect(pinned.label == "vendor/é@v1.6")
    #expect(try UpstreamSetting.read(configuration: "framework: disarm-1\n", path: ".disarm.yml") == nil)
  }

  @Test func mistakesNameTheirPlace() {
    let cases: [(String, String)] = [
      ("extends:\n  repository: r\n  revision: -x\n", ".disarm.yml:3:13: error: '-x' is not a git revision"),
      ("extends:\n  repository: r\n  revision: \"a b\"\n", "is not a git revision"),
      ("extends: \"a\\\nb\"\n", "write this value on one line, plainly or in quotes"),
      ("extends: \"a\\tb\"\n", "'extends' must be a path (one line of text)"),
    ]
    for (text, message) in cases {
      #expect(throws: DescriptionError.self, "\(text)") {
        try UpstreamSetting.read(configuration: text, path: ".disarm.yml")
      }
      do {
        _ = try UpstreamSetting.read(configuration: text, path: ".disarm.yml")
      } catch {
        #expect(error.description.contains(message), "\(text): \(error.description)")
      }
    }
  }

  @Test(arguments: ["v2", "release 2026", "it's", "quote\"d", "back\\slash", "-dash", "~tilde", "über/1.0"])
  func aRewrittenValueReadsBackAsWritten(_ release: String) throws {
    for original in ["extends: old # c\n", "extends: 'old' # c\n", "extends: \"old\" # c\n"] {
      let setting = try #require(try UpstreamSetting.read(configuration: original, path: ".disarm.yml"))
      var bytes = Array(original.utf8)
      let written = UpstreamUpdate.yamlScalar(release, quotedAs: bytes[setting.releaseValue.lowerBound])
      bytes.replaceSubrange(setting.releaseValue, with: Array(written.utf8))
      let text = String(decoding: bytes, as: UTF8.self)
      let read = try #require(try UpstreamSetting.read(configuration: text, path: ".disarm.yml"))
      #expect(read.source == .folder(release), "\(text)")
      #expect(text.hasPrefix("extends: ") && text.hasSuffix(" # c\n"), "the rest of the file is kept: \(text)")
      if original.contains("'") { #expect(written.hasPrefix("'")) }
      if original.contains("\"") { #expect(written.hasPrefix("\"")) }
    }
  }
}
