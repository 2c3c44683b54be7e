import DisarmDiagnostics
import DisarmFramework
import Testing

@testable import DisarmParser

/// Small pages written for these tests, one per template feature.
@Suite struct PageParserTests {
  static let bulleted = """
    # Technique T0001: Example Technique

    * **Summary**: First line of a summary. 

    * **Belongs to tactic stage**: TA07


    | Incident | Descriptions given for this incident |
    | -------- | -------------------- |
    | [I00001 Example Incident](../../generated_pages/incidents/I00001.md) | Used T0002: Other Technique, then TA07. |



    | Counters | Response types |
    | -------- | -------------- |


    DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW
    """

  static let plain = """
    # Technique T0001.002: Sub Technique

    **Summary**: A sub-technique.<br><br>Second paragraph.

    **Tactic**: TA07 Select Channels and Affordances <br><br>**Parent Technique:** T0001 Example Technique


    | Associated Technique | Description |
    | --------- | ------------------------- |
    | [T0003 Third](../../generated_pages/techniques/T0003.md) | Related because of T0003: Third (Deepfakes). |

    DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW
    my note
    """

  func parse(_ text: String, kind: ObjectKind = .technique, path: String = "techniques/T0001.md") -> ObjectPage {
    PageParser.parse(path: path, kind: kind, bytes: Array(text.utf8), framework: BuiltInFrameworks.standard)
  }

  @Test func bulletedTemplateFields() throws {
    let page = parse(Self.bulleted)
    #expect(page.template == .bulleted2022)
    #expect(page.heading?.identifier?.text == "T0001")
    #expect(page.heading?.name?.text == "Example Technique")
    #expect(page.fields.map(\.label) == ["Summary", "Belongs to tactic stage"])
    #expect(page.fields.map(\.style) == [.bulletColonOutside, .bulletColonOutside])
    // The value keeps its trailing space: it is the exact source.
    #expect(page.field("summary")?.value.text == "First line of a summary. ")
    #expect(page.field("belongs to tactic stage")?.value.text == "TA07")
    #expect(page.field("summary")?.start == SourcePosition(line: 3, column: 1, offset: 38))
    #expect(page.heading != nil && page.notes != nil)
  }

  /// A summary cell that ended with a line break was written verbatim before the template's blank line: the extra
  /// line break is the value's (2024-03's I00066), one blank line alone is the separator, and spaces between are
  /// not a line break (the value stops at its paragraph).
  @Test func extraBlankLinesBeforeTheNextFieldBelongToTheValue() throws {
    let marker = "DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW"
    func summary(_ between: String) -> String? {
      let text = "# Incident I00066: War\n\n* **Summary:** Fallout.\(between)* **incident type**: incident\n\n\(marker)"
      return parse(text, kind: .incident, path: "incidents/I00066.md").field("summary")?.value.text
    }
    #expect(summary("\n\n\n") == "Fallout.\n")
    #expect(summary("\n\n\n\n") == "Fallout.\n\n")
    #expect(summary("\n\n") == "Fallout.")
    #expect(summary("\n \n\n") == "Fallout.")
  }

