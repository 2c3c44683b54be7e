import DisarmDiagnostics

/// Every rule `disarm` knows, in catalogue order (the order of `--list-rules` and `docs/DIAGNOSTICS.md`): grouped by
/// ``RuleCategory``, in the order of its cases. A new rule is one file in `Rules/<Category>/` plus one line here.
public enum RuleRegistry {
  /// The registered rules; a rule not listed here never runs.
  public static let rules: [any Rule.Type] = [
    // Files
    UnreadableFileRule.self, BinaryContentRule.self, InvalidUTF8Rule.self, UnexpectedFileRule.self,
    OutsideTreeRule.self,
    // Structure
    FileNameNotIDRule.self, WrongFolderRule.self, MissingHeadingRule.self, HeadingIDMismatchRule.self,
    HeadingKindMismatchRule.self, DuplicateIDRule.self, UpstreamCollisionRule.self, MissingNotesMarkerRule.self,
    MalformedTableRowRule.self,
    UnreadableFieldRule.self, EmptySummaryRule.self, MixedTemplatesRule.self, NameWhitespaceRule.self,
    // References
    UnresolvedLinkRule.self, UnresolvedReferenceRule.self, NameMismatchRule.self, BrokenLinkRule.self,
    ParentMismatchRule.self, SubtechniqueTacticMismatchRule.self,
    // Consistency
    DerivedOutOfDateRule.self, ConflictingFactRule.self, DuplicateRowRule.self, StalePageRule.self,
    OrphanPageRule.self, UnusedTacticRule.self, MissingPageRule.self, SpreadsheetArtefactRule.self,
    DuplicateImportIdentityRule.self,
    // Retirement
    RetiredIDReusedRule.self, RetiredReplacementMissingRule.self, RemovedWithoutRetirementRule.self,
    // Regeneration
    PageNotRegeneratedRule.self, LayoutNotReproducibleRule.self, PageChangedOnDiskRule.self,
  ]

  /// Every rule's catalogue entry, in catalogue order.
  public static var descriptions: [RuleDescription] { rules.map { $0.description } }

  /// The rule with `id`, if any.
  public static func rule(_ id: RuleID) -> (any Rule.Type)? { rules.first { $0.id == id } }

  /// The rule whose id is written `id`, if any (for configuration files and `disarm explain`).
  public static func rule(named id: String) -> (any Rule.Type)? { rule(RuleID(id)) }
}
