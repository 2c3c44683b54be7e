import DisarmDiagnostics
import DisarmParser

/// The kinds of link between objects, each owned by one kind of page.
public enum RelationKind: String, CaseIterable, Sendable, Comparable {
  /// Technique, task, counter or detection to its tactic (the `Belongs to tactic stage` / `Tactic` field).
  case tactic
  /// Tactic to its phase (`Belongs to phase`).
  case phase
  /// Sub-technique to its parent technique (from the ID, and the 2025 `Parent Technique` field).
  case parent
  /// Incident to a technique it used, with the description given for that pair (incident's technique table).
  case usesTechnique
  /// Technique to an associated technique, with a description (2025 Associated Technique table).
  case associatedTechnique
  /// Counter to a technique it counters (`Counters these Techniques`).
  case countersTechnique
  /// Counter to a tactic it counters (`Counters these Tactics`).
  case countersTactic
  /// Counter to an actor type that can carry it out, with sectors (`Actor types | Sectors`).
  case actorType
  /// Counter or detection to its metatechnique (`Metatechnique` field or index column).
  case metatechnique
  /// Counter to an incident it was seen in (`Seen in incidents`).
  case seenInIncident
  /// Counter or detection to its response type (shown only in derived tables and indexes).
  case responseType

  /// Declaration order, which the CSV export's relation tables follow.
  public static func < (lhs: RelationKind, rhs: RelationKind) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// A link from one object to another, with where it was written.
public struct Relation: Sendable {
  /// What the link means, which also fixes the kind of page that owns it.
  public var kind: RelationKind
  /// The object the link starts from; its own page states it, except for facts only derived pages show.
  public var source: DisarmID
  /// The object pointed at, which need not exist (see `isResolved`).
  public var target: DisarmID
  /// Where the owning page gives text for the pair (incident descriptions, sectors, associated-technique notes).
  public var descriptionSource: SourceText?
  /// The text the owning page gives for the pair, exactly as written (decoded when asked for, so that loading a
  /// large knowledge base does not copy every description).
  public var description: String? { descriptionSource?.text }
  /// The page the relation was read from: usually the source's own, a derived page for a counter's response type.
  public var file: String
  /// Where in `file`: the field value, table row or index cell (the heading's identifier for a parent).
  public var position: SourcePosition
  /// Whether `target` exists in the knowledge base.
  public var isResolved: Bool
  /// Where the relation was written.
  public var origin: Origin = .field

  /// The kind of place a relation was read from.
  public enum Origin: String, Sendable {
    /// A field such as `**Tactic**:`.
    case field
    /// A row of a markdown table (its first link).
    case tableRow
    /// A column of a whole-knowledge-base page.
    case index
  }
}

/// An identifier mentioned in prose, and what it points at.
public struct ResolvedReference: Sendable {
  /// The mention exactly as the page writes it.
  public var reference: InlineReference
  /// The identifier, when the written code is a valid one.
  public var id: DisarmID?
  /// Whether `id` names an object of the knowledge base; false when the code is not a valid identifier.
  public var isResolved: Bool
}
