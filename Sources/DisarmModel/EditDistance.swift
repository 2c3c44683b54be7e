/// Levenshtein distance over characters: how far a written name or a typed query is from an object's name. Used by
/// the lint rules (is the text after `ID:` meant as the name?) and by lookup (suggestions for an unknown ID).
public enum EditDistance {
  /// The number of single-character insertions, deletions and substitutions that turn `a` into `b`.
  public static func between(_ a: String, _ b: String) -> Int { between(Array(a), Array(b)) }

  /// The same over any two sequences of comparable elements: bytes, where the text is known to be ASCII
  /// (identifiers), and no characters need to be made.
  public static func between<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
