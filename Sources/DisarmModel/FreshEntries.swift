extension Dictionary where Key == String {
  /// Stores the entries a re-check computed afresh, in place, and drops the entries of pages that are gone: a
  /// long-running reader (the language server) keeps one entry per page of thousands, and an edit computes one.
  /// `count` is how many entries this check has (their keys, page paths, are distinct); only when the table holds
  /// more are `keys` read, to drop the others.
  ///
  /// The caller must hold no other copy of the table (the one it read the cached entries from is released first),
  /// or the update would copy it whole.
  public mutating func storeFresh(_ fresh: some Sequence<(Key, Value)>, count: Int, keys: () -> [Key]) {
    for (key, value) in fresh { self[key] = value }
    if self.count > count {
      let current = Set(keys())
      self = filter { current.contains($0.key) }
    }
  }
}
