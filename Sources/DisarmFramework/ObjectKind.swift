/// The roles objects play in a DISARM-style knowledge base: what `disarm` knows how to link and check (a technique
/// belongs to a tactic, a counter counters techniques). What a framework calls each role, where it keeps the pages
/// and how it writes identifiers is its description's (``KindVocabulary``); the words below are DISARM 1.x's, kept
/// for the keys of `disarm.json` and the folders of DISARM's own layout.
///
/// Eight kinds have a page of their own in a folder named after them; response types and detections exist only as
/// rows of whole-knowledge-base pages (`responsetype_index.md`, `detections_index.md`).
public enum ObjectKind: String, CaseIterable, Sendable, Comparable, Codable {
  /// `P01` to `P04`: Plan, Prepare, Execute, Assess.
  case phase
  /// `TA07`: a stage of a phase; techniques, tasks and counters belong to one.
  case tactic
  /// `T0151`, or `T0151.008` for a sub-technique.
  case technique
  /// `TK0001`: what a tactic sets out to do.
  case task
  /// `I00122`: an observed operation and the techniques it used.
  case incident
  /// `C00001`: a countermeasure to tactics and techniques.
  case counter
  /// `A001`: who can carry out a counter; raw value `actortype`, folder `actortypes`.
  case actorType = "actortype"
  /// `M001`: a family of counters (`Friction`, `Dilution`).
  case metatechnique
  /// `D01`: Detect, Deny, Disrupt, …; exists only as rows of `responsetype_index.md`.
  case responseType = "responsetype"
  /// `F00001`: exists only as rows of `detections_index.md`.
  case detection

  /// Declaration order, which is the framework's (phases before tactics before techniques, …).
  public static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool { lhs.order < rhs.order }

  /// The kind's place in declaration order (``allCases``). Kinds sort and hash by it: hashing the raw value, the
  /// default for a raw-value enum, hashed a string at every dictionary look-up by identifier.
  var order: Int {
    switch self {
    case .phase: 0
    case .tactic: 1
    case .technique: 2
    case .task: 3
    case .incident: 4
    case .counter: 5
    case .actorType: 6
    case .metatechnique: 7
    case .responseType: 8
    case .detection: 9
    }
  }

  /// By ``order``, consistent with `==` (one order per kind).
  public func hash(into hasher: inout Hasher) { hasher.combine(order) }

  /// The folder that holds this kind's pages (`techniques`), as in DISARM's `generated_pages/`.
  public var folder: String {
    switch self {
    case .phase: "phases"
    case .tactic: "tactics"
    case .technique: "techniques"
    case .task: "tasks"
    case .incident: "incidents"
    case .counter: "counters"
    case .actorType: "actortypes"
    case .metatechnique: "metatechniques"
    case .responseType: "responsetypes"
    case .detection: "detections"
    }
  }

  /// Plural noun used in summaries and JSON keys.
  public var plural: String {
    switch self {
    case .phase: "phases"
    case .tactic: "tactics"
    case .technique: "techniques"
    case .task: "tasks"
    case .incident: "incidents"
    case .counter: "counters"
    case .actorType: "actorTypes"
    case .metatechnique: "metatechniques"
    case .responseType: "responseTypes"
    case .detection: "detections"
    }
  }

  /// Whether objects of this kind have a page of their own.
  public var hasPages: Bool { self != .responseType && self != .detection }

  /// The kinds whose objects are pages in a folder.
  public static let pageKinds: [ObjectKind] = allCases.filter(\.hasPages)
}
