/// How an editor marks a finding beyond its severity (the Language Server Protocol's diagnostic tags), declared by
/// the rule in its ``RuleDescription`` so that the language server keeps no list of rules of its own.
public enum EditorTag: Sendable, Hashable, CaseIterable {
  /// The finding marks text that could go (a stale or orphan page, a duplicate row): shown faded.
  case unnecessary
  /// The finding is about a retired object: shown struck through.
  case deprecated
}
