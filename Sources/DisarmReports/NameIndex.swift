import DisarmFramework
import DisarmModel

/// The names of a knowledge base's objects, as sequences of word stems, for finding names written without their
/// identifier: case aside, a hyphen or a line break between words no different from a space, a word hyphenated
/// across a line end joined again, and a plural the same as its singular (`Bots` and `Bot`).
///
/// Techniques and tactics are looked for by name (the kinds analysts tag with); names of one short word (under five
/// letters) are not, since they read as ordinary words.
struct NameIndex {
  /// The kinds whose names are looked for.
  static let kinds: [ObjectKind] = [.technique, .tactic]

  struct Entry {
    var id: DisarmID
    var words: [String]
  }

  /// The entries by their first word, longest names first.
  var byFirstWord: [String: [Entry]] = [:]
  /// Every entry, for close matches.
  var entries: [Entry] = []

  init(_ kb: KnowledgeBase) {
    for kind in Self.kinds {
      for object in kb.objects(of: kind) where !object.isStale {
        let name = object.page?.heading?.name?.text ?? object.name
        let words = Self.words(in: Array(name.utf8)).map(\.word)
        guard let first = words.first, words.count > 1 || first.count >= 5 else { continue }
        let entry = Entry(id: object.id, words: words)
        byFirstWord[first, default: []].append(entry)
        entries.append(entry)
      }
    }
    for key in byFirstWord.keys { byFirstWord[key]!.sort { $0.words.count > $1.words.count } }
  }

  /// A word of a text with its byte range: lower-cased letters and digits, plural `s` removed.
  struct Word {
    var word: String
    var range: Range<Int>
  }

  /// The words of `bytes`. A word broken by a hyphen at a line end (`micro-\nblogging`) is joined again.
  static func words(in bytes: [UInt8]) -> [Word] {
    var words: [Word] = []
    var current: [UInt8] = []
    var start = 0
    var index = 0
    func isWordByte(_ byte: UInt8) -> Bool {
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
    func finish(_ end: Int) {
      guard !current.isEmpty else { return }
      words.append(Word(word: stem(String(decoding: current, as: UTF8.self).lowercased()), range: start..<end))
      current = []
    }
    while index < bytes.count {
      let byte = bytes[index]
      if isWordByte(byte) {
        // Typographic punctuation (curly quotes, dashes) is not part of a word.
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
          finish(index)
          index += 3
          continue
        }
        if current.isEmpty { start = index }
        current.append(byte)
        index += 1
        continue
      }
      if byte == UInt8(ascii: "-"), !current.isEmpty {
        // `micro-` at a line end, then `blogging` on the next line: one word.
        var next = index + 1
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x0D { next += 1 }
        if next < bytes.count, bytes[next] == 0x0A {
          next += 1
          while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
          if next < bytes.count, isWordByte(bytes[next]) {
            index = next
            continue
          }
        }
      }
      finish(index)
      index += 1
    }
    finish(bytes.count)
    return words
  }

  /// A word without its plural ending: `bots` → `bot`, `personas` → `persona`, `campaigns` → `campaign` (not
  /// `ss`, `us` or `is`: `mass`, `status`, `analysis` stay).
  static func stem(_ word: String) -> String {
    guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is")
    else { return word }
    if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
    return String(word.dropLast())
  }

  /// Exact name matches in `words`: at each word, the longest name starting there; matches do not overlap.
  func exactMatches(in words: [Word]) -> [(id: DisarmID, range: Range<Int>)] {
    var found: [(DisarmID, Range<Int>)] = []
    var index = 0
    while index < words.count {
      var matched = 0
      for entry in byFirstWord[words[index].word] ?? [] where index + entry.words.count <= words.count {
        if (0..<entry.words.count).allSatisfy({ words[index + $0].word == entry.words[$0] }) {
          found.append(
            (entry.id, words[index].range.lowerBound..<words[index + entry.words.count - 1].range.upperBound))
          matched = entry.words.count
          break
        }
      }
      index += max(1, matched)
    }
    return found
  }

  /// Close matches of names of at least two words (`--names fuzzy`): a run of as many words as the name that shares
  /// its first or last word, scored by the similarity of the two texts (1 − edit distance / length), at least
  /// `threshold`; exact matches are left to ``exactMatches(in:)``.
  func fuzzyMatches(in words: [Word], threshold: Double) -> [(id: DisarmID, range: Range<Int>, score: Double)] {
    var byEdge: [String: [Entry]] = [:]
    for entry in entries where entry.words.count >= 2 {
      byEdge[entry.words.first!, default: []].append(entry)
      if entry.words.last! != entry.words.first! { byEdge[entry.words.last!, default: []].append(entry) }
    }
    var best: [Int: (DisarmID, Range<Int>, Double)] = [:]
    for (index, word) in words.enumerated() {
      for entry in byEdge[word.word] ?? [] {
        // The run either starts here (shared first word) or ends here (shared last word).
        for start in [index, index - entry.words.count + 1] where start >= 0 && start + entry.words.count <= words.count
        {
          let run = words[start..<(start + entry.words.count)].map(\.word)
          if run == entry.words { continue }
          let a = run.joined(separator: " ")
          let b = entry.words.joined(separator: " ")
          let score = 1 - Double(Self.distance(a, b)) / Double(max(a.count, b.count))
          guard score >= threshold else { continue }
          let range = words[start].range.lowerBound..<words[start + entry.words.count - 1].range.upperBound
          if (best[start]?.2 ?? 0) < score { best[start] = (entry.id, range, score) }
        }
      }
    }
    return best.keys.sorted().map { best[$0]! }.map { (id: $0.0, range: $0.1, score: $0.2) }
  }

  /// Levenshtein distance over characters.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
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
