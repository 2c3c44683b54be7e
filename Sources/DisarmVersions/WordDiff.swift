/// A word-by-word difference of two texts (a changed summary), as a list of runs kept, removed and added.
///
/// Longest common subsequence over words; texts beyond ``limit`` words on either side are compared as one replaced
/// run, which keeps the table bounded (`limit`² cells) on pathological inputs. Words are numbered once (equal words,
/// equal numbers), so that the table compares numbers, not words of any length, and runs are joined once at the
/// end: the cost is the table plus the texts' length, whatever the words are.
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
    // Counted before splitting, so that a text of millions of words is never split into them.
    guard Self.wordCount(old) <= Self.limit, Self.wordCount(new) <= Self.limit else {
      runs = [.removed(old), .added(new)].filter { !$0.text.isEmpty }
      return
    }
    let oldWords = Self.words(old)
    let newWords = Self.words(new)
    var numbers: [Substring: Int32] = [:]
    func number(_ word: Substring) -> Int32 {
      if let number = numbers[word] { return number }
      numbers[word] = Int32(numbers.count)
      return Int32(numbers.count - 1)
    }
    let a = oldWords.map(number)
    let b = newWords.map(number)
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
    // Consecutive words of one kind join into one run: collected as words, joined when the kind changes.
    enum Kind { case same, removed, added }
    var runs: [Run] = []
    var current: (kind: Kind, words: [Substring])?
    func close() {
      guard let (kind, words) = current else { return }
      let text = words.joined(separator: " ")
      switch kind {
      case .same: runs.append(.same(text))
      case .removed: runs.append(.removed(text))
      case .added: runs.append(.added(text))
      }
    }
    func append(_ kind: Kind, _ word: Substring) {
      if current?.kind == kind {
        current!.words.append(word)
      } else {
        close()
        current = (kind, [word])
      }
    }
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        append(.same, oldWords[i])
        i += 1
        j += 1
      } else if j < b.count, i == a.count || lengths[i * width + j + 1] >= lengths[(i + 1) * width + j] {
        append(.added, newWords[j])
        j += 1
      } else {
        append(.removed, oldWords[i])
        i += 1
      }
    }
    close()
    self.runs = runs
  }

  /// How many words ``words(_:)`` gives, counted in one pass over the bytes.
  static func wordCount(_ text: String) -> Int {
    var count = 0
    var inWord = false
    var text = text
    text.withUTF8 { bytes in
      for byte in bytes {
        if byte == UInt8(ascii: " ") {
          inWord = false
        } else if !inWord {
          inWord = true
          count += 1
        }
      }
    }
    return count
  }

  /// The words of `text` between spaces, as `split(separator: " ")` gives them, found among the bytes (a space is
  /// one byte that no other character holds), which spares reading the text character by character.
  static func words(_ text: String) -> [Substring] {
    var words: [Substring] = []
    let utf8 = text.utf8
    var start: String.Index?
    var index = utf8.startIndex
    while index < utf8.endIndex {
      if utf8[index] == UInt8(ascii: " ") {
        if let wordStart = start { words.append(text[wordStart..<index]) }
        start = nil
      } else if start == nil {
        start = index
      }
      index = utf8.index(after: index)
    }
    if let wordStart = start { words.append(text[wordStart..<utf8.endIndex]) }
    return words
  }
}

extension WordDiff {
  /// The runs with long unchanged stretches shortened to `context` words on each side of a change (`… `), for
  /// reports that show only what changed and enough around it to find it.
  public func compacted(context: Int = 6) -> [Run] {
    runs.enumerated().map { index, run in
      guard case .same(let text) = run else { return run }
      let words = WordDiff.words(text)
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
