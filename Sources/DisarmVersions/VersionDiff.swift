import DisarmFramework
import DisarmModel
import DisarmParser

/// What changed between two versions of a knowledge base, kind by kind: objects added, removed (and whether the new
/// version's register records them as retired, and what replaces them), renamed, moved (new tactic, parent or
/// phase), with a changed summary, and with relations gained or lost; and how many did not change.
///
/// Only live objects count (a stale page is not part of a version), and content is compared, not templates: the
/// same technique written in the 2024 and the 2025 template compares equal. Kinds are matched by role, so two
/// frameworks that name them differently (DISARM 2.0's techniques, 2026's assessments) compare; the words are the new
/// version's.
public struct VersionDiff: Sendable {
  /// One side of the comparison.
  public struct Side: Sendable {
    /// How the user named it (a folder or a git revision).
    public var label: String
    /// The framework description it was read with.
    public var framework: String
    /// Its live objects.
    public var objects: Int
  }

  /// An object added, or one kept under its identifier, by name.
  public struct Named: Sendable {
    public var id: DisarmID
    public var name: String
  }

  /// An object no longer in the new version.
  public struct Removal: Sendable {
    public var id: DisarmID
    public var name: String
    /// The new version's register entry, when the identifier is recorded as retired.
    public var retirement: RetiredRegister.Entry?
  }

  /// The same identifier under a new name.
  public struct Rename: Sendable {
    public var id: DisarmID
    public var old: String
    public var new: String
  }

  /// The same object placed elsewhere: `tactic`, `parent` or `phase`, from `old` to `new` (nil: none).
  public struct Move: Sendable {
    public var id: DisarmID
    public var name: String
    public var placement: RelationKind
    public var old: DisarmID?
    public var new: DisarmID?
  }

  /// A summary that changed, word by word.
  public struct SummaryChange: Sendable {
    public var id: DisarmID
    public var name: String
    public var diff: WordDiff
  }

  /// Objects gained and lost in one group of an object's relations (a technique's incidents).
  public struct RelationChange: Sendable {
    public var id: DisarmID
    public var name: String
    /// The group in the new version's words (`incidents`, `associated techniques`).
    public var group: String
    /// A stable key for the group (`usesTechnique<-incident`).
    public var key: String
    public var gained: [DisarmID]
    public var lost: [DisarmID]
  }

  /// The changes to one kind.
  public struct KindChanges: Sendable {
    public var role: ObjectKind
    /// The kind's words in the new version (the old one's when the new has no such kind).
    public var words: KindVocabulary
    public var added: [Named] = []
    public var removed: [Removal] = []
    public var renamed: [Rename] = []
    public var moved: [Move] = []
    public var summaries: [SummaryChange] = []
    public var relations: [RelationChange] = []
    /// Objects in both versions with none of the changes above.
    public var unchanged = 0

    /// Whether nothing of this kind changed.
    public var isEmpty: Bool {
      added.isEmpty && removed.isEmpty && renamed.isEmpty && moved.isEmpty && summaries.isEmpty && relations.isEmpty
    }

    /// The identifiers of objects kept with some change (renamed, moved, summary or relations).
    public var changedIDs: Set<DisarmID> {
      Set(renamed.map(\.id) + moved.map(\.id) + summaries.map(\.id) + relations.map(\.id))
    }
  }

  public var old: Side
  public var new: Side
  /// Every kind either version has, in the new version's framework order.
  public var kinds: [KindChanges]

  /// Whether the two versions hold the same content.
  public var isEmpty: Bool { kinds.allSatisfy(\.isEmpty) }

  /// Compares `old` with `new`, labelled as the user named them.
  public init(old: KnowledgeBase, new: KnowledgeBase, oldLabel: String, newLabel: String) {
    let before = ObjectFacts.all(in: old)
    let after = ObjectFacts.all(in: new)
    self.old = Side(label: oldLabel, framework: old.framework.name, objects: before.count)
    self.new = Side(label: newLabel, framework: new.framework.name, objects: after.count)
    var roles = new.framework.kinds.map(\.role)
    roles += old.framework.kinds.map(\.role).filter { !roles.contains($0) }
    var kinds: [KindChanges] = []
    for role in roles {
      let words = new.framework.kind(role) ?? old.words(role)
      var changes = KindChanges(role: role, words: words)
      let oldIDs = before.keys.filter { $0.kind == role }
      let newIDs = after.keys.filter { $0.kind == role }
      guard !oldIDs.isEmpty || !newIDs.isEmpty else { continue }
      for id in newIDs.sorted() where before[id] == nil {
        changes.added.append(Named(id: id, name: after[id]!.name))
      }
      for id in oldIDs.sorted() where after[id] == nil {
        changes.removed.append(Removal(id: id, name: before[id]!.name, retirement: new.register[id]))
      }
      for id in newIDs.sorted() {
        guard let was = before[id], let now = after[id] else { continue }
        var changed = false
        if was.name != now.name {
          changes.renamed.append(Rename(id: id, old: was.name, new: now.name))
          changed = true
        }
        for (placement, a, b) in [
          (RelationKind.tactic, was.tactic, now.tactic), (.parent, was.parent, now.parent),
          (.phase, was.phase, now.phase),
        ] where a != b {
          changes.moved.append(Move(id: id, name: now.name, placement: placement, old: a, new: b))
          changed = true
        }
        if was.summary != now.summary {
          changes.summaries.append(SummaryChange(id: id, name: now.name, diff: WordDiff(was.summary, now.summary)))
          changed = true
        }
        for group in Set(was.related.keys).union(now.related.keys).sorted() {
          let a = was.related[group] ?? []
          let b = now.related[group] ?? []
          guard a != b else { continue }
          changes.relations.append(
            RelationChange(
              id: id, name: now.name, group: group.words(in: new), key: group.key,
              gained: b.subtracting(a).sorted(), lost: a.subtracting(b).sorted()))
          changed = true
        }
        if !changed { changes.unchanged += 1 }
      }
      kinds.append(changes)
    }
    self.kinds = kinds
  }
}
