/// Where a framework's master spreadsheet keeps one kind of record, for `disarm import` and `disarm export xlsx`:
/// the sheet's name and the header of the column holding each fact (`id: disarm_id`, `tactic: tactic_id`).
///
/// The facts a record can have are the importer's (the ones pages show, see ``records``); their sheet and column
/// names are the framework's, given in its description's `workbook:` section, so that a team whose spreadsheet
/// calls the tactic column `stage` needs no code.
public struct WorkbookSheet: Sendable, Equatable {
  /// The sheet's name (`techniques`, `countermeasures`).
  public let sheet: String
  /// The header of each fact's column, by fact name.
  public let columns: [String: String]

  public init(sheet: String, columns: [String: String]) {
    self.sheet = sheet
    self.columns = columns
  }

  /// The header of `fact`'s column, if this framework's sheet has one.
  public func column(_ fact: String) -> String? { columns[fact] }

  /// The records a workbook can hold and the facts of each, in the order `disarm export xlsx` writes their columns.
  /// Object kinds go by their role's name; the rest are the data workbook's cross-reference sheets: an incident's
  /// techniques with the description given for each, a technique's associated techniques, an incident's references.
  public static let records: [(name: String, facts: [String])] = [
    ("phase", ["id", "name", "summary"]),
    ("tactic", ["id", "name", "phase", "summary"]),
    ("technique", ["id", "name", "tactic", "summary"]),
    ("task", ["id", "name", "tactic", "summary"]),
    (
      "counter",
      [
        "id", "name", "metatechnique", "summary", "actor-types", "resources", "incidents", "tactic", "response-type",
        "techniques",
      ]
    ),
    ("actortype", ["id", "name", "summary", "sectors", "viewpoints"]),
    ("metatechnique", ["id", "name", "summary"]),
    ("responsetype", ["id", "name", "summary"]),
    ("detection", ["id", "name", "metatechnique", "summary", "tactic", "response-type"]),
    (
      "incident",
      ["id", "name", "type", "summary", "year", "attributed-to", "found-in", "found-via", "added", "references"]
    ),
    ("incident-technique", ["id", "incident", "techniques", "description"]),
    ("associated-technique", ["id", "technique", "associated", "description"]),
    ("reference", ["url", "date", "authors", "org", "archive"]),
  ]

  /// What a framework's generator made of a row of an object sheet whose identifier cell is empty but which has a
  /// value elsewhere (a `longname` formula left in an otherwise empty row): DISARM's 1.x and 2.0 generators wrote it
  /// as the page `<folder>/.md` with an empty index row, the 2026 one leaves it out. `disarm import` does the same,
  /// with a warning, so that a release is reproduced byte for byte.
  public enum RowsWithoutID: String, Sendable, Equatable, CaseIterable {
    /// Written as the page `<folder>/.md` and an empty index row (DISARM 1.x and 2.0 Observations).
    case page
    /// Left out (DISARM 2026 Assessments; the default).
    case skip
  }

  /// The records that live in DISARM's data workbook (`DISARM_DATA_MASTER.xlsx`) rather than the framework's.
  public static let dataRecords: Set<String> = ["incident", "incident-technique", "associated-technique", "reference"]
}
