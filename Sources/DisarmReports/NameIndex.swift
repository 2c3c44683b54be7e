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
    /// The name's words, as numbers in ``vocabulary``.
    var words: [Int]
  }

  /// Every word of every name (lower-cased, plural removed), numbered: a report's words are looked up as bytes,
  /// and a word no name has is -1 at once (hashing bytes is cheaper than making a String of every word of a
  /// 10 MB report).
  var vocabulary: [[UInt8]: Int] = [:]
  /// The words by number.
  var spellings: [String] = []
  /// The entries by their first word, longest names first.
  var byFirstWord: [Int: [Entry]] = [:]
  /// Every entry, for close matches.
  var entries: [Entry] = []

  init(_ kb: KnowledgeBase) {
    for kind in Self.kinds {
      for object in kb.objects(of: kind) where !object.isStale {
        let name = object.page?.heading?.name?.text ?? object.name
        var words: [Int] = []
        Self.scan(Array(name.utf8)) { word, _ in
          if let known = vocabulary[word] {
            words.append(known)
          } else {
            vocabulary[word] = spellings.count
            words.append(spellings.count)
            spellings.append(String(decoding: word, as: UTF8.self))
          }
        }
        guard let first = words.first, words.count > 1 || spellings[first].utf8.count >= 5 else { continue }
        let entry = Entry(id: object.id, words: words)
        byFirstWord[first, default: []].append(entry)
        entries.append(entry)
      }
    }
    for key in byFirstWord.keys { byFirstWord[key]!.sort { $0.words.count > $1.words.count } }
  }

  /// A word of a report: its number in the vocabulary (-1 when no name has it) and its byte range.
  struct Word {
    var id: Int
    var range: Range<Int>
  }

  /// The words of a report, looked up in the vocabulary.
  func words(in bytes: [UInt8]) -> [Word] {
    var words: [Word] = []
    words.reserveCapacity(bytes.count / 6)
    Self.scan(bytes) { word, range in words.append(Word(id: vocabulary[word] ?? -1, range: range)) }
    return words
  }

  /// The words of `bytes` as text (for tests and close matches).
  static func words(in bytes: [UInt8]) -> [(word: String, range: Range<Int>)] {
    var words: [(String, Range<Int>)] = []
    scan(bytes) { word, range in words.append((String(decoding: word, as: UTF8.self), range)) }
    return words
  }

  /// Calls `visit` with each word of `bytes` (lower-cased, plural removed, in a buffer reused between calls) and
  /// its byte range. Letters and digits (and any non-ASCII letter) make words; a word broken by a hyphen at a line
  /// end (`micro-\nblogging`) is joined again; typographic punctuation (curly quotes, dashes) ends a word.
  static func scan(_ bytes: [UInt8], _ visit: ([UInt8], Range<Int>) -> Void) {
    var current: [UInt8] = []
    current.reserveCapacity(64)
    var start = 0
    var index = 0
    var ascii = true
    func isWordByte(_ byte: UInt8) -> Bool {
      (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
    func finish(_ end: Int) {
      guard !current.isEmpty else { return }
      if !ascii { current = Array(String(decoding: current, as: UTF8.self).lowercased().utf8) }
      stem(&current)
      visit(current, start..<end)
      current.removeAll(keepingCapacity: true)
      ascii = true
    }
    while index < bytes.count {
      let byte = bytes[index]
      if isWordByte(byte) {
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
          finish(index)
          index += 3
          continue
        }
        if current.isEmpty { start = index }
        if byte >= 0x80 { ascii = false }
        current.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        index += 1
        continue
      }
      if byte == UInt8(ascii: "-"), !current.isEmpty {
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
  }

  /// A word without its plural ending: `bots` → `bot`, `personas` → `persona`, `stories` → `story` (not `ss`, `us`
  /// or `is`: `mass`, `status`, `analysis` stay).
  static func stem(_ word: inout [UInt8]) {
    let count = word.count
    guard count > 3, word[count - 1] == UInt8(ascii: "s") else { return }
    let before = word[count - 2]
    guard before != UInt8(ascii: "s"), before != UInt8(ascii: "u"), before != UInt8(ascii: "i") else { return }
    if count > 4, before == UInt8(ascii: "e"), word[count - 3] == UInt8(ascii: "i") {
      word.removeLast(3)
      word.append(UInt8(ascii: "y"))
    } else {
      word.removeLast()
    }
  }

  /// Exact name matches in `words`: at each word, the longest name starting there; matches do not overlap.
  func exactMatches(in words: [Word]) -> [(id: DisarmID, range: Range<Int>)] {
    var found: [(DisarmID, Range<Int>)] = []
    var index = 0
    while index < words.count {
      var matched = 0
      if words[index].id >= 0 {
        for entry in byFirstWord[words[index].id] ?? [] where index + entry.words.count <= words.count {
          if (0..<entry.words.count).allSatisfy({ words[index + $0].id == entry.words[$0] }) {
            found.append(
              (entry.id, words[index].range.lowerBound..<words[index + entry.words.count - 1].range.upperBound))
            matched = entry.words.count
            break
          }
        }
      }
      index += max(1, matched)
    }
    return found
  }

  /// Close matches of names of at least two words (`--names fuzzy`): a run of as many words as the name that shares
  /// its first or last word, scored by the similarity of the two texts (1 − edit distance / length), at least
  /// `threshold`; exact matches are left to ``exactMatches(in:)``.
  func fuzzyMatches(in bytes: [UInt8], threshold: Double) -> [(id: DisarmID, range: Range<Int>, score: Double)] {
    let words = Self.words(in: bytes)
    var byEdge: [String: [Entry]] = [:]
    for entry in entries where entry.words.count >= 2 {
      let first = spellings[entry.words.first!]
      let last = spellings[entry.words.last!]
      byEdge[first, default: []].append(entry)
      if last != first { byEdge[last, default: []].append(entry) }
    }
    var best: [Int: (DisarmID, Range<Int>, Double)] = [:]
    for (index, word) in words.enumerated() {
      for entry in byEdge[word.word] ?? [] {
        let name = entry.words.map { spellings[$0] }
        // The run either starts here (shared first word) or ends here (shared last word).
        for start in [index, index - name.count + 1] where start >= 0 && start + name.count <= words.count {
          let run = words[start..<(start + name.count)].map(\.word)
          if run == name { continue }
          let a = run.joined(separator: " ")
          let b = name.joined(separator: " ")
          let score = 1 - Double(EditDistance.between(a, b)) / Double(max(a.count, b.count))
          guard score >= threshold else { continue }
          let range = words[start].range.lowerBound..<words[start + name.count - 1].range.upperBound
          if (best[start]?.2 ?? 0) < score { best[start] = (entry.id, range, score) }
        }
      }
    }
    return best.keys.sorted().map { best[$0]! }.map { (id: $0.0, range: $0.1, score: $0.2) }
  }

}
