/// A problem found in a knowledge base, pointing at the exact place in a page.
///
/// Shaped like SwiftDiagnostics' `Diagnostic`: a typed rule identifier, a severity, a source range (start and end,
/// so that editors can underline it), notes at related places, and fix-its where the rule can repair the finding.
/// Diagnostics are values; the ``DiagnosticFormatter``, the JSON writer and the lint reporters render them.
public struct Diagnostic: Hashable, Sendable {
  /// The rule that found the problem; configuration files and CI filters select findings by it.
  public var rule: RuleID
  /// One the rule declares (``RuleDescription/allows(_:)``), unless a `.disarm.yml` changes it.
  public var severity: Severity
  /// Path relative to the page folder, `/`-separated.
  public var file: String
  /// 1-based line; 0 when the problem concerns the whole file.
  public var line: Int
  /// 1-based UTF-8 byte column; 0 when the problem concerns the whole file or line.
  public var column: Int
  /// The exact extent, when the finding is about a piece of text (its start is `line`:`column`).
  public var range: SourceRange?
  /// One sentence for people, naming the objects involved; unlike `rule`, it may be reworded between releases.
  public var message: String
  /// Related places (the other definition of a duplicate, the heading that names an object).
  public var notes: [DiagnosticNote]
  /// Edits that repair the finding.
  public var fixIts: [FixIt]

  /// A diagnostic at a line and column (0 for the whole file or line), without extent.
  public init(
    rule: RuleID, severity: Severity, file: String, line: Int = 0, column: Int = 0, message: String,
    notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
  ) {
    self.rule = rule
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.range = nil
    self.message = message
    self.notes = notes
    self.fixIts = fixIts
  }

  /// A diagnostic about the text in `range`.
  public init(
    rule: RuleID, severity: Severity, file: String, range: SourceRange, message: String,
    notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
  ) {
    self.init(
      rule: rule, severity: severity, file: file, line: range.start.line, column: range.start.column,
      message: message, notes: notes, fixIts: fixIts)
    self.range = range
  }

  /// `path:line:column: severity: message [rule]`, the one-line form compilers and editors understand.
  public var formatted: String {
    "\(DiagnosticFormatter.location(file: file, line: line, column: column)): \(severity.rawValue): \(message) [\(rule)]"
  }
}

extension Diagnostic {
  /// A finding about a spreadsheet cell (`disarm import`) names its place as `book.xlsx:sheet!C12`: the workbook
  /// file, then the place inside it. Reporters whose formats locate findings by file (SARIF, GitHub annotations)
  /// give the workbook as the file and the place as a logical location or in the message.
  public var spreadsheetPlace: (file: String, place: String)? {
    // Sheet names cannot hold a colon, so the last one ends the file's name.
    guard let colon = file.lastIndex(of: ":") else { return nil }
    let workbook = String(file[..<colon])
    let place = String(file[file.index(after: colon)...])
    guard !place.isEmpty, workbook.hasSuffix(".xlsx") || workbook.hasSuffix(".xlsm") else { return nil }
    return (workbook, place)
  }
}

extension Diagnostic: Comparable {
  /// Sorted by file, line, column, rule, then message: a stable order for output.
  /// (Field by field, as comparing the tuples would, without copying five fields of each side per comparison.)
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    if lhs.file != rhs.file { return lhs.file < rhs.file }
    if lhs.line != rhs.line { return lhs.line < rhs.line }
    if lhs.column != rhs.column { return lhs.column < rhs.column }
    if lhs.rule.rawValue != rhs.rule.rawValue { return lhs.rule.rawValue < rhs.rule.rawValue }
    return lhs.message < rhs.message
  }
}
