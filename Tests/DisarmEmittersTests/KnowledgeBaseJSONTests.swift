import DisarmEmitters
import DisarmModel
import Foundation
import Testing

/// `disarm.json` for the sample knowledge base in `data/`, against a reviewed golden copy.
@Suite struct KnowledgeBaseJSONTests {
  @Test func sampleKnowledgeBaseMatchesGolden() throws {
    let kb = try KnowledgeBaseLoader.load(from: Golden.repository.appendingPathComponent("data").path)
    let bytes = JSONWriter.write(KnowledgeBaseJSON.document(for: kb, generator: "disarm test"))
    try Golden.check(bytes, against: "data.disarm.json")
  }

  @Test func streamedBytesEqualTheDocumentValue() throws {
    let kb = try KnowledgeBaseLoader.load(from: Golden.repository.appendingPathComponent("data").path)
    let streamed = KnowledgeBaseJSON.bytes(for: kb, generator: "disarm test")
    #expect(streamed == JSONWriter.write(KnowledgeBaseJSON.document(for: kb, generator: "disarm test")))
    try Golden.check(streamed, against: "data.disarm.json")
  }

  @Test func documentIsDeterministic() throws {
    let path = Golden.repository.appendingPathComponent("data").path
    let first = JSONWriter.write(KnowledgeBaseJSON.document(for: try KnowledgeBaseLoader.load(from: path), generator: "x"))
    let second = JSONWriter.write(KnowledgeBaseJSON.document(for: try KnowledgeBaseLoader.load(from: path), generator: "x"))
    #expect(first == second)
  }

  @Test func everyKindIsPresentEvenWhenEmpty() throws {
    let kb = try KnowledgeBaseLoader.load(from: Golden.repository.appendingPathComponent("data").path)
    guard case .object(let document) = KnowledgeBaseJSON.document(for: kb, generator: "x"),
      case .object(let objects) = document["objects"]
    else {
      Issue.record("document is not an object")
      return
    }
    #expect(Set(objects.keys) == Set(DisarmParserKinds.plurals))
  }
}

import DisarmParser

enum DisarmParserKinds {
  static let plurals = ObjectKind.allCases.map(\.plural)
}
