import DisarmDiagnostics
import DisarmTestSupport
import Testing

@testable import DisarmMigration

/// The migration's JSON reader: every value's byte range, strings decoded like JSONParser's, and every malformed or
/// oversized document refused at its offset (files to migrate come from other people's platforms).
@Suite struct JSONSpanTests {
  static let limits = JSONParser.Limits(maximumDepth: 8, maximumValues: 100, maximumStringBytes: 64)

  @Test func rangesAndStrings() throws {
    let text = #"{"a": [1, -2.5e3, "x\"y\u00e9\ud83d\ude00", true, null], "b" : {}}"#
    let bytes = Array(text.utf8)
    let whole = try JSONSpan.read(bytes, limits: Self.limits)
    let document = whole.root
    let array = try #require(document["a"])
    #expect(
      String(decoding: bytes[array.range], as: UTF8.self) == #"[1, -2.5e3, "x\"y\u00e9\ud83d\ude00", true, null]"#)
    #expect(array.elements[2].string == "x\"yé😀")
    #expect(array.elements.count == 5)
    #expect(document.members.map(\.key) == ["a", "b"])
    #expect(String(decoding: bytes[document.members[1].range], as: UTF8.self) == #""b" : {}"#)
    #expect(try JSONParser.parse(bytes)["a"]?.arrayValue?[2].stringValue == array.elements[2].string)
    withExtendedLifetime(whole) {}
  }

  @Test func membersNotKeptAndObjectsOfOtherTypesAreCheckedButNotBuilt() throws {
    let text =
      #"{"objects": [{"type": "relationship", "id": "r", "x": [1]}, {"id": "a", "type": "attack-pattern", "description": "d", "name": "n"}], "other": {"deep": [1, 2]}}"#
    let bytes = Array(text.utf8)
    let whole = try JSONSpan.read(
      bytes, limits: Self.limits, keeping: ["objects", "type", "id", "name"],
      skippingObjectsOfOtherTypes: ["attack-pattern"])
    let objects = try #require(whole.root["objects"]).elements
    // An object of another type is checked whole, not built.
    guard case .skipped = objects[0].value else {
      Issue.record("the relationship was built")
      return
    }
    #expect(
      String(decoding: bytes[objects[0].range], as: UTF8.self) == #"{"type": "relationship", "id": "r", "x": [1]}"#)
    #expect(objects[1].members.map(\.key) == ["id", "type", "description", "name"])
    #expect(objects[1]["name"]?.string == "n")
    guard case .skipped = objects[1]["description"]!.value else {
      Issue.record("description was built")
      return
    }
    guard case .skipped = whole.root["other"]!.value else {
      Issue.record("other was built")
      return
    }
    // What is skipped is still checked.
    #expect(throws: JSONParser.Malformed.self) {
      _ = try JSONSpan.read(
        Array(#"{"objects": [{"type": "relationship", "x": [1,]}]}"#.utf8), limits: Self.limits,
        keeping: ["objects", "type"], skippingObjectsOfOtherTypes: ["attack-pattern"])
    }
    withExtendedLifetime(whole) {}
  }

  @Test func theWordAtATimeScanFindsWhatTheByteAtATimeScanFinds() {
    var random = SeededRandom(seed: 31)
    let alphabet: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xFF, 0x41]
    for _ in 0..<2000 {
      let count = Int.random(in: 0..<40, using: &random)
      let bytes = (0..<count).map { _ in
        Bool.random(using: &random) ? UInt8(ascii: "a") : alphabet.randomElement(using: &random)!
      }
      let start = count == 0 ? 0 : Int.random(in: 0...count, using: &random)
      let expected = bytes[start...].firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? count
      bytes.withUnsafeBufferPointer { buffer in
        #expect(JSONSpan.plainText(in: buffer, from: start) == expected, "\(bytes) from \(start)")
      }
    }
  }

  @Test(arguments: [
    ("{\"a\": [1,]}", "a value expected"), ("{\"a\": \"x", "closing quote"), ("[\"\\q\"]", "unknown escape"),
    ("[01]", "leading zero"), ("[1] 2", "content after the value"), ("{\"a\" 1}", "':' expected"),
    ("[[[[[[[[[1]]]]]]]]]", "nested deeper than 8"), ("[\"\u{1}\"]", "control character"),
    ("[tru]", "a value expected"),
    ("[\"\(String(repeating: "x", count: 65))\"]", "longer than 64 bytes"), ("[1.]", "digit expected after '.'"),
    ("[" + Array(repeating: "1", count: 100).joined(separator: ",") + "]", "more than 100 values"), ("", "ends"),
  ])
  func malformedDocumentsAreRefusedAtTheirOffset(document: String, reason: String) {
    #expect {
      _ = try JSONSpan.read(Array(document.utf8), limits: Self.limits)
    } throws: { error in
      "\(error)".contains(reason)
    }
  }
}
