import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmSupport

/// What a version comparison compares of one live object: the content, not the template it was written in. Names and
/// summaries are compared with runs of white space collapsed, so that a page moved from the 2024 to the 2025 template
/// (other labels, other blank lines) compares equal when its content did not change.
struct ObjectFacts: Sendable {
  var id: DisarmID
  var name: String
  var summary: String
  var tactic: DisarmID?
  var parent: DisarmID?
  var phase: DisarmID?
  /// The live objects at the other end of each relation, by group (``RelationGroup``).
  var related: [RelationGroup: Set<DisarmID>]

  /// The live objects of `kb`, by identifier, with their facts, gathered on all cores.
  static func all(in kb: KnowledgeBase) -> [DisarmID: ObjectFacts] {
    let live = kb.orderedObjects.filter { !$0.isStale }
    let liveIDs = Set(live.map(\.id))
    let facts = ParallelMap.map(live) { object -> ObjectFacts in
      let id = object.id
      var related: [RelationGroup: Set<DisarmID>] = [:]
      for relation in kb.outgoing(id) where RelationGroup.isContent(relation.kind) && liveIDs.contains(relation.target)
      {
        related[RelationGroup(relation: relation.kind, other: relation.target.kind, outgoing: true), default: []]
          .insert(relation.target)
      }
      for relation in kb.incoming(id)
      where RelationGroup.isContent(relation.kind, from: relation.source.kind) && liveIDs.contains(relation.source) {
        related[RelationGroup(relation: relation.kind, other: relation.source.kind, outgoing: false), default: []]
          .insert(relation.source)
      }
      return ObjectFacts(
        id: id, name: normalized(object.name), summary: normalized(object.summary?.text ?? ""),
        tactic: kb.tactic(of: id).flatMap { liveIDs.contains($0) ? $0 : nil },
        parent: kb.outgoing(id, .parent).first?.target ?? id.parentTechnique,
        phase: kb.outgoing(id, .phase).first?.target, related: related)
    }
    return Dictionary(facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// `text` with every run of white space and `<br>` as one space, trimmed; one pass over the bytes (summaries
  /// of every object of two versions go through here).
  static func normalized(_ text: String) -> String {
    var bytes = Array(text.utf8)
    var out = 0
    var pendingSpace = false
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
        pendingSpace = true
        index += 1
        continue
      }
      if byte == UInt8(ascii: "<"), index + 3 < count, bytes[index + 1] == UInt8(ascii: "b"),
        bytes[index + 2] == UInt8(ascii: "r"), bytes[index + 3] == UInt8(ascii: ">")
      {
        pendingSpace = true
        index += 4
        continue
      }
      if pendingSpace, out > 0 {
        bytes[out] = 0x20
        out += 1
      }
      pendingSpace = false
      bytes[out] = byte
      out += 1
      index += 1
    }
    return String(decoding: bytes[..<out], as: UTF8.self)
  }
}

/// A group of an object's relations as a changelog names it: the relation and the kind at the other end (a
/// technique's incidents, counters and associated techniques; a tactic's tasks and techniques; a counter's actor
/// types). Placement (tactic, parent, phase) is compared as a move, not here.
struct RelationGroup: Hashable, Sendable, Comparable {
  var relation: RelationKind
  var other: ObjectKind
  var outgoing: Bool

  /// Relations that are content; placement relations are moves, except a tactic's tasks, which are listed on the
  /// tactic (a task's tactic is its only placement, and release notes name a tactic's new tasks).
  static func isContent(_ kind: RelationKind, from source: ObjectKind? = nil) -> Bool {
    if kind == .tactic, source == .task { return true }
    return kind != .parent && kind != .phase && kind != .tactic
  }

  /// The group's words in `kb`'s framework: the other kind's plural (`incidents`, `assessments`), or `associated
  /// techniques`.
  func words(in kb: KnowledgeBase) -> String {
    let plural = kb.words(other).plural
    return relation == .associatedTechnique ? "associated \(plural)" : plural
  }

  /// A stable key for JSON (`usesTechnique<-incident`).
  var key: String { "\(relation.rawValue)\(outgoing ? "->" : "<-")\(other.rawValue)" }

  static func < (lhs: RelationGroup, rhs: RelationGroup) -> Bool { lhs.key < rhs.key }
}
