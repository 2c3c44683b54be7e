import DisarmDiagnostics
import DisarmTestSupport
import Foundation
import Testing

/// A knowledge base that extends an upstream one (`extends:` in `.disarm.yml`), end to end: every command sees the
/// union and says which objects are local, nothing writes upstream's pages, `disarm upstream update` moves the
/// extension to a new release and reports exactly the conflicts planted in it, and hostile settings are refused.
@Suite struct UpstreamCommandTests {
  /// The extension's own pages, written against the 2024-11-22 release: a sub-technique under upstream's T0151, a
  /// technique T0160 (which the planted new release also has), and an incident naming both, a technique the new
  /// release removes (T0151.017), one it retires with a replacement (T0151.016) and one it keeps (T0151.004).
  static let localPages: [String: String] = [
    "techniques/T0151.901.md": technique("T0151.901", "Regional Chat Platform"),
    "techniques/T0160.md": technique("T0160", "Local Numbered Technique"),
    "incidents/I90001.md": """
    # Incident I90001: Local operation on a regional chat platform

    * **Summary:** A local incident our team recorded.

    * **incident type**: 

    * **Year started:** 2024

    * **Countries:** Lithuania

    * **Found via:** 

    * **Date added:** 


    | Reference | Pub Date | Authors | Org | Archive |
    | --------- | -------- | ------- | --- | ------- |



    | Technique | Description given for this incident |
    | --------- | ------------------------- |
    | [T0151.901 Regional Chat Platform](../../generated_pages/techniques/T0151.901.md) |  IT90000001 A regional chat group. |
    | [T0151.016 Online Game Session](../../generated_pages/techniques/T0151.016.md) |  IT90000003 A game session. |
    | [T0151.017 Dating Platform](../../generated_pages/techniques/T0151.017.md) |  IT90000002 A dating platform. |
    | [T0151.004 Chat Platform](../../generated_pages/techniques/T0151.004.md) |  IT90000004 A chat platform. |


    DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW

    Analyst note: T0151.017 stays here, as written.

    """,
  ]

  static let configuration = "# our extension\nextends: upstream/2024-11-22   # the release we track\n"

  /// A technique page in the 2024-11-22 template, under TA07, with notes of its own.
  static func technique(_ id: String, _ name: String) -> String {
    """
    # Technique \(id): \(name)

    * **Summary**: Tracked by our team.

    * **Belongs to tactic stage**: TA07


    | Incident | Descriptions given for this incident |
    | -------- | -------------------- |



    | Counters | Response types |
    | -------- | -------------- |


    DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW

    Our notes on \(id).

    """
  }

  /// The 2025-02-10 release with the planted changes: T0151.017 removed unrecorded, T0151.016 retired into
  /// T0151.004 by the register, T0151 moved to TA08, and a new upstream T0160.
  static func plantedNewRelease(at destination: URL) throws {
    try FileManager.default.copyItem(at: Corpus.release("disarm-2025-02-10"), to: destination)
    let pages = destination.appendingPathComponent("generated_pages")
    let indexURL = pages.appendingPathComponent("techniques_index.md")
    var index = try String(contentsOf: indexURL, encoding: .utf8)
    for id in ["T0151.016", "T0151.017"] {
      index = IndexRows.removing(id, folder: "techniques", from: index)
      try FileManager.default.removeItem(at: pages.appendingPathComponent("techniques/\(id).md"))
    }
    let next = try #require(index.range(of: "<tr>\n<td><a href=\"techniques/T0152.md\">"))
    index.insert(
      contentsOf:
        "<tr>\n<td><a href=\"techniques/T0160.md\">T0160</a></td>\n<td>Upstream Newcomer</td>\n"
        + "<td>A technique upstream added.</td>\n<td>TA07</td>\n</tr>\n", at: next.lowerBound)
    try Data(index.utf8).write(to: indexURL)
    let parent = pages.appendingPathComponent("techniques/T0151.md")
    let moved = try String(contentsOf: parent, encoding: .utf8).replacingOccurrences(
      of: "**Tactic**: TA07 Select Channels and Affordances", with: "**Tactic**: TA08 Conduct Pump Priming")
    try Data(moved.utf8).write(to: parent)
    let newcomer = try String(contentsOf: pages.appendingPathComponent("techniques/T0152.md"), encoding: .utf8)
      .replacingOccurrences(of: "T0152: Digital Content Hosting Asset", with: "T0160: Upstream Newcomer")
    try Data(newcomer.utf8).write(to: pages.appendingPathComponent("techniques/T0160.md"))
    try Data(
      """
      - id: T0151.016
        name: Online Game Session
        replaced-by: T0151.004
        reason: merged into Chat Platform

      """.utf8
    ).write(to: pages.appendingPathComponent("retired.yml"))
  }

