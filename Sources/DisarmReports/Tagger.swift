import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmSupport

/// Finds every object of a knowledge base that a report mentions (`disarm tag`): identifiers of every kind of the
/// framework, with the name after them checked; names written without an identifier; retired identifiers with
/// their replacement; identifiers that do not exist with the nearest ones.
public struct Tagger: Sendable {
  /// Whether names are looked for without identifiers.
  public enum Names: String, Sendable, CaseIterable {
    /// Exact names (case, hyphenation, plurals and line breaks aside).
    case exact
    /// Exact names and close matches with a score.
    case fuzzy
    /// Identifiers only.
    case off
  }

  /// The lowest score a close match needs.
  public static let fuzzyThreshold = 0.85

  public let kb: KnowledgeBase
  public let names: Names
  /// Whether an unknown identifier's mention carries the nearest identifiers of its kind. Working them out compares
  /// the identifier with every identifier of its kind, so the language server leaves them out of tagging and asks
  /// ``nearest(to:)`` only for the findings it shows.
  public let findsNearest: Bool
  let index: NameIndex

  public init(kb: KnowledgeBase, names: Names = .exact, nearest: Bool = true) {
    self.kb = kb
    self.names = names
    self.findsNearest = nearest
    self.index = NameIndex(kb)
  }

  /// The mentions in `report`, in order of place. A large report is tagged in pieces on all cores, split at blank
  /// lines (which end sentences, so no sentence is cut).
  public func mentions(in report: ReportDocument) -> [Mention] {
    let pieces = Self.pieces(of: report.text.bytes, size: Self.pieceSize)
    var found = ParallelMap.map(pieces) { self.mentions(in: report, range: $0, nearest: false) }.flatMap { $0 }
    guard findsNearest else { return found }
    // The nearest identifiers compare an unknown one with every identifier of its kind: worked out once per
    // distinct unknown identifier, for the first ``nearestLimit`` of them (a report of made-up codes stays linear).
    var nearestByID: [DisarmID: [DisarmID]] = [:]
    for index in found.indices {
      guard case .unknown = found[index].status else { continue }
      let id = found[index].id
      if nearestByID[id] == nil, nearestByID.count < Self.nearestLimit { nearestByID[id] = nearest(to: id) }
      found[index].status = .unknown(nearest: nearestByID[id] ?? [])
    }
    return found
  }

  /// How many distinct unknown identifiers of one report get their nearest identifiers.
  public static let nearestLimit = 1000

  /// The size a piece of a report grows to before it ends at the next blank line.
  static let pieceSize = 256 << 10

