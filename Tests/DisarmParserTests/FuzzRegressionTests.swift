import DisarmDiagnostics
import DisarmFramework
import DisarmParser
import DisarmTestSupport
import Foundation
import Testing

/// Replays the fuzzer's saved inputs (`Tests/Fixtures/FuzzRegressions/`) without libFuzzer: each input, without its
/// selector byte, is parsed as every object page kind and every whole-knowledge-base page, and every part the
/// parser returns must be an exact slice of the input (the property the fuzz target checks).
@Suite struct FuzzRegressionTests {
  static let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/Fixtures/FuzzRegressions")

  static var inputs: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
  }

  static let wholeRoles: [WholePage.Role] =
    [.framework(red: true), .framework(red: false), .index(.responseType), .index(.detection)]
    + ObjectKind.pageKinds.map { .index($0) } + [.responseTypeTable(.tactic), .responseTypeTable(.metatechnique)]

  @Test func thereAreInputsToReplay() {
    #expect(Self.inputs.count >= 5, "\(Self.folder.path)")
  }

  @Test(arguments: inputs) func replay(_ name: String) throws {
    let data = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    let bytes = Array(data.dropFirst())
    for kind in ObjectKind.pageKinds {
      let page = PageParser.parse(
        path: "\(kind.folder)/\(name).md", kind: kind, bytes: bytes, framework: BuiltInFrameworks.standard)
      var parts: [SourceText] = page.fields.map(\.value) + page.otherText
      if let heading = page.heading {
        parts += [heading.line, heading.kindWord, heading.identifier, heading.name].compactMap { $0 }
      }
      for table in page.tables {
        parts.append(table.header)
        for row in table.rows { parts += [row.source] + row.cells + row.links.flatMap { [$0.text, $0.destination] } }
      }
      parts += page.references.flatMap { [$0.code] + ($0.name.map { [$0] } ?? []) }
      for part in parts {
        let range = part.range.offsets
        #expect(range.lowerBound >= 0 && range.lowerBound <= range.upperBound && range.upperBound <= bytes.count)
        if range.upperBound <= bytes.count && range.lowerBound <= range.upperBound {
          #expect(part.text == String(decoding: bytes[range], as: UTF8.self), "\(kind): \(part.range)")
        }
      }
      if let notes = page.notes { #expect(notes.tail.elementsEqual(bytes[notes.markerOffset...])) }
    }
    for role in Self.wholeRoles {
      let page = WholePage.parse(path: "\(name)_index.md", role: role, bytes: bytes)
      for row in page.table.rows {
        for cell in row.cells { #expect(cell.source.range.offsets.upperBound <= bytes.count) }
      }
    }
  }
}