  /// An extension on a copy of the 2024-11-22 release, with the planted 2025-02-10 beside it, its derived content
  /// brought up to date (`build --write`).
  static func makeExtension() throws -> URL {
    let root = TemporaryFolder.make("disarm-upstream")
    let upstream = root.appendingPathComponent("upstream")
    try FileManager.default.createDirectory(at: upstream, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Corpus.release("disarm-2024-11-22"), to: upstream.appendingPathComponent("2024-11-22"))
    try plantedNewRelease(at: upstream.appendingPathComponent("2025-02-10"))
    try write(localPages, configuration: configuration, into: root)
    let write = try DisarmProcess.run(["build", "--write", root.path])
    #expect(write.status == 0, "\(write.stderr)")
    return root
  }

  static func write(_ pages: [String: String], configuration: String, into root: URL) throws {
    for (path, text) in pages {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    try Data(configuration.utf8).write(to: root.appendingPathComponent(".disarm.yml"))
  }

  /// Every file under `folder`, by relative path, with its bytes.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
      files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
    }
    return files
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func everyCommandSeesBothTreesAndSaysWhatIsLocal() throws {
    let root = try Self.makeExtension()
    defer { try? FileManager.default.removeItem(at: root) }
    let upstream = root.appendingPathComponent("upstream/2024-11-22")
    let before = try Self.snapshot(upstream)
    #expect(before == (try Self.snapshot(Corpus.release("disarm-2024-11-22"))))

    let check = try DisarmProcess.run(["build", "--check", root.path])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(
      check.stderr.contains("3 local objects (techniques 2, incidents 1) on 952 from upstream/2024-11-22"),
      "\(check.stderr)")
    #expect(check.stderr.contains("0 pages out of date"))
    let lint = try DisarmProcess.run(["lint", root.path])
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    #expect(
      lint.stdout == "disarm lint: 0 errors, 0 warnings in 0 files\n",
      "upstream findings are upstream's: \(lint.stdout)")

