import DisarmExports
import DisarmFramework
import DisarmModel
import DisarmVersions

/// Where each identifier of an old release goes in a new one: the knowledge `disarm diff` has (renames and moves) and
/// the new release's register of retired identifiers (replacements), turned into one answer per identifier, so that
/// every file format migrates the same way and the counts agree with `disarm diff` of the same pair.
///
/// An identifier keeps its code when the new release still has it (renamed or moved, perhaps); it is replaced when
/// the new register retires it with a live replacement of the same kind (followed through chains of replacements);
/// everything else is left as written and reported for review: retired without a replacement, replaced by an object
/// of another kind (a technique turned into an observation), removed without a register entry (with the new
/// object of the same name as a suggestion, when there is one), or known to neither release.
public struct ReleaseMapping: Sendable {
  /// Where one identifier of the old release goes.
  public enum Outcome: Sendable, Equatable {
    /// Kept under its code: `renamedFrom` is the old name when the name changed.
    case kept(Target, renamedFrom: String?)
    /// Retired in the new register with a live replacement of the same kind.
    case replaced(by: Target, reason: String?)
    /// Left as written: why, in words a report can print.
    case review(String)
  }

  /// An object of the new release.
  public struct Target: Sendable, Equatable {
    public var id: DisarmID
    public var name: String
    /// Its tactic in the new release and that tactic's short name (Navigator's `tactic`, STIX's `phase_name`).
    public var tactic: DisarmID?
    public var tacticShortName: String?
  }

  /// The old release, the new one and what `disarm diff` found between them.
  public let old: KnowledgeBase
  public let new: KnowledgeBase
  public let diff: VersionDiff
  private let outcomes: [DisarmID: Outcome]
  /// Old tactic short names by tactic, and the old tactic of each technique, to recognise what files write.
  public let oldShortNames: [DisarmID: String]
  /// The new release's tactic short names, by tactic.
  public let newShortNames: [DisarmID: String]
  private let oldTactic: [DisarmID: DisarmID]

  /// The mapping from `old` to `new`, labelled as the user named them.
  public init(old: KnowledgeBase, new: KnowledgeBase, oldLabel: String, newLabel: String) {
    self.old = old
    self.new = new
    diff = VersionDiff(old: old, new: new, oldLabel: oldLabel, newLabel: newLabel)
    oldShortNames = TacticShortName.all(in: old)
    let newShortNames = TacticShortName.all(in: new)
    self.newShortNames = newShortNames
    var oldTactic: [DisarmID: DisarmID] = [:]
    for object in old.orderedObjects where !object.isStale {
      if let tactic = old.tactic(of: object.id) { oldTactic[object.id] = tactic }
    }
    self.oldTactic = oldTactic
    func target(_ id: DisarmID) -> Target? {
      guard let object = new[id], !object.isStale else { return nil }
      let tactic = new.tactic(of: id)
      return Target(id: id, name: object.name, tactic: tactic, tacticShortName: tactic.flatMap { newShortNames[$0] })
    }
    var outcomes: [DisarmID: Outcome] = [:]
    let renamed = Dictionary(diff.kinds.flatMap(\.renamed).map { ($0.id, $0.old) }, uniquingKeysWith: { a, _ in a })
    // The new release's objects by kind and name, for the suggestion made when an object was removed unrecorded.
    var byName: [ObjectKind: [String: DisarmID]] = [:]
    for object in new.orderedObjects where !object.isStale && !object.name.isEmpty {
      byName[object.kind, default: [:]][object.name.lowercased()] =
        byName[object.kind]?[object.name.lowercased()]
        ?? object.id
    }
    for object in old.orderedObjects where !object.isStale {
      let id = object.id
      if let kept = target(id) {
        outcomes[id] = .kept(kept, renamedFrom: renamed[id])
        continue
      }
      outcomes[id] = Self.retirement(of: id, name: object.name, in: new, byName: byName, target: target)
    }
    // Identifiers the old release does not have: those the new one has are already migrated; retired ones in the new
    // register are followed like the others.
    for object in new.orderedObjects where !object.isStale && outcomes[object.id] == nil {
      outcomes[object.id] = .kept(target(object.id)!, renamedFrom: nil)
    }
    for entry in new.register.entries where outcomes[entry.id] == nil {
      outcomes[entry.id] = Self.retirement(
        of: entry.id, name: entry.name ?? "", in: new, byName: byName, target: target)
    }
    self.outcomes = outcomes
  }

  /// What the new register (or its absence) says about an identifier the new release no longer has.
  private static func retirement(
    of id: DisarmID, name: String, in new: KnowledgeBase, byName: [ObjectKind: [String: DisarmID]],
    target: (DisarmID) -> Target?
  ) -> Outcome {
    guard let entry = new.register[id] else {
      let sameName = name.isEmpty ? nil : byName[id.kind]?[name.lowercased()]
      return .review(
        "removed in the new release, and its register does not record it"
          + (sameName.map { "; \($0) has the same name" } ?? ""))
    }
    var next = entry.replacedBy
    var seen: Set<DisarmID> = [id]
    // A chain of replacements (A replaced by B, itself retired for C) ends at the first live object; a cycle or a
    // chain longer than the register stops.
    while let candidate = next, !seen.contains(candidate), seen.count <= new.register.entries.count + 1 {
      if let live = target(candidate) {
        guard live.id.kind == id.kind else {
          return .review("retired, replaced by \(live.id) \(live.name), which is another kind of object")
        }
        return .replaced(by: live, reason: entry.reason)
      }
      seen.insert(candidate)
      next = new.register[candidate]?.replacedBy
    }
    if let missing = entry.replacedBy {
      return .review("retired, replaced by \(missing), which the new release does not have")
    }
    return .review("retired without a replacement" + (entry.reason.map { " (\($0))" } ?? ""))
  }

  /// The outcome for an identifier as a file writes it (any letter case), or nil when it is not an identifier of
  /// either release's syntax.
  public func outcome(of code: String) -> (id: DisarmID, outcome: Outcome)? {
    guard
      let id = DisarmID(caseInsensitive: code, in: old.framework.identifiers)
        ?? DisarmID(caseInsensitive: code, in: new.framework.identifiers)
    else { return nil }
    if let outcome = outcomes[id] { return (id, outcome) }
    // Incidents are data, not the framework: one neither release has is the user's own, left alone silently.
    if id.kind == .incident { return nil }
    return (id, .review("neither release has it"))
  }

  /// The name the old release gives `id`, when it has it.
  public func oldName(of id: DisarmID) -> String? {
    old[id].map(\.name) ?? new.register[id]?.name
  }

  /// The names a file may write after `code`: the old release's, then what it becomes in the new one.
  func names(of code: String) -> [String] {
    guard let (id, outcome) = outcome(of: code) else { return [] }
    var names = oldName(of: id).map { [$0] } ?? []
    switch outcome {
    case .kept(let target, _), .replaced(let target, _): names.append(target.name)
    case .review: break
    }
    return names
  }

  /// The short name of `id`'s tactic in the old release.
  public func oldTacticShortName(of id: DisarmID) -> String? {
    oldTactic[id].flatMap { oldShortNames[$0] }
  }

  /// Whether `shortName` is a tactic short name of the old release (what a layer's `tactic` holds).
  public func isOldTacticShortName(_ shortName: String) -> Bool {
    oldShortNames.values.contains(shortName)
  }
}

extension ReleaseMapping {
  /// The short name of tactic `id` in the new release.
  public func newShortName(of id: DisarmID) -> String? {
    newShortNames[id]
  }
}
