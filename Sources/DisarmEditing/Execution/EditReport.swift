import DisarmRegeneration

/// What writing a ``VerifiedChangePlan`` did: the one report every writing command prints from.
public struct EditReport: Sendable {
  /// The changes written (creations and rewrites), in plan order.
  public var written: [PageSync.Change]
  /// The pages removed.
  public var removed: [String]
  /// The pages left alone because they changed on disk after they were read (an edit made while `disarm` ran is
  /// never overwritten): the command reports them as `page-changed-on-disk` and exits 1.
  public var conflicts: [PageSync.Conflict]

  /// Whether `path` was planned but left alone.
  public func skipped(_ path: String) -> Bool { conflicts.contains { $0.path == path } }
}
