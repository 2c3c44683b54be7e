import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmRegeneration
import Testing

@Suite struct JSONWriterTests {
  func text(_ value: JSONValue) -> String { String(decoding: JSONWriter.write(value), as: UTF8.self) }

  @Test func keysAreSortedAndIndented() {
    let value = JSONValue.object(["b": .int(1), "a": .array([.bool(true), .null]), "c": .object([:]), "d": .array([])])
    #expect(text(value) == "{\n  \"a\": [\n    true,\n    null\n  ],\n  \"b\": 1,\n  \"c\": {},\n  \"d\": []\n}\n")
  }

  @Test func stringsAreEscapedAndSlashesAreNot() {
    #expect(text(.string("a\"b\\c\nd\te\u{1}/é")) == "\"a\\\"b\\\\c\\nd\\te\\u0001/é\"\n")
  }

  @Test func controlAndDeleteCharactersAreEscaped() {
    #expect(text(.string("\u{1B}[31m\u{7F}")) == "\"\\u001b[31m\\u007f\"\n")
  }
}
