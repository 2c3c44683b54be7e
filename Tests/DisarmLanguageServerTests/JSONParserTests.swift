import DisarmDiagnostics
import Testing

/// The JSON parser the language server reads messages with: every RFC 8259 document it accepts writes back (through
/// `JSONWriter`) to a document that reads as the same value, and malformed, too deep or lone-surrogate documents are
/// refused with the offset where reading stopped.
@Suite struct JSONParserTests {
  static func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

  @Test(arguments: [
    "null", "true", "false", "0", "-0", "42", "-9223372036854775808", "9223372036854775808", "1.5", "-2.5e-3",
    "1E+2", "\"\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", "\"\\u0000\\u001f\\u00e9\"", "\"é😀\"",
    "\"\\ud83d\\ude00\"", "[]", "{}", " [1, [2, [3]], {\"a\": {\"b\": null}}] ", "{\"k\":1,\"k\":2}",
    "{\"unicode key ✓\": [true, false, null, \"x\"]}",
  ])
  func validDocumentsRoundTrip(_ text: String) throws {
    let value = try Self.parse(text)
    #expect(try JSONParser.parse(JSONWriter.write(value)) == value)
    #expect(try JSONParser.parse(JSONWriter.compact(value)) == value)
  }

  @Test func valuesAreReadAsWritten() throws {
    #expect(try Self.parse("\"\\ud83d\\ude00\"") == .string("😀"))
    #expect(try Self.parse("\"\\u00e9\"") == .string("é"))
    #expect(try Self.parse("-12") == .int(-12))
    #expect(try Self.parse("3.0") == .number(3.0))
    #expect(try Self.parse("3.0").intValue == 3)
    #expect(try Self.parse("9223372036854775808") == .number(9_223_372_036_854_775_808))
    #expect(try Self.parse(#"{"k":1,"k":2}"#) == .object(["k": .int(2)]))
    #expect(
      try Self.parse(#" { "a" : [ 1 , "b" ] } "#) == .object(["a": .array([.int(1), .string("b")])]))
  }

  @Test(arguments: [
    "", " ", "{not json", "[1,2", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "-", "1.", ".5", "1e", "+1",
    "0x10", "NaN", "Infinity", "1e999", "tru", "nul", "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"",
    "[1] [2]", "'a'", "[1 2]", "{\"a\":1 \"b\":2}", "// comment\n1", "\"\\ud83d\"", "\"\\ude00\"",
    "\"\\ud83d\\u0041\"", "\"\\ud83dx\"",
  ])
  func malformedDocumentsAreRefused(_ text: String) {
    #expect(throws: JSONParser.Malformed.self) { try Self.parse(text) }
  }

  @Test func invalidUTF8IsRefused() {
    #expect(throws: JSONParser.Malformed.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    #expect(throws: JSONParser.Malformed.self) { try JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) }
  }

  @Test func aLoneSurrogateIsReportedWhereItsEscapeStarts() {
    let error = #expect(throws: JSONParser.Malformed.self) { try Self.parse(#"["a\ud800"]"#) }
    #expect(error?.description == "byte 3: a high surrogate without its low surrogate")
  }

  @Test func nestingIsBounded() throws {
    let deep = JSONParser.maximumDepth
    let allowed = String(repeating: "[", count: deep) + String(repeating: "]", count: deep)
    #expect(try Self.parse(allowed) != .null)
    let tooDeep = String(repeating: "[", count: deep + 1) + String(repeating: "]", count: deep + 1)
    #expect(throws: JSONParser.Malformed.self) { try Self.parse(tooDeep) }
    // Far deeper than any stack would bear: refused, not a crash.
    let hostile = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
    #expect(throws: JSONParser.Malformed.self) { try Self.parse(hostile) }
    #expect(throws: JSONParser.Malformed.self) { try JSONParser.parse(Array("[[1]]".utf8), maximumDepth: 1) }
  }
}