  /// `bytes` cut into ranges of about `size`, each ending after a blank line (or at the end).
  static func pieces(of bytes: [UInt8], size: Int) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    var start = 0
    while start < bytes.count {
      var end = min(bytes.count, start + size)
      while end < bytes.count, !(bytes[end - 1] == 0x0A && end >= 2 && bytes[end - 2] == 0x0A) { end += 1 }
      pieces.append(start..<end)
      start = end
    }
    return pieces.isEmpty ? [0..<0] : pieces
  }

  /// The mentions in `range` of `report`'s text.
  func mentions(in report: ReportDocument, range piece: Range<Int>, nearest: Bool = true) -> [Mention] {
    let bytes = report.text.bytes
    var mentions: [Mention] = []
    // Mentions in one sentence share its text, worked out once; each mention keeps where its sentence starts.
    var sentences: [Int: String] = [:]
    var sentenceStarts: [Int] = []
    func sentence(around range: Range<Int>) -> String {
      let bounds = Sentences.bounds(around: range, in: bytes)
      sentenceStarts.append(bounds.lowerBound)
      if let known = sentences[bounds.lowerBound] { return known }
      let text = Sentences.text(bounds, in: bytes)
      sentences[bounds.lowerBound] = text
      return text
    }
    var covered: [Range<Int>] = []
    // A name runs to a comma or a full stop; prose that forgets the comma (`Networks T0151.007: Chat Broadcast
    // Group`) hides the next identifier in the name, so names are searched too.
    var references: [InlineReference] = []
    for reference in ProseReferences.references(in: report.text, range: piece, syntax: kb.framework.identifiers) {
      references.append(reference)
      if let name = reference.name {
        references += ProseReferences.references(
          in: report.text, range: name.range.offsets, syntax: kb.framework.identifiers)
      }
    }
    for reference in references {
      guard let id = kb.id(reference.code.text) else { continue }
      let range = reference.code.range.offsets
      var end = range.upperBound
      var writtenName: String?
      var writtenNameRange: Range<Int>?
      var agrees: Bool?
      let object = kb[id].flatMap { $0.isStale ? nil : $0 }
      if let name = reference.name {
        writtenName = name.text
        writtenNameRange = name.range.offsets
        end = name.range.offsets.upperBound
        if let object {
          let objectName = object.page?.heading?.name?.text ?? object.name
          agrees = Self.normalised(name.text) == Self.normalised(objectName)
          // The name read runs to the end of its phrase, which a name holding a comma or a full stop ends early and
          // a report going on after the name ends late: the name is then looked for at the start of what follows.
          if agrees == false,
            let whole = WrittenName.match(
              objectName, in: bytes, at: name.range.offsets.lowerBound, limit: report.text.bytes.count)
          {
            agrees = true
            writtenNameRange = whole
            writtenName = String(decoding: bytes[whole], as: UTF8.self)
            end = whole.upperBound
          }
        }
      }
      covered.append(range.lowerBound..<end)
      mentions.append(
        Mention(
          id: id, name: object.map { $0.page?.heading?.name?.text ?? $0.name }, written: reference.code.text,
          writtenName: writtenName, writtenNameRange: writtenNameRange, nameAgrees: agrees, method: .identifier,
          status: status(of: id, live: object, nearest: nearest),
          range: range, place: report.place(at: range.lowerBound),
          sentence: sentence(around: range)))
    }
    if names != .off {
      let text = Array(bytes[piece])
      let shift = piece.lowerBound
      let words = index.words(in: text)
      var found = index.exactMatches(in: words).map {
        (id: $0.id, range: ($0.range.lowerBound + shift)..<($0.range.upperBound + shift), method: Mention.Method.name)
      }
      if names == .fuzzy {
        found += index.fuzzyMatches(in: text, threshold: Self.fuzzyThreshold).map {
          (
            id: $0.id, range: ($0.range.lowerBound + shift)..<($0.range.upperBound + shift),
            method: Mention.Method.fuzzy(score: ($0.score * 100).rounded() / 100)
          )
        }
      }
      // A name already covered by an identifier (`T0049.003: Bots Amplify…`) or by a longer match is not another
      // mention.
      let identifiers = covered.sorted { $0.lowerBound < $1.lowerBound }
      var nameEnd = 0
      for match in found.sorted(by: { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) })
      where match.range.lowerBound >= nameEnd && !Self.overlaps(match.range, sorted: identifiers) {
        nameEnd = match.range.upperBound
        let object = kb[match.id]
        mentions.append(
          Mention(
            id: match.id, name: object.map { $0.page?.heading?.name?.text ?? $0.name },
            written: String(decoding: bytes[match.range], as: UTF8.self), writtenName: nil, writtenNameRange: nil,
            nameAgrees: nil,
            method: match.method, status: .current, range: match.range, place: report.place(at: match.range.lowerBound),
            sentence: sentence(around: match.range)))
      }
    }
    // `a microblogging platform (T0151.008: Microblogging Platform)`: the name and the identifier of one object in
    // one sentence are one mention, the identifier's.
    struct Cited: Hashable {
      var id: DisarmID
      var sentence: Int
    }
    let cited = Set(
      zip(mentions, sentenceStarts).filter { $0.0.method == .identifier }.map { Cited(id: $0.0.id, sentence: $0.1) })
    let kept = zip(mentions, sentenceStarts).filter {
      $0.0.method == .identifier || !cited.contains(Cited(id: $0.0.id, sentence: $0.1))
    }.map(\.0)
    return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
  }

  /// Current, retired (with its replacement) or unknown (with the nearest identifiers of its kind).
  func status(of id: DisarmID, live: DisarmObject?, nearest withNearest: Bool = true) -> Mention.Status {
    if live != nil { return .current }
    if let entry = kb.register[id] { return .retired(replacedBy: entry.replacedBy) }
    return .unknown(nearest: findsNearest && withNearest ? nearest(to: id) : [])
  }

  /// The three live identifiers of `id`'s kind nearest to it in spelling (edit distance, then identifier order).
  /// Identifiers are ASCII, so their distance is counted on bytes, and the three are kept as the candidates go by
  /// rather than sorting them all.
  public func nearest(to id: DisarmID) -> [DisarmID] { Self.nearest(to: id, in: kb) }

  /// The three live identifiers of `id`'s kind in `kb` nearest to it in spelling.
  public static func nearest(to id: DisarmID, in kb: KnowledgeBase) -> [DisarmID] {
    let target = Array(id.string.utf8)
    var best: [(id: DisarmID, distance: Int)] = []
    for object in kb.objects(of: id.kind) where !object.isStale {
      let apart = EditDistance.between(Array(object.id.string.utf8), target)
      guard best.count < 3 || (apart, object.id.string) < (best[2].distance, best[2].id.string) else { continue }
      let at = best.firstIndex { (apart, object.id.string) < ($0.distance, $0.id.string) } ?? best.count
      best.insert((object.id, apart), at: at)
      if best.count > 3 { best.removeLast() }
    }
    return best.map(\.id)
  }

  /// Whether `range` overlaps one of `ranges` (disjoint, sorted): only the last one starting before its end can.
  static func overlaps(_ range: Range<Int>, sorted ranges: [Range<Int>]) -> Bool {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].lowerBound < range.upperBound { low = middle + 1 } else { high = middle }
    }
    return low > 0 && ranges[low - 1].overlaps(range)
  }

  /// A name for comparison: lower-cased, words separated by single spaces.
  static func normalised(_ name: String) -> String {
    let words: [(word: String, range: Range<Int>)] = NameIndex.words(in: Array(name.utf8))
    return words.map(\.word).joined(separator: " ")
  }
}
