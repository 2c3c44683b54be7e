import Foundation

/// What a cell of a technique column says: whether the row's incident uses the technique, and, for a cell that is
/// not a plain `0`, `1` or blank, what was made of it.
///
/// Decided so that no cell's meaning is guessed: a value that can only mean 1 or 0 is read so with a warning (a
/// stray backtick or apostrophe before the digit, spaces around it, `1.0` as pandas writes a number column that has
/// blanks, `TRUE`/`FALSE` as spreadsheets write a checkbox); a spreadsheet error value (`#NAME?`, `#N/A`, …: a formula
/// that did not compute) claims nothing and is read as 0 with a warning; anything else (`2`, `yes`, `x`, a word) is
/// an error, since the import cannot tell whether the incident uses the technique. A blank cell is 0, silently:
/// datasets leave the zeros out.
enum CSVTechniqueCell: Equatable {
  /// Read as `uses` without remark.
  case clean(uses: Bool)
  /// Read as `uses`; `remark` says what was unusual.
  case dirty(uses: Bool, remark: String)
  /// A spreadsheet error value: read as 0.
  case errorValue(String)
  /// Not readable as 0 or 1.
  case unreadable(String)

  /// The values spreadsheets show for a formula that failed.
  static let errorValues: Set<String> = [
    "#NAME?", "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#FIELD!", "#GETTING_DATA",
    "#UNKNOWN!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#ERROR!", "#N/A!",
  ]

  /// The meaning of a cell whose text is `text` (`0`, `1` and blank are found on bytes before this is asked).
  static func read(_ text: String) -> CSVTechniqueCell {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty { return .clean(uses: false) }
    if errorValues.contains(trimmed.uppercased()) { return .errorValue(trimmed) }
    let spaced = trimmed != text
    var digits = Substring(trimmed)
    var stray: Character?
    if let first = digits.first, first == "`" || first == "'" || first == "\u{2018}" || first == "\u{2019}" {
      stray = first
      digits = digits.dropFirst()
    }
    let uses: Bool?
    switch digits.lowercased() {
    case "1", "1.0", "1.00", "true": uses = true
    case "0", "0.0", "0.00", "false": uses = false
    default: uses = nil
    }
    guard let uses else { return .unreadable(trimmed) }
    let value = uses ? "1" : "0"
    if let stray {
      let name = stray == "`" ? "backtick" : "apostrophe"
      return .dirty(uses: uses, remark: "a stray \(name) before \(digits); read as \(value)")
    }
    if digits != value { return .dirty(uses: uses, remark: "'\(digits)' read as \(value)") }
    return spaced ? .dirty(uses: uses, remark: "spaces around \(value); read as \(value)") : .clean(uses: uses)
  }
}
