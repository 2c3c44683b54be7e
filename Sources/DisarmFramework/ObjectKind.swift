/// The kinds of object a DISARM knowledge base holds.
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
  public static func < (lhs: ObjectKind, rhs: ObjectKind) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

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

  /// The word that starts a page heading of this kind (`# Technique T0001: …`).
  public var headingWord: String {
    switch self {
    case .phase: "Phase"
    case .tactic: "Tactic"
    case .technique: "Technique"
    case .task: "Task"
    case .incident: "Incident"
    case .counter: "Counter"
    case .actorType: "Actor"
    case .metatechnique: "Metatechnique"
    case .responseType: "Response type"
    case .detection: "Detection"
    }
  }

  /// The kind in lower case with its indefinite article, for messages (`a technique`, `an incident`).
  public var withArticle: String {
    let word = headingWord.lowercased()
    return (["a", "e", "i", "o", "u"].contains(word.prefix(1)) ? "an " : "a ") + word
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

  /// The kind whose pages live in `folder`, if any.
  public init?(folder: String) {
    guard let kind = ObjectKind.allCases.first(where: { $0.folder == folder }) else { return nil }
    self = kind
  }

  /// The ID prefix (`T`, `TA`, `TK`, …) and the usual number of digits.
  public var idSyntax: (prefix: String, digits: Int) {
    switch self {
    case .phase: ("P", 2)
    case .tactic: ("TA", 2)
    case .technique: ("T", 4)
    case .task: ("TK", 4)
    case .incident: ("I", 5)
    case .counter: ("C", 5)
    case .actorType: ("A", 3)
    case .metatechnique: ("M", 3)
    case .responseType: ("D", 2)
    case .detection: ("F", 5)
    }
  }
}
