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
      Datasets kept in spreadsheets collect debris: a technique column's header whose name drifted from the \
      framework's, a cell holding `` `1``, ` 1 ` or `#NAME?` instead of 0 or 1, doubled spaces. Each is reported at \
      its row and column with what the import did (read as 1, read as 0, the framework's name used).
      """)
  static let duplicateSource = RuleDescription(
    category: .consistency, id: RuleID("incident-source-duplicate"), severity: .error,
    summary: "Two records of the input, or two incident pages, have the same source identity.",
    explanation: """
      Each imported incident is found again by its source identity (the page's `Imported from` field). Two records \
      with the same identity in one import, or two pages claiming the identity a record has, leave the import \
      unable to tell which page to update: nothing is written.
      """)

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
