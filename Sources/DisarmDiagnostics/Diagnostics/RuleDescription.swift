/// What a rule is, for people and tools: the catalogue entry shown by `disarm lint --list-rules`, `disarm explain`,
/// SARIF's `rules` and `docs/DIAGNOSTICS.md`. Every diagnostic of the rule takes its severity from here, so the
/// catalogue and the findings can never disagree.
public struct RuleDescription: Hashable, Sendable {
  /// The key `disarm explain`, `.disarm.yml` and SARIF look the rule up by.
  public let id: RuleID
  /// What part of a knowledge base the rule looks at; a lint rule's file lives in the folder of the same name.
  public let category: RuleCategory
  /// The severity every finding of the rule gets (a `.disarm.yml` may change it per knowledge base).
  public let severity: Severity
  /// Other severities the rule may report with, each for a reason its explanation gives (for example a link to an
  /// object that only an optional index page defines is a warning, not an error). Empty for most rules.
  public let otherSeverities: Set<Severity>
  /// One sentence: what the rule finds.
  public let summary: String
  /// Why the rule exists and how to resolve a finding.
  public let explanation: String
  /// Whether `disarm lint --fix` resolves findings of this rule.
  public let isFixable: Bool

  // MARK: For editors

  /// How an editor marks the rule's findings beyond their severity: text that could go shown faded, retired objects
  /// struck through. Empty for most rules.
  public let editorTags: Set<EditorTag>
  /// Whether regenerating the page (derived tables and names recomputed, as `disarm build --write` does) resolves a
  /// finding: the language server then offers that as the finding's code action.
  public let fixedByRegenerating: Bool

  /// Most rules report at one severity, cannot fix their findings and mean nothing special to an editor, hence the
  /// defaults.
  public init(
    category: RuleCategory,
    id: RuleID, severity: Severity, summary: String, explanation: String, isFixable: Bool = false,
    otherSeverities: Set<Severity> = [],
    editorTags: Set<EditorTag> = [], fixedByRegenerating: Bool = false
  ) {
    self.id = id
    self.category = category
    self.severity = severity
    self.summary = summary
    self.explanation = explanation
    self.isFixable = isFixable
    self.otherSeverities = otherSeverities
    self.editorTags = editorTags
    self.fixedByRegenerating = fixedByRegenerating
  }

  /// Whether a finding at `severity` is one the rule declares.
  public func allows(_ severity: Severity) -> Bool { severity == self.severity || otherSeverities.contains(severity) }
}