    let local = try DisarmProcess.run(["show", "T0151.901", "--kb", root.path])
    #expect(local.status == 0 && local.stdout.contains("techniques/T0151.901.md (local)"), "\(local.stdout)")
    #expect(local.stdout.contains("T0151 Digital Community Hosting Asset"), "the upstream parent is linked")
    let theirs = try DisarmProcess.run(["show", "T0151.004", "--kb", root.path])
    #expect(
      theirs.stdout.contains("upstream/2024-11-22/generated_pages/techniques/T0151.004.md (upstream)"),
      "\(theirs.stdout)")
    #expect(theirs.stdout.contains("I90001"), "an upstream technique lists the local incident that uses it")
    let list = try DisarmProcess.run([
      "list", "techniques", "--parent", "T0151", "--kb", root.path, "--format", "json",
    ])
    let listed = try JSONParser.parse(Array(list.stdout.utf8)).arrayValue ?? []
    let origins = Dictionary(
      listed.map { ($0["id"]?.stringValue ?? "", $0["origin"]?.stringValue ?? "") }, uniquingKeysWith: { a, _ in a })
    #expect(origins["T0151.901"] == "local" && origins["T0151.004"] == "upstream", "\(list.stdout.prefix(300))")

    // build --output: the published union, upstream pages with the local incidents in their tables.
    let out = root.appendingPathComponent("out")
    let build = try DisarmProcess.run(["build", root.path, "--output", out.path])
    #expect(build.status == 0, "\(build.stderr)")
    let chat = try String(contentsOf: out.appendingPathComponent("pages/techniques/T0151.004.md"), encoding: .utf8)
    #expect(chat.contains("[I90001 Local operation on a regional chat platform]"))
    let techniquesIndex = try String(
      contentsOf: out.appendingPathComponent("pages/techniques_index.md"), encoding: .utf8)
    #expect(techniquesIndex.contains("techniques/T0151.901.md") && techniquesIndex.contains("techniques/T0002.md"))
    let document = try JSONParser.parse(Array(try Data(contentsOf: out.appendingPathComponent("disarm.json"))))
    #expect(document["upstream"]?["localObjects"]?.intValue == 3)
    #expect(document["upstream"]?["label"]?.stringValue == "upstream/2024-11-22")
    let techniques = document["objects"]?["techniques"]?.arrayValue ?? []
    func origin(_ id: String) -> String? {
      techniques.first { $0["id"]?.stringValue == id }?["origin"]?.stringValue
    }
    #expect(origin("T0151.901") == "local" && origin("T0151.004") == "upstream")
    if ExternalTool.python3Available {
      try SchemaValidator.expectValid(out.appendingPathComponent("disarm.json"))
    }

    // The site marks the local objects.
    let site = root.appendingPathComponent("site")
    let built = try DisarmProcess.run(["site", root.path, "--output", site.path])
    #expect(built.status == 0, "\(built.stderr)")
    let localPage = try String(contentsOf: site.appendingPathComponent("techniques/T0151.901.html"), encoding: .utf8)
    #expect(localPage.contains("<span class=\"badge local\">local</span></h1>"))
    let upstreamPage = try String(contentsOf: site.appendingPathComponent("techniques/T0151.004.html"), encoding: .utf8)
    #expect(!upstreamPage.contains("badge local\">local</span></h1>"))
    #expect(upstreamPage.contains("I90001"))

    // STIX: both trees, the local objects marked; the bundle passes the OASIS validator.
    let bundle = root.appendingPathComponent("bundle.json")
    let stix = try DisarmProcess.run(["export", "stix", root.path, "--output", bundle.path])
    #expect(stix.status == 0, "\(stix.stderr)")
    let objects = try JSONParser.parse(Array(try Data(contentsOf: bundle)))["objects"]?.arrayValue ?? []
    var marked: [String: Bool] = [:]
    for object in objects {
      guard let id = object["external_references"]?.arrayValue?.first?["external_id"]?.stringValue else { continue }
      marked[id] = object["x_disarm_local"]?.boolValue ?? false
    }
    #expect(marked["T0151.901"] == true && marked["I90001"] == true && marked["T0160"] == true)
    #expect(marked["T0151.004"] == false && marked["TA07"] == false)
    if ExportSTIXCommandTests.pythonToolsAvailable {
      let checked = try ExternalTool.run(["python3", ExportSTIXCommandTests.checker, "stix", bundle.path])
      #expect(checked.status == 0, "\(checked.output)")
    }
    // Nothing wrote into upstream's tree.
    #expect(try Self.snapshot(upstream) == before)
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func updateReportsExactlyThePlantedConflictsAndMigratesTheLocalPages() throws {
    let root = try Self.makeExtension()
    defer { try? FileManager.default.removeItem(at: root) }
    let local = try Self.snapshot(root).filter { !$0.key.hasPrefix("upstream/") }
    let report = root.appendingPathComponent("report.json")
    let blocked = try DisarmProcess.run([
      "upstream", "update", "--to", "upstream/2025-02-10", "--kb", root.path, "--report-format", "json",
      "--report", report.path,
    ])
    #expect(blocked.status == 1, "\(blocked.stderr)")
    #expect(blocked.stderr.contains("something needs review; nothing written"))
    #expect(try Self.snapshot(root).filter { !$0.key.hasPrefix("upstream/") && $0.key != "report.json" } == local)
    if ExternalTool.python3Available { try ExternalTool.expectValid(report, schema: "schema/migrate.schema.json") }
    let json = try JSONParser.parse(Array(try Data(contentsOf: report)))
    var reviews = Set<String>()
    var replaced = Set<String>()
    for file in json["files"]?.arrayValue ?? [] {
      for item in file["items"]?.arrayValue ?? [] {
        let entry = "\(file["path"]?.stringValue ?? "") \(item["old"]?.stringValue ?? "")"
        switch item["change"]?.stringValue {
        case "review": reviews.insert(entry)
        case "replaced": replaced.insert(entry + " → " + (item["new"]?.stringValue ?? ""))
        default: break
        }
      }
    }
    // Exactly the planted conflicts: the removed technique the incident names, the sub-technique whose parent moved,
    // and the local identifier the new upstream now has.
    #expect(
      reviews == ["incidents/I90001.md T0151.017", "techniques/T0151.901.md T0151", "techniques/T0160.md T0160"])
    #expect(replaced == ["incidents/I90001.md T0151.016 → T0151.004"])
    let details = (json["files"]?.arrayValue ?? []).flatMap { $0["items"]?.arrayValue ?? [] }.compactMap {
      $0["detail"]?.stringValue
    }
    #expect(details.contains { $0.contains("parent T0151 moved from TA07 to TA08") })
    #expect(details.contains { $0.contains("has T0160 (Upstream Newcomer)") })

    let run = try DisarmProcess.run([
      "upstream", "update", "--to", "upstream/2025-02-10", "--kb", root.path, "--accept-review",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("moved the upstream from upstream/2024-11-22 to upstream/2025-02-10"), "\(run.stderr)")
    #expect(
      try String(contentsOf: root.appendingPathComponent(".disarm.yml"), encoding: .utf8)
        == "# our extension\nextends: upstream/2025-02-10   # the release we track\n")
    let incident = try String(contentsOf: root.appendingPathComponent("incidents/I90001.md"), encoding: .utf8)
    #expect(
      incident.contains("| [T0151.004 Chat Platform](../../generated_pages/techniques/T0151.004.md) |  IT90000003"))
    #expect(!incident.contains("[T0151.016"))
    #expect(incident.contains("[T0151.017 Dating Platform]"), "left as written for review")
    #expect(incident.hasSuffix("PLEASE ADD NOTES BELOW\n\nAnalyst note: T0151.017 stays here, as written.\n"))
    // The local pages are up to date against the new upstream; the conflicts accepted remain as findings.
    let check = try DisarmProcess.run(["build", "--check", root.path])
    #expect(check.stderr.contains("0 pages out of date"), "\(check.stderr)")
    #expect(check.stderr.contains("on 871 from upstream/2025-02-10"), "\(check.stderr)")
    #expect(check.stderr.contains("[upstream-collision]") && check.stderr.contains("[unresolved-link]"))
    #expect(check.stderr.contains("[subtechnique-tactic-mismatch]"))
    // Both upstream trees untouched.
    for (release, corpus) in [("2024-11-22", "disarm-2024-11-22")] {
      #expect(
        try Self.snapshot(root.appendingPathComponent("upstream/\(release)"))
          == (try Self.snapshot(Corpus.release(corpus))))
    }
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func aGitRevisionIsReadAndUpdatedInPlace() throws {
    let root = TemporaryFolder.make("disarm-upstream-git")
    defer { try? FileManager.default.removeItem(at: root) }
    let repository = root.appendingPathComponent("vendor/disarm")
    try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
    func git(_ arguments: String...) throws {
      let result = try ExternalTool.run(
        ["git", "-C", repository.path, "-c", "user.email=t@example.org", "-c", "user.name=t"] + arguments)
      #expect(result.status == 0, "\(result.output)")
    }
    try git("init", "-q")
    try FileManager.default.copyItem(
      at: Corpus.pages("disarm-2024-11-22"), to: repository.appendingPathComponent("generated_pages"))
    try git("add", "-A")
    try git("commit", "-qm", "v1")
    try git("tag", "v1")
    try FileManager.default.removeItem(at: repository.appendingPathComponent("generated_pages"))
    let planted = root.appendingPathComponent("planted")
    try Self.plantedNewRelease(at: planted)
    try FileManager.default.moveItem(
      at: planted.appendingPathComponent("generated_pages"), to: repository.appendingPathComponent("generated_pages"))
    try git("add", "-A")
    try git("commit", "-qm", "v2")
    try git("tag", "v2")
    let configuration = "extends:\n  repository: vendor/disarm\n  revision: v1   # pinned\n  path: generated_pages\n"
    try Self.write(Self.localPages, configuration: configuration, into: root)
    #expect(try DisarmProcess.run(["build", "--write", root.path]).status == 0)

    let status = try DisarmProcess.run(["upstream", "status", "--kb", root.path])
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("extends: vendor/disarm@v1"))
    #expect(status.stdout.contains("upstream objects: 952") && status.stdout.contains("local objects: 3"))
    let show = try DisarmProcess.run(["show", "T0151.004", "--kb", root.path])
    #expect(show.stdout.contains("vendor/disarm@v1:generated_pages/techniques/T0151.004.md (upstream)"))

    let run = try DisarmProcess.run(["upstream", "update", "--to", "v2", "--kb", root.path, "--accept-review"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      try String(contentsOf: root.appendingPathComponent(".disarm.yml"), encoding: .utf8)
        == "extends:\n  repository: vendor/disarm\n  revision: v2   # pinned\n  path: generated_pages\n")
    let after = try DisarmProcess.run(["upstream", "status", "--kb", root.path])
    #expect(after.stdout.contains("extends: vendor/disarm@v2") && after.stdout.contains("collisions: 1"))
    let unknown = try DisarmProcess.run(["upstream", "update", "--to", "v9", "--kb", root.path])
    #expect(unknown.status == 2 && unknown.stderr.contains("unknown revision 'v9'"), "\(unknown.stderr)")
  }

  /// The sample knowledge base (`data/`) as upstream of a one-page extension: no corpus needed.
  static func sampleExtension(configuration: String, pages: [String: String] = [:]) throws -> URL {
    let root = TemporaryFolder.make("disarm-upstream-sample")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: root.appendingPathComponent("upstream"))
    try write(pages, configuration: configuration, into: root)
    return root
  }

  @Test func hostileSettingsAreRefusedWithTheirPlace() throws {
    let outside = TemporaryFolder.make("disarm-upstream-outside")
    defer { try? FileManager.default.removeItem(at: outside) }
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: outside.appendingPathComponent("kb"))
    let cases: [(String, String)] = [
      ("extends: \(outside.path)/kb\n", ".disarm.yml:1: 'extends: /tmp/"),
      ("extends: \(outside.path)/kb\n", "names a folder outside the knowledge base"),
      ("extends: ../../../../../etc\n", "names a folder outside the knowledge base"),
      ("extends: .\n", "holds the local pages themselves"),
      ("extends: missing\n", "the upstream folder 'missing' does not exist"),
      ("extends:\n  repository: upstream\n  revision: --output=/tmp/x\n", "is not a git revision"),
      ("extends:\n  repository: upstream\n  branch: main\n", ".disarm.yml:3:3: unknown key 'branch' in 'extends'"),
      ("extends:\n  revision: v1\n", "'extends' needs 'repository'"),
      ("extends: [a, b]\n", "'extends' must name a folder"),
    ]
    // A folder inside the tree that is a link to one outside.
    let linked = try Self.sampleExtension(configuration: "extends: vendored\n")
    defer { try? FileManager.default.removeItem(at: linked) }
    try FileManager.default.createSymbolicLink(
      at: linked.appendingPathComponent("vendored"), withDestinationURL: outside.appendingPathComponent("kb"))
    let throughLink = try DisarmProcess.run(["show", "T0002", "--kb", linked.path])
    #expect(throughLink.status == 2, "\(throughLink.stdout)")
    #expect(throughLink.stderr.contains("'extends: vendored' names a folder outside the knowledge base"))
    #expect(!throughLink.stdout.contains("T0002"), "nothing read through the link reaches the output")
    for (configuration, message) in cases {
      let root = try Self.sampleExtension(configuration: configuration)
      defer { try? FileManager.default.removeItem(at: root) }
      let result = try DisarmProcess.run(["build", "--check", root.path])
      #expect(result.status == 2, "\(configuration): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(configuration): \(result.stderr)")
      #expect(!result.stderr.contains("root:"), "nothing outside is quoted")
    }
  }

  @Test func aLocalPageAtAnUpstreamIdentifierIsAnErrorAndUpstreamIsNeverWritten() throws {
    let sample = try String(
      contentsOf: TestSupport.sampleData.appendingPathComponent("techniques/T0002.md"), encoding: .utf8)
    let root = try Self.sampleExtension(
      configuration: "extends: upstream\n", pages: ["techniques/T0002.md": sample + "\nOur copy.\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let before = try Self.snapshot(root.appendingPathComponent("upstream"))
    let lint = try DisarmProcess.run(["lint", root.path])
    #expect(lint.status == 1, "\(lint.stderr)")
    #expect(
      lint.stdout.contains(
        "techniques/T0002.md:1:1: error: T0002 is also upstream's (upstream/techniques/T0002.md): a local object "
          + "needs an identifier upstream does not use [upstream-collision]"), "\(lint.stdout)")
    #expect(lint.stdout.contains("upstream/techniques/T0002.md: note: upstream's T0002"))
    let write = try DisarmProcess.run(["build", "--write", root.path])
    #expect(write.status == 1, "\(write.stderr)")
    let fix = try DisarmProcess.run(["lint", "--fix", root.path])
    #expect(fix.status == 1, "\(fix.stderr)")
    #expect(try Self.snapshot(root.appendingPathComponent("upstream")) == before)
    // `disarm new` takes the next identifier across both trees and writes only the local tree.
    try FileManager.default.removeItem(at: root.appendingPathComponent("techniques/T0002.md"))
    let new = try DisarmProcess.run(["new", "technique", "--name", "Ours", "--tactic", "TA01", "--kb", root.path])
    #expect(new.status == 0, "\(new.stderr)")
    #expect(new.stdout.hasSuffix("techniques/T0152.md\n"), "after upstream's T0151: \(new.stdout)")
    #expect(
      try Self.snapshot(root).keys.filter { !$0.hasPrefix("upstream/") }.sorted()
        == [
          ".disarm.yml", ".disarm.lock", "techniques/T0152.md",
        ].sorted())
    #expect(try Self.snapshot(root.appendingPathComponent("upstream")) == before)
    let plain = try DisarmProcess.run(["upstream", "--kb", TestSupport.sampleData.path])
    #expect(plain.status == 1 && plain.stderr.contains("extends no upstream"), "\(plain.stderr)")
  }

  @Test func anIdentifierUpstreamRetiredIsNotReusedLocally() throws {
    let sample = try String(
      contentsOf: TestSupport.sampleData.appendingPathComponent("techniques/T0002.md"), encoding: .utf8)
    let reused = sample.replacingOccurrences(of: "T0002: ", with: "T0009: ")
    let root = try Self.sampleExtension(
      configuration: "extends: upstream\n", pages: ["techniques/T0009.md": reused])
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("- id: T0009\n  name: Retired upstream\n  replaced-by: T0999\n".utf8).write(
      to: root.appendingPathComponent("upstream/retired.yml"))
    let lint = try DisarmProcess.run(["lint", root.path])
    #expect(lint.status == 1, "\(lint.stdout)\(lint.stderr)")
    #expect(
      lint.stdout.contains(
        "techniques/T0009.md:1:1: error: T0009 is retired upstream (upstream's register) but has a live page here"),
      "\(lint.stdout)")
    // Upstream's own entry naming a replacement it lacks is upstream's finding, not the extension's.
    #expect(!lint.stdout.contains("retired-replacement-missing"), "\(lint.stdout)")
    let show = try DisarmProcess.run(["show", "T0009", "--kb", root.path])
    #expect(show.stdout.contains("techniques/T0009.md (local)"), "\(show.stdout)")
  }

  @Test func updateRefusesWhatItCannotDoAndWritesNothing() throws {
    let root = try Self.sampleExtension(configuration: "extends: upstream\n")
    defer { try? FileManager.default.removeItem(at: root) }
    let before = try Self.snapshot(root)
    let cases: [([String], String)] = [
      (["--to", "upstream"], "already extends upstream"),
      (["--to", "missing"], ".disarm.yml:1: the upstream folder 'missing' does not exist"),
      (["--to", "../.."], "names a folder outside the knowledge base"),
    ]
    for (arguments, message) in cases {
      let result = try DisarmProcess.run(["upstream", "update", "--kb", root.path] + arguments)
      #expect(result.status == 2, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }
    let plain = try DisarmProcess.run(["upstream", "update", "--to", "x", "--kb", TestSupport.sampleData.path])
    #expect(plain.status == 2 && plain.stderr.contains("extends no upstream knowledge base"), "\(plain.stderr)")
    #expect(try Self.snapshot(root) == before)
  }
}
