#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cuts the self-closing row and cell elements (`<row r="5000" ht="15.6"/>`, `<c r="B7" s="3"/>`), which hold no
/// value, out of a worksheet part, piece by piece as the part is inflated.
///
/// DISARM's data workbook pads its `associatedtechniques` sheet with a million such rows (28 MB of its 30), and every
/// sheet of its framework workbook with thousands of formatted empty cells: going through the XML scanner's events
/// for each took most of an import's time. Cutting them at the byte level while inflating means the 28 MB are never
/// held: each piece is filtered while it is still in the cache, and only what is kept is stored.
///
/// The result is the same however the part is cut into pieces: an element split between two pieces is carried over
/// (from its `<`) to the next, with how far it was read, so no byte is read twice and a hostile element of many
/// megabytes costs its length once. A cell is cut only when it names its column (`r="B7"`), since a cell without
/// one takes the column after the previous cell. A part with a CDATA section is not filtered at all
/// (``foundCDATA``), since there `<row .../>` could be a cell's text rather than markup.
struct EmptyElementFilter {
  /// What was kept of the pieces filtered so far.
  fileprivate(set) var output: [UInt8] = []
  /// Whether the part has a CDATA section: then nothing may be cut, and the part is to be read whole.
  private(set) var foundCDATA = false
  /// Whether anything was cut so far.
  private(set) var cutAny = false
  /// The element the last piece ended in, which starts the next piece (the caller carries it over).
  private var pending: Pending?

  /// How far an element carried over to the next piece had been read, its offsets counted from its `<`.
  private enum Pending {
    /// Too few bytes after the `<` to tell what it starts.
    case undecided
    /// A candidate read up to `next` (not yet read), after its name; `needsReference` for a cell.
    case candidate(next: Int, needsReference: Bool, hasReference: Bool)
  }

  private enum Outcome {
    case cut(end: Int)
    case kept
    case needsMore(Pending)
  }

  private static let cdata: StaticString = "<![CDATA["

  /// The bytes of a whole part filtered (`bytes` itself when nothing is cut, or when it has a CDATA section).
  static func filtered(_ bytes: [UInt8]) -> [UInt8] {
    var filter = EmptyElementFilter()
    _ = bytes.withUnsafeBufferPointer { filter.filter($0, isLast: true) }
    return filter.cutAny && !filter.foundCDATA ? filter.output : bytes
  }

  /// A part filtered as `fill` produces it, piece by piece, or nil when it has a CDATA section (nothing may be cut).
  /// `fill` writes the part's next bytes into the buffer it is given (at least `pieceSize` long), returning how many
  /// it wrote and whether the part is complete.
  static func filtered<Failure: Error>(
    pieceSize: Int, expecting size: Int = 0,
    _ fill: (UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> (count: Int, isLast: Bool)
  ) throws(Failure) -> [UInt8]? {
    var stream = Stream(pieceSize: pieceSize, expecting: size)
    while true {
      let (produced, isLast) = try fill(stream.space)
      if produced == 0 && !isLast { continue }
      stream.filled(produced, isLast: isLast)
      if stream.filter.foundCDATA { return nil }
      if isLast { return stream.filter.output }
    }
  }

  /// A part being filtered as its pieces come: each is written into ``space`` (after the element the last piece
  /// ended in, carried to the front), then ``filled(_:isLast:)`` filters it.
  struct Stream: ~Copyable {
    private(set) var filter = EmptyElementFilter()
    private var window: UnsafeMutableBufferPointer<UInt8>
    private var carried = 0
    private let pieceSize: Int

    /// `size`: what the part declares it inflates to, at most what is kept: the output is reserved at once (memory
    /// not touched is not used), so that it is never copied to grow, which for a part of 60 MB held twice its size.
    init(pieceSize: Int, expecting size: Int) {
      self.pieceSize = pieceSize
      window = .allocate(capacity: pieceSize * 2)
      filter.output.reserveCapacity(size)
    }

    deinit { window.deallocate() }

    /// Where to write the next piece: at least `pieceSize` bytes.
    var space: UnsafeMutableBufferPointer<UInt8> {
      mutating get {
        if window.count - carried < pieceSize {
          // An element longer than a piece (only in a hostile part) grows the window, doubling it.
          let larger = UnsafeMutableBufferPointer<UInt8>.allocate(
            capacity: max(window.count * 2, carried + pieceSize))
          larger.baseAddress!.update(from: window.baseAddress!, count: carried)
          window.deallocate()
          window = larger
        }
        return UnsafeMutableBufferPointer(rebasing: window[carried...])
      }
    }

    /// Filters the `count` bytes just written into ``space``; `isLast` when the part ends with them.
    mutating func filled(_ count: Int, isLast: Bool) {
      let filled = carried + count
      let carry = filter.filter(UnsafeBufferPointer(rebasing: window[0..<filled]), isLast: isLast)
      // The element the piece ended in goes to the front, and the next piece is written after it.
      if carry < filled { window.baseAddress!.update(from: window.baseAddress! + (filled - carry), count: carry) }
      carried = carry
    }

    /// Filters the `count` bytes at `headroom` in `buffer` as the next piece, without copying them: the element the
    /// last piece ended in is copied into the room in front of them (when it fits; otherwise the piece is copied
    /// after it, as ``feed(_:isLast:)`` does).
    mutating func filterInPlace(
      _ buffer: UnsafeMutableBufferPointer<UInt8>, headroom: Int, count: Int, isLast: Bool
    ) {
      let bytes = buffer.baseAddress! + headroom
      guard carried <= headroom else {
        feed(UnsafeBufferPointer(start: bytes, count: count), isLast: isLast)
        return
      }
      let start = bytes - carried
      start.update(from: window.baseAddress!, count: carried)
      let filled = carried + count
      let carry = filter.filter(UnsafeBufferPointer(start: start, count: filled), isLast: isLast)
      if carry + pieceSize > window.count {
        window.deallocate()
        window = .allocate(capacity: carry + pieceSize)
      }
      window.baseAddress!.update(from: start + (filled - carry), count: carry)
      carried = carry
    }

    /// Filters `bytes` as the next piece (copied into ``space`` piece by piece).
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, isLast: Bool) {
      var offset = 0
      repeat {
        let space = self.space
        let count = min(space.count, bytes.count - offset)
        if count > 0 { space.baseAddress!.update(from: bytes.baseAddress! + offset, count: count) }
        offset += count
        filled(count, isLast: isLast && offset == bytes.count)
      } while offset < bytes.count
    }
  }

