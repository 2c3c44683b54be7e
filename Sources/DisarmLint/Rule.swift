import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A lint rule: its catalogue entry, its examples and its check, together in one file
/// (`Rules/<Category>/<Name>Rule.swift`, the folder named after ``RuleDescription/category``), as in SwiftLint.
/// Adding a rule means writing that file and listing the type in ``RuleRegistry``.
public protocol Rule: Sendable {
  /// The catalogue entry: category, id, severity, summary, explanation, fixability.
  static var description: RuleDescription { get }
  /// When the rule can run: most rules read the linked model; a few need the regenerated pages.
  static var phase: LintPhase { get }
  /// Triggering and non-triggering examples (at least one of each), with `↓` markers where the rule fires.
  static var examples: [RuleExample] { get }
  /// The rule's findings in the knowledge base `context` describes.
  static func check(_ context: LintContext) -> [Diagnostic]
  /// The rule as a ``PageRule`` if it is one: told without a dynamic cast (`as? any PageRule.Type`), which on its
  /// first use for each type searches the binary's conformance tables, a cost every one-shot command paid.
  static var asPageRule: (any PageRule.Type)? { get }
}

/// The stage of ``Linter`` a rule runs in.
public enum LintPhase: Sendable {
  /// Over the linked knowledge base.
  case model
  /// Over the regenerated pages (``LintContext/regeneration`` is set).
  case regeneration
  /// Over the pages whose regenerated form differs from the file (``LintContext/changes`` is set).
  case drift
  /// Over the pages that changed on disk while the command ran (``LintContext/conflicts`` is set), after the
  /// changes were planned and again after they were written.
  case writing
}

extension Rule {
  /// Most rules read only the linked model.
  public static var phase: LintPhase { .model }

  /// The rule's identifier.
  public static var id: RuleID { description.id }

  /// A finding about the text in `range`, at the rule's severity.
  static func diagnostic(
    file: String, range: SourceRange, _ message: String, notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
  ) -> Diagnostic {
    Diagnostic(
      rule: id, severity: description.severity, file: file, range: range, message: message, notes: notes,
      fixIts: fixIts)
  }

  /// A finding at a line and column (0 for the whole file or line), at the rule's severity, or at one of the
  /// ``RuleDescription/otherSeverities`` the rule declares.
  static func diagnostic(
    file: String, line: Int = 0, column: Int = 0, _ message: String, notes: [DiagnosticNote] = [],
    severity: Severity? = nil
  ) -> Diagnostic {
    let chosen = severity ?? description.severity
    assert(description.allows(chosen), "\(id) does not declare the severity \(chosen)")
    return Diagnostic(
      rule: id, severity: chosen, file: file, line: line, column: column, message: message, notes: notes)
  }

  /// A finding at a position without extent.
  static func diagnostic(
    file: String, at position: SourcePosition, _ message: String, severity: Severity? = nil
  ) -> Diagnostic {
    diagnostic(file: file, line: position.line, column: position.column, message, severity: severity)
  }
}