  @Test func tablesRowsAndLinks() throws {
    let page = parse(Self.bulleted)
    #expect(page.tables.count == 2)
    let incidents = try #require(page.table(firstColumn: "Incident"))
    #expect(incidents.columns == ["Incident", "Descriptions given for this incident"])
    #expect(incidents.rows.count == 1)
    let row = incidents.rows[0]
    #expect(
      row.cells.map(\.text) == [
        "[I00001 Example Incident](../../generated_pages/incidents/I00001.md)",
        "Used T0002: Other Technique, then TA07.",
      ])
    #expect(row.links.first?.targetFileStem == "I00001")
    #expect(row.links.first?.targetFolder == "incidents")
    #expect(row.links.first?.text.text == "I00001 Example Incident")
    #expect(page.table(firstColumn: "Counters")?.rows.isEmpty == true)
  }

  @Test func inlineReferencesSkipLinksAndReadNames() throws {
    let page = parse(Self.bulleted)
    let codes = page.references.map(\.code.text)
    // I00001 is inside a link and is recorded as a link, not as prose.
    #expect(codes == ["TA07", "T0002", "TA07"])
    #expect(page.references[1].name?.text == "Other Technique")
    #expect(page.references[2].name == nil)
  }

  @Test func plainTemplateSplitsFieldsJoinedByBreaks() throws {
    let page = parse(Self.plain, path: "techniques/T0001.002.md")
    #expect(page.template == .plain2025)
    #expect(page.fields.map(\.key) == ["summary", "tactic", "parent technique"])
    #expect(page.field("tactic")?.value.text == "TA07 Select Channels and Affordances ")
    #expect(page.field("parent technique")?.separator?.text == "<br><br>")
    #expect(page.field("parent technique")?.style == .plainColonInside)
    #expect(page.field("parent technique")?.value.text == "T0001 Example Technique")
  }

  @Test func referenceNameKeepsBalancedParentheses() throws {
    let page = parse(Self.plain, path: "techniques/T0001.002.md")
    let third = try #require(page.references.first { $0.code.text == "T0003" })
    #expect(third.name?.text == "Third (Deepfakes)")
  }

  @Test func notesAreKeptByteForByte() throws {
    let page = parse(Self.plain)
    let notes = try #require(page.notes)
    #expect(notes.tail == Array("DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW\nmy note".utf8))
    #expect(notes.text == "my note")
    #expect(notes.markerPosition.line == 12)
  }

  @Test func notesAreNeverParsedAsData() throws {
    let text = Self.plain + "\n**Tactic**: TA99 Not Data\n| A | B |\n| - | - |\n| x | T9999 |\n"
    let page = parse(text)
    #expect(page.fields.count == 3)
    #expect(page.tables.count == 1)
    #expect(!page.references.contains { $0.code.text == "T9999" || $0.code.text == "TA99" })
  }

  @Test func rowContinuesOnNextLine() throws {
    let text = """
      # Incident I00001: Example

      | Reference | Pub Date | Authors | Org | Archive |
      | --------- | -------- | ------- | --- | ------- |
      | [a](https://example.org/a) | 2024/04/05 | 
      Some Author | Some Org | [b](https://example.org/b) |
      | [c](https://example.org/c) | 2024/04/06 | Other | Org | x |

      DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW
      """
    let page = parse(text, kind: .incident, path: "incidents/I00001.md")
    let table = try #require(page.tables.first)
    #expect(table.rows.count == 2)
    #expect(table.rows[0].cells.count == 5)
    #expect(table.rows[0].cells[2].text == "\nSome Author")
    #expect(table.rows[0].source.range.start.line == 5)
    #expect(table.rows[0].source.range.end.line == 6)
    #expect(page.heading != nil && page.notes != nil)
  }

  @Test func unescapedPipeMakesAMalformedRowButKeepsTheText() throws {
    let text = """
      # Incident I00001: Example

      | Technique | Description given for this incident |
      | --------- | ------------------------- |
      | [T0001 X](../../generated_pages/techniques/T0001.md) | noun|verb|adjective |

      DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW
      """
    let page = parse(text, kind: .incident, path: "incidents/I00001.md")
    let row = try #require(page.tables.first?.rows.first)
    #expect(row.cells.count == 4)
    #expect(row.text(fromCell: 1) == "noun|verb|adjective")
    // The row keeps its exact source; `malformed-table-row` (DisarmLint) reports the cell count.
    #expect(page.tables.first?.columns.count == 2)
    #expect(row.source.range.start.line == 5)
  }

  @Test func pageWithoutMarkerOrHeadingIsStillRead() throws {
    let page = parse("* **Summary:** Only a summary.\n", kind: .phase, path: "phases/P01.md")
    #expect(page.notes == nil)
    #expect(page.heading == nil)
    #expect(page.template == .unrecognised)
    #expect(page.fields.first?.value.text == "Only a summary.")
  }

  @Test func invalidUTF8IsFoundWithItsOffset() throws {
    var bytes = Array("# Phase P01: Plan\n\n* **Summary:** caf".utf8)
    bytes += [0xC3, 0x28]
    bytes += Array("\n\nDO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW".utf8)
    let page = PageParser.parse(
      path: "phases/P01.md", kind: .phase, bytes: bytes, framework: BuiltInFrameworks.standard)
    let offset = try #require(page.file.firstInvalidUTF8Offset)
    #expect(offset == 37)
    #expect(page.file.position(at: offset).line == 3)
    #expect(page.file.position(at: offset).column == 19)
    #expect(page.file.firstNULOffset == nil)
  }

  @Test func headingWithStrayIdentifierSpacing() throws {
    let page = parse("# Technique T0039 : Bait Influencers\n\nDO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW")
    #expect(page.heading?.identifier?.text == "T0039 ")
    #expect(page.heading?.name?.text == "Bait Influencers")
  }

  @Test(arguments: [
    ("T0151.008", ObjectKind.technique), ("TA07", .tactic), ("TK0001", .task), ("I00122", .incident),
    ("C00008", .counter), ("A001", .actorType), ("M004", .metatechnique), ("P01", .phase), ("D02", .responseType),
    ("F00001", .detection),
  ])
  func identifiersAreRecognised(code: String, kind: ObjectKind) {
    #expect(BuiltInFrameworks.standard.identifiers.kind(of: code) == kind)
  }

  @Test(arguments: ["T01", "T0151.", "t0151", "T0151 ", "", "TA", "X0001", "T0151.0081"])
  func nonIdentifiersAreRejected(text: String) {
    #expect(BuiltInFrameworks.standard.identifiers.kind(of: text) == nil)
  }
}
