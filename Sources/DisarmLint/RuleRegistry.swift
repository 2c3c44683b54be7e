import DisarmDiagnostics

/// Every rule `disarm` knows, in catalogue order (the order of `--list-rules` and `docs/DIAGNOSTICS.md`).
/// A new rule is one file in `Rules/` plus one line here.
public enum RuleRegistry {
  /// The registered rules; a rule not listed here never runs.
  public static let rules: [any Rule.Type] = [
    // Reading
    UnreadableFileRule.self, BinaryContentRule.self, InvalidUTF8Rule.self, UnexpectedFileRule.self,
    // Structure
    FileNameNotIDRule.self, WrongFolderRule.self, MissingHeadingRule.self, HeadingIDMismatchRule.self,
    HeadingKindMismatchRule.self, DuplicateIDRule.self, MissingNotesMarkerRule.self, MalformedTableRowRule.self,
    UnreadableFieldRule.self, EmptySummaryRule.self, MixedTemplatesRule.self,
    // References
    UnresolvedLinkRule.self, UnresolvedReferenceRule.self, NameMismatchRule.self, BrokenLinkRule.self,
    ParentMismatchRule.self, SubtechniqueTacticMismatchRule.self,
    // Consistency
    DerivedOutOfDateRule.self, ConflictingFactRule.self, DuplicateRowRule.self, StalePageRule.self,
    OrphanPageRule.self, UnusedTacticRule.self, MissingPageRule.self, SpreadsheetArtefactRule.self,
    // Versions
    RetiredIDReusedRule.self, RetiredReplacementMissingRule.self, RemovedWithoutRetirementRule.self,
    NameWhitespaceRule.self,
    // Regeneration
    PageNotRegeneratedRule.self, PageChangedOnDiskRule.self,
  ]

  /// Every rule's catalogue entry, in catalogue order.
  public static var descriptions: [RuleDescription] { rules.map { $0.description } }

  /// The rule with `id`, if any.
  public static func rule(_ id: RuleID) -> (any Rule.Type)? { rules.first { $0.id == id } }

  /// The rule whose id is written `id`, if any (for configuration files and `disarm explain`).
  public static func rule(named id: String) -> (any Rule.Type)? { rule(RuleID(id)) }
}
