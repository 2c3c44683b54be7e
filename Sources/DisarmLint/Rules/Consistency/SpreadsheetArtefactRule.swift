import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `spreadsheet-artefact`: values a spreadsheet export left behind (`2016.0` for a year, `nan` for an empty cell).
public struct SpreadsheetArtefactRule: PageRule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("spreadsheet-artefact"), severity: .warning,
    summary: "A value looks like a spreadsheet conversion artefact (`2016.0`, `nan`).",
    explanation: """
      Years written `2016.0` and empty cells written `nan` come from a spreadsheet export; write `2016` or leave the \
      field empty.
      """)

  public static let examples = pair(
    "The incident's Year started is written `2016.0`.",
    ["incidents/I00001.md": Page.incident(year: "↓2016.0")],
    "The year is written `2016`.",
    ["incidents/I00001.md": Page.incident(year: "2016")])

  public static func check(page: ObjectPage, of object: DisarmObject?, in context: LintContext) -> [Diagnostic] {
    guard object != nil else { return [] }
    return page.fields.filter { isArtefact($0.value.trimmed) }.map { field in
      diagnostic(
        file: page.path, at: field.value.range.start,
        "'\(field.label)' is '\(field.value.trimmed)', a spreadsheet export artefact")
    }
  }

  /// `2016.0` (a whole number written as a float) or `nan`/`NaN`/`None` (an empty cell).
  static func isArtefact(_ value: String) -> Bool {
    if ["nan", "NaN", "None", "NULL"].contains(value) { return true }
    guard value.hasSuffix(".0"), value.count > 2 else { return false }
    return value.dropLast(2).allSatisfy(\.isNumber)
  }
}
