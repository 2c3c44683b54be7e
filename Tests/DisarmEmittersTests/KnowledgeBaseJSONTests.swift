import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmFramework
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// `disarm.json` for the sample knowledge base in `data/`, against a reviewed golden copy.
@Suite struct KnowledgeBaseJSONTests {
  @Test func sampleKnowledgeBaseMatchesGolden() throws {
    let kb = try CheckedKnowledgeBase.load(TestSupport.sampleData.path)
    let bytes = JSONWriter.write(KnowledgeBaseJSON.document(for: kb, generator: "disarm test"))
    try EmitterFixtures.golden.check(bytes, against: "data.disarm.json")
  }

  @Test func streamedBytesEqualTheDocumentValue() throws {
    let kb = try CheckedKnowledgeBase.load(TestSupport.sampleData.path)
    let streamed = KnowledgeBaseJSON.bytes(for: kb, generator: "disarm test")
    #expect(streamed == JSONWriter.write(KnowledgeBaseJSON.document(for: kb, generator: "disarm test")))
    try EmitterFixtures.golden.check(streamed, against: "data.disarm.json")
  }

  /// Determinism across processes (where hash seeds differ) is tested on the built binary:
  /// `BuildCommandTests.buildingTwiceGivesIdenticalJSON` runs `disarm build` twice and compares the bytes.

  /// A knowledge base with only a phase still lists every kind, each empty but the phases: consumers can index the
  /// document by kind without checking for absent keys.
  @Test func everyKindIsPresentEvenWhenEmpty() throws {
    let kb = Linter.check(
      try TemporaryKnowledgeBase.load([
        "phases/P01.md":
          "# Phase P01: Plan\n\n* **Summary:** Plan.\n\nDO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW"
      ]))
    guard case .object(let document) = KnowledgeBaseJSON.document(for: kb, generator: "x"),
      case .object(let objects) = document["objects"]
    else {
      Issue.record("document is not an object")
      return
    }
    #expect(Set(objects.keys) == Set(DisarmParserKinds.plurals))
    for (kind, list) in objects {
      guard case .array(let items) = list else {
        Issue.record("\(kind) is not a list")
        continue
      }
      #expect(items.count == (kind == "phases" ? 1 : 0), "\(kind)")
    }
  }
}

enum DisarmParserKinds {
  static let plurals = ObjectKind.allCases.map(\.plural)
}
