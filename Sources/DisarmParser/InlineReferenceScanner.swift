import DisarmDiagnostics
import DisarmFramework

/// Finds identifiers mentioned in prose, such as `T0151.004: Chat Platform` or `(TA07)`.
enum InlineReferenceScanner {
  /// Kinds whose bare codes are distinctive enough to count as references in prose. Short codes of the other kinds
  /// (`A380`, `P25`, `M001`, `D02`) count only when followed by `: Name`.
  static func countsBare(_ kind: ObjectKind) -> Bool {
    switch kind {
    case .technique, .tactic, .task, .incident, .counter, .detection: true
    case .phase, .actorType, .metatechnique, .responseType: false
    }
  }

  /// References in `range`, skipping the byte ranges in `excluded` (links, which are recorded as links).
  static func references(
    in file: SourceFile, range: Range<Int>, excluding excluded: [Range<Int>] = [], syntax: IdentifierSyntax
  ) -> [InlineReference] {
    var references: [InlineReference] = []
    append(to: &references, in: file, range: range, excluding: excluded, syntax: syntax)
    return references
  }

  /// Appends the references in `range` to `references`: the page parser gathers those of every field, row and
  /// paragraph of a page in one array.
  static func append(
    to references: inout [InlineReference], in file: SourceFile, range: Range<Int>, excluding excluded: [Range<Int>],
    syntax: IdentifierSyntax
  ) {
    // Read through a buffer pointer: the syntax matches at every capital letter of every page, and a buffer reaches
    // its non-generic form directly.
    file.bytes.withUnsafeBufferPointer { bytes in
      append(to: &references, in: file, bytes: bytes, range: range, excluding: excluded, syntax: syntax)
    }
  }

  private static func append(
    to references: inout [InlineReference], in file: SourceFile, bytes: UnsafeBufferPointer<UInt8>,
    range: Range<Int>, excluding excluded: [Range<Int>], syntax: IdentifierSyntax
  ) {
    // The links a scanner gives come in order; only ranges given out of order are sorted (a copy).
    let inOrder = zip(excluded, excluded.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound }
    var exclusion = (inOrder ? excluded : excluded.sorted { $0.lowerBound < $1.lowerBound }).makeIterator()
    var nextExcluded = exclusion.next()
    var i = range.lowerBound
    while i < range.upperBound {
      if let skip = nextExcluded, i >= skip.lowerBound {
        i = max(i, skip.upperBound)
        nextExcluded = exclusion.next()
        continue
      }
      let byte = bytes[i]
      guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else {
        // Skip ahead to the next capital letter or exclusion, whichever comes first: most prose bytes are neither.
        let stop = min(range.upperBound, nextExcluded?.lowerBound ?? range.upperBound)
        i = ByteScan.capitals.next(in: bytes, from: i + 1, to: stop)
        continue
      }
      if i > 0 {
        let previous = bytes[i - 1]
        if IdentifierSyntax.isIdentifierByte(previous) || previous == UInt8(ascii: "/") || previous == UInt8(ascii: ".")
          || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "=")
        {
          i += 1
          continue
        }
      }
      let limit = min(range.upperBound, nextExcluded?.lowerBound ?? range.upperBound)
      let match = syntax.match(UnsafeBufferPointer(rebasing: bytes[i..<limit]), at: 0)
      guard let (kind, end) = match.map({ ($0.kind, i + $0.end) }) else {
        i += 1
        continue
      }
      let name = nameAfter(code: end, in: file, limit: limit)
      if countsBare(kind) || name != nil {
        references.append(InlineReference(kind: kind, code: file.text(i..<end), name: name))
      }
      i = name?.offsets.upperBound ?? end
    }
  }

  /// The name after `: ` that follows a code ending at `codeEnd`.
  static func nameAfter(code codeEnd: Int, in file: SourceFile, limit: Int) -> SourceText? {
    let bytes = file.bytes
    guard codeEnd + 1 < limit, bytes[codeEnd] == UInt8(ascii: ":"), bytes[codeEnd + 1] == UInt8(ascii: " ") else {
      return nil
    }
    let start = codeEnd + 2
    var i = start
    var parenDepth = 0
    scan: while i < limit {
      switch bytes[i] {
      case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: "\n"),
        UInt8(ascii: "\r"):
        break scan
      case UInt8(ascii: "("): parenDepth += 1
      case UInt8(ascii: ")"):
        if parenDepth == 0 { break scan }
        parenDepth -= 1
      case UInt8(ascii: "."):
        // A full stop ends the name when a space, a tag or the end follows ("…Server. The report…").
        if i + 1 >= limit || bytes[i + 1] == UInt8(ascii: " ") || bytes[i + 1] == UInt8(ascii: "<") { break scan }
        // … or a no-break space (U+00A0, bytes C2 A0).
        if i + 2 < limit, bytes[i + 1] == 0xC2, bytes[i + 2] == 0xA0 { break scan }
      default: break
      }
      i += 1
    }
    var end = i
    while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
    guard end > start else { return nil }
    return file.text(start..<end)
  }
}