  /// Filters the next piece, `window`: it begins with the bytes this filter carried over from the last call (the
  /// count that call returned) and goes on with new bytes of the part. Returns how many bytes at the end of `window`
  /// are carried over to the next call, which must begin with them; 0 when `isLast`. After a CDATA section is found
  /// (``foundCDATA``) nothing more is read.
  mutating func filter(_ window: UnsafeBufferPointer<UInt8>, isLast: Bool) -> Int {
    guard !foundCDATA, let base = window.baseAddress, window.count > 0 else {
      pending = nil
      return 0
    }
    let count = window.count
    var copied = 0
    var index = 0
    var resume = pending
    pending = nil
    while index < count {
      let at: Int
      if resume != nil || base[index] == UInt8(ascii: "<") {
        // (Padding rows follow one another: the next `<` is usually where the last element ended.)
        at = index
      } else {
        guard let found = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
        at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      }
      if resume == nil, at + 16 <= count, let end = Self.quickEnd(base, count: count, at: at) {
        // A row or a cell that names its column, whole in this piece (most elements of a worksheet).
        if end > 0 {
          cutAny = true
          if at > copied { output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: at - copied)) }
          copied = end
          index = end
        } else {
          index = at + 1
        }
        continue
      }
      let outcome = examine(base, count: count, at: at, isLast: isLast, resuming: resume)
      resume = nil
      if foundCDATA { return 0 }
      switch outcome {
      case .cut(let end):
        cutAny = true
        if at > copied { output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: at - copied)) }
        copied = end
        index = end
      case .kept:
        index = at + 1
      case .needsMore(let state):
        output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: at - copied))
        pending = state
        return count - at
      }
    }
    output.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: count - copied))
    return 0
  }

  /// What to do with the markup starting at `at` (a `<`): cut it (an empty row, or an empty cell naming its column),
  /// keep it, or wait for more bytes. Sets ``foundCDATA`` at a CDATA section.
  @inline(__always)
  private mutating func examine(
    _ base: UnsafePointer<UInt8>, count: Int, at start: Int, isLast: Bool, resuming: Pending?
  ) -> Outcome {
    var index: Int
    var needsReference: Bool
    var hasReference: Bool
    if case .candidate(let next, let needs, let has) = resuming {
      index = start + next
      needsReference = needs
      hasReference = has
    } else {
      // Nine bytes tell a CDATA section, a row and a cell apart; until the last piece, wait for them.
      if !isLast && count - start < Self.cdata.utf8CodeUnitCount { return .needsMore(.undecided) }
      if start + Self.cdata.utf8CodeUnitCount <= count, base[start + 1] == UInt8(ascii: "!"),
        Self.cdata.withUTF8Buffer({ memcmp(base + start, $0.baseAddress!, $0.count) == 0 })
      {
        foundCDATA = true
        return .kept
      }
      if start + 5 < count, base[start + 1] == UInt8(ascii: "r"), base[start + 2] == UInt8(ascii: "o"),
        base[start + 3] == UInt8(ascii: "w"), base[start + 4] == UInt8(ascii: " ")
      {
        index = start + 5
        needsReference = false
      } else if start + 3 < count, base[start + 1] == UInt8(ascii: "c"), base[start + 2] == UInt8(ascii: " ") {
        index = start + 3
        needsReference = true
      } else {
        return .kept
      }
      hasReference = false
    }
    while true {
      index = Self.nextSpecial(base, from: index, count: count, orR: needsReference)
      guard index < count else { break }
      switch base[index] {
      case UInt8(ascii: "<"): return .kept
      case UInt8(ascii: ">"):
        return base[index - 1] == UInt8(ascii: "/") && (hasReference || !needsReference) ? .cut(end: index + 1) : .kept
      default:
        // An `r`: the reference attribute when ` r="` (its two bytes after it may be in the next piece).
        if base[index - 1] == UInt8(ascii: " ") {
          if index + 2 < count {
            if base[index + 1] == UInt8(ascii: "="), base[index + 2] == UInt8(ascii: "\"") { hasReference = true }
          } else if !isLast {
            return .needsMore(
              .candidate(next: index - start, needsReference: needsReference, hasReference: hasReference))
          }
        }
        index += 1
      }
    }
    if isLast { return .kept }
    return .needsMore(.candidate(next: count - start, needsReference: needsReference, hasReference: hasReference))
  }

  /// What ``examine(_:count:at:isLast:resuming:)`` decides for the element at `at` when it begins `<row r="` or
  /// `<c r="` (its reference is then known: only its end is looked for) and ends within the piece: the end of the
  /// element to cut, or 0 to keep it; nil for any other element (which is examined), or one that goes on past the
  /// piece. At least 16 bytes must follow `at`.
  @inline(__always)
  private static func quickEnd(_ base: UnsafePointer<UInt8>, count: Int, at: Int) -> Int? {
    let head = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
    let from: Int
    if head == rowWithReference {
      from = at + 8
    } else if head & 0xFFFF_FFFF_FFFF == cellWithReference {
      from = at + 6
    } else {
      return nil
    }
    let end = nextSpecial(base, from: from, count: count, orR: false)
    guard end < count else { return nil }
    return base[end] == UInt8(ascii: ">") && base[end - 1] == UInt8(ascii: "/") ? end + 1 : 0
  }

  /// `<row r="` and `<c r="` as little-endian words.
  private static let rowWithReference: UInt64 = 0x223D_7220_776F_723C
  private static let cellWithReference: UInt64 = 0x223D_7220_633C

  /// The first `<` or `>` (or `r`, with `orR`) at or after `index`, or `count`. Eight bytes at a time: each byte that
  /// matches a wanted one becomes zero after an exclusive or, and the classic test for a zero byte in a word finds
  /// the lowest such byte exactly (its false positives lie only above a true zero).
  @inline(__always)
  private static func nextSpecial(_ base: UnsafePointer<UInt8>, from start: Int, count: Int, orR: Bool) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
    var index = start
    let raw = UnsafeRawPointer(base)
    // Sixteen bytes at a time compared as vectors, the lanes that match read as two words.
    let less = SIMD16<UInt8>(repeating: UInt8(ascii: "<"))
    let greater = SIMD16<UInt8>(repeating: UInt8(ascii: ">"))
    let letter = SIMD16<UInt8>(repeating: UInt8(ascii: "r"))
    while index + 16 <= count {
      let vector = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
      var matches = (vector .== less) .| (vector .== greater)
      if orR {
        matches .|= vector .== letter
      }
      let lanes = unsafeBitCast(matches, to: SIMD2<UInt64>.self)
      if lanes[0] != 0 { return index + UInt64(littleEndian: lanes[0]).trailingZeroBitCount / 8 }
      if lanes[1] != 0 { return index + 8 + UInt64(littleEndian: lanes[1]).trailingZeroBitCount / 8 }
      index += 16
    }
    while index + 8 <= count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      var found = zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "<"))))
      found |= zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: ">"))))
      if orR { found |= zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "r")))) }
      if found != 0 { return index + found.trailingZeroBitCount / 8 }
      index += 8
    }
    while index < count {
      let byte = base[index]
      if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || (orR && byte == UInt8(ascii: "r")) { return index }
      index += 1
    }
    return count
  }
}
