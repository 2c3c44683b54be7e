import DisarmDiagnostics

/// The findings of `disarm import` on incident files (STIX bundles, MISP events, CSV datasets), each with its
/// catalogue entry: they are reported like the spreadsheet's, in every `--format`, at `file:line:column` (JSON) or
/// `file:row:column` (CSV).
public enum IncidentFindings {
  static let malformed = RuleDescription(
    category: .files, id: RuleID("incident-input-malformed"), severity: .error,
    summary: "An incident file cannot be read: malformed JSON or CSV, over a bound, or not of the expected shape.",
    explanation: """
      The file is untrusted input: it must be well-formed (JSON per RFC 8259, CSV per RFC 4180), within the bounds \
      (size, nesting depth, number of values, length of a string, number of columns) and of the shape of its format \
      (a STIX bundle's `objects`, a MISP export's `Event`). Nothing is imported from a file with this error.
      """)
  static let unknownTechnique = RuleDescription(
    category: .references, id: RuleID("incident-technique-unknown"), severity: .error,
    summary: "An incident names a technique this knowledge base does not have.",
    explanation: """
      Each technique an incident uses is found by its DISARM identifier (an attack-pattern's `external_id` or \
      `x_mitre_id`, a MISP galaxy cluster or tag, a CSV column header), else by the STIX id of an attack-pattern of \
      the DISARM Foundation's bundles, of `disarm export stix` or of a bundle given with `--stix-ids`, else by its \
      name. A technique found none of these ways, or an identifier no page and no retired entry has, stops the import.
      """)
  static let retiredTechnique = RuleDescription(
    category: .retirement, id: RuleID("incident-technique-retired"), severity: .warning,
    summary: "An incident names a retired technique; its replacement is used.",
    explanation: """
      The technique is in the register of retired identifiers (`retired.yml`) with a replacement: the incident's \
      row names the replacement instead. A retired technique without a replacement is an error.
      """, otherSeverities: [.error])
  static let techniqueByName = RuleDescription(
    category: .references, id: RuleID("incident-technique-by-name"), severity: .warning,
    summary: "A technique was found by its name only.",
    explanation: """
      The source gives no DISARM identifier and no known STIX id for the technique, only a name, which matched \
      exactly one technique of the knowledge base (ignoring case and spacing). Names drift between releases: give \
      the identifier in the source where you can.
      """)
  static let dirtyCell = RuleDescription(
    category: .structure, id: RuleID("incident-cell-dirty"), severity: .warning,
    summary: "A CSV cell or header is not quite what it should be; the message says what was made of it.",
    explanation: """
      Datasets kept in spreadsheets collect debris. Each piece is reported at its row and column (the header is \
      row 1) with what the import did. Warnings: a technique column's header whose name differs from the \
      framework's name for its identifier, doubled spaces and case included (the identifier is read); a technique \
      cell that can only mean 1 or 0 (`` `1`` with a stray backtick or apostrophe, ` 1 `, `1.0`, `TRUE`/`FALSE`: \
      read so); a spreadsheet error value (`#NAME?`, `#N/A`, …: a formula that did not compute, read as 0 in a \
      technique column and as blank elsewhere); a source cell holding words that are no web address (left out of \
      the references); a year cell that starts with no year (Year started left as the page has it); a cell beyond \
      the header's columns (not read). Error: a technique cell holding anything else (`2`, `yes`, `x`): whether \
      the incident uses the technique cannot be told, so nothing is imported. A blank technique cell is 0 and is \
      not reported. At most 10,000 findings are listed per file; one more says how many were not.
      """, otherSeverities: [.error])
  static let duplicateSource = RuleDescription(
    category: .consistency, id: RuleID("incident-source-duplicate"), severity: .error,
    summary: "Two records of the input, or two incident pages, have the same source identity.",
    explanation: """
      Each imported incident is found again by its source identity (the page's `Imported from` field). Two records \
      with the same identity in one import, or two pages claiming the identity a record has, leave the import \
      unable to tell which page to update: nothing is written.
      """)

  /// The explanation `disarm explain` prints for the finding with `id`, or nil when no incident finding has it.
  public static func explanation(for id: String) -> String? {
    guard let rule = descriptions.first(where: { $0.id.rawValue == id }) else { return nil }
    return """
      \(rule.id) (\(rule.severity.rawValue); a finding of disarm import on incident files)
      Category: \(rule.category.title) (\(rule.category.summary))
      \(rule.summary)

      \(rule.explanation)

      """
  }

  /// Every finding's catalogue entry (for SARIF's rule list).
  public static let descriptions = [
    malformed, unknownTechnique, retiredTechnique, techniqueByName, dirtyCell, duplicateSource,
  ]

  /// A file that cannot be read, as an error to pass along: its one finding.
  struct Failure: Error {
    var finding: Diagnostic
  }

  /// ``finding(_:_:_:severity:)`` as a ``Failure``.
  static func failure(_ rule: RuleDescription, _ place: InputPlace, _ message: String) -> Failure {
    Failure(finding: finding(rule, place, message))
  }

  static func finding(
    _ rule: RuleDescription, _ place: InputPlace, _ message: String, severity: Severity? = nil
  ) -> Diagnostic {
    Diagnostic(
      rule: rule.id, severity: severity ?? rule.severity, file: place.file, line: place.line, column: place.column,
      message: message)
  }
}
