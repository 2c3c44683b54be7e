/// A word-by-word difference of two texts (a changed summary), as a list of runs kept, removed and added.
///
/// Longest common subsequence over words; texts beyond ``limit`` words on either side are compared as one replaced
/// run, which keeps the table bounded (`limit`² cells) on pathological inputs.
public struct WordDiff: Sendable, Equatable {
  /// One run of words.
  public enum Run: Sendable, Equatable {
    case same(String)
    case removed(String)
    case added(String)
  }

  public var runs: [Run]

  static let limit = 3000

  /// The difference from `old` to `new`, words separated by single spaces.
  public init(_ old: String, _ new: String) {
    let a = old.split(separator: " ").map(String.init)
    let b = new.split(separator: " ").map(String.init)
    guard a.count <= Self.limit, b.count <= Self.limit else {
      runs = [.removed(old), .added(new)].filter { !$0.text.isEmpty }
      return
    }
    // lengths[i][j]: the longest common subsequence of a[i...] and b[j...], in one flat array.
    let width = b.count + 1
    var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lengths[i * width + j] =
          a[i] == b[j]
          ? lengths[(i + 1) * width + j + 1] + 1 : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
      }
    }
    var runs: [Run] = []
    func append(_ run: Run) {
      // Consecutive words of one kind join into one run.
      switch (runs.last, run) {
      case (.same(let x)?, .same(let y)): runs[runs.count - 1] = .same(x + " " + y)
      case (.removed(let x)?, .removed(let y)): runs[runs.count - 1] = .removed(x + " " + y)
      case (.added(let x)?, .added(let y)): runs[runs.count - 1] = .added(x + " " + y)
      default: runs.append(run)
      }
    }
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        append(.same(a[i]))
        i += 1
        j += 1
      } else if j < b.count, i == a.count || lengths[i * width + j + 1] >= lengths[(i + 1) * width + j] {
        append(.added(b[j]))
        j += 1
      } else {
        append(.removed(a[i]))
        i += 1
      }
    }
    self.runs = runs
  }
}

extension WordDiff {
  /// The runs with long unchanged stretches shortened to `context` words on each side of a change (`… `), for
  /// reports that show only what changed and enough around it to find it.
  public func compacted(context: Int = 6) -> [Run] {
    runs.enumerated().map { index, run in
      guard case .same(let text) = run else { return run }
      let words = text.split(separator: " ")
      let first = index == 0
      let last = index == runs.count - 1
      let keep = (first ? 0 : context) + (last ? 0 : context)
      guard words.count > keep + 1 else { return run }
      var parts: [String] = []
      if !first { parts.append(words.prefix(context).joined(separator: " ")) }
      parts.append("…")
      if !last { parts.append(words.suffix(context).joined(separator: " ")) }
      return .same(parts.joined(separator: " "))
    }
  }
}

extension WordDiff.Run {
  /// The run's words.
  public var text: String {
    switch self {
    case .same(let text), .removed(let text), .added(let text): text
    }
  }
}
