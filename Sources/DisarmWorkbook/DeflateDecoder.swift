/// A raw DEFLATE stream (RFC 1951, what a zip entry of method 8 holds) decoded piece by piece into buffers the caller
/// owns, from compressed bytes held in memory.
///
/// Written for speed on DISARM's data workbook, whose 28 MB sheet (2.8 MB compressed) was the longest task of an
/// import through zlib's `inflate`: the bits are read 64 at a time (one refill per symbol, branch-free), Huffman codes
/// are looked up in one table of 2 048 entries (8-bit tables of 256 for distances) that gives a literal, a length's
/// base and extra bits, or the end of a block in one load, and matches are copied eight bytes at a time. Where there
/// is not room for the longest match or not eight bytes of input left, each symbol is decoded with every check.
///
/// The stream is untrusted. It is refused (``Failure/damaged``) wherever zlib refuses it: a block type 3, a stored
/// block whose length and its complement disagree, more than 286 literal/length or 30 distance codes, a repeat with
/// nothing to repeat or past the end of the lengths, code lengths that over-subscribe their code, an incomplete code
/// (allowed, as by zlib, only for a single code of one bit, and for no distance codes at all), a block without an
/// end-of-block code, a symbol no code has, a distance before the start of the output, and a stream that ends before
/// its last block does. Nothing is read outside the compressed bytes or written outside the caller's buffer.
final class DeflateDecoder {
  enum Failure: Error {
    case damaged
  }

  // Table entries, 32 bits: the bits the code takes (0-3), its extra bits or a subtable's bits (4-7), what it is
  // (8-11), and a literal, a base or a subtable's start (16-31).
  private static let literal: UInt32 = 0x100
  private static let subtable: UInt32 = 0x200
  private static let endOfBlock: UInt32 = 0x400
  private static let invalid: UInt32 = 0x800

  private static let litlenBits = 11
  private static let distanceBits = 8
  private static let precodeBits = 7
  // Room for a main table and every subtable a complete code can need ("enough", as zlib's `inftrees.h` counts:
  // 2 342 and 402 entries), with a margin; the builder checks it all the same.
  private static let litlenCapacity = 4096
  private static let distanceCapacity = 1536
  private static let precodeCapacity = 1 << 7

  private static let lengthBases: [UInt32] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  ]
  private static let lengthExtra: [UInt32] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBases: [UInt32] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
    8193, 12289, 16385, 24577,
  ]
  private static let distanceExtra: [UInt32] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]
  /// The order in which a dynamic block gives the code lengths of the code-length code.
  private static let precodeOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /// How far back a match may reach.
  static let windowSize = 32768
  /// The longest match.
  private static let longestMatch = 258
  /// Room the fast loop needs after the output position: the longest match and the fifteen bytes a copy of sixteen
  /// bytes at a time may write past it.
  private static let fastRoom = longestMatch + 16

  private enum Block {
    /// Before a block header (or, after the last block, the end).
    case header
    /// Inside a stored block, with how many bytes are left of it.
    case stored(Int)
    /// Inside a block coded with the tables.
    case coded
  }

  private let inputEnd: UnsafePointer<UInt8>
  private var next: UnsafePointer<UInt8>
  /// Bits read ahead, the next one lowest; `bitCount` of them are valid.
  private var bits: UInt64 = 0
  private var bitCount = 0
  /// Zero bytes added to the bits after the end of the input: reading any of them means the stream was cut short.
  private var zerosPastEnd = 0

  private var block = Block.header
  private var lastBlock = false
  private var fixedTablesBuilt = false
  /// A match not yet wholly copied when the output was full.
  private var pendingLength = 0
  private var pendingDistance = 0

  private let litlen: UnsafeMutablePointer<UInt32>
  private let distance: UnsafeMutablePointer<UInt32>
  private let precode: UnsafeMutablePointer<UInt32>
  private let lengths: UnsafeMutablePointer<UInt8>
  private let sorted: UnsafeMutablePointer<UInt16>
  /// The last bytes of earlier pieces, for matches that reach back before the current piece.
  private let history: UnsafeMutablePointer<UInt8>
  private var historyCount = 0

  /// Whether the last block has ended.
  private(set) var ended = false

  /// Starts decoding `compressed`, which must stay valid and unchanged while this decoder is used.
  init(_ compressed: UnsafeRawBufferPointer) {
    let bytes = compressed.bindMemory(to: UInt8.self)
    // An empty input has no base address: point at a byte of our own, never read (no byte is before the end).
    lengths = .allocate(capacity: 320)
    let start = bytes.baseAddress.map { UnsafePointer($0) } ?? UnsafePointer(lengths)
    next = start
    inputEnd = start + bytes.count
    litlen = .allocate(capacity: Self.litlenCapacity)
    distance = .allocate(capacity: Self.distanceCapacity)
    precode = .allocate(capacity: Self.precodeCapacity)
    history = .allocate(capacity: Self.windowSize)
    sorted = .allocate(capacity: 288)
  }

  deinit {
    litlen.deallocate()
    distance.deallocate()
    precode.deallocate()
    lengths.deallocate()
    history.deallocate()
    sorted.deallocate()
  }

  /// Decodes the next bytes into `output`, filling it unless the stream ends first; returns how many bytes it wrote.
  /// The end of the last block is read even when `output` is full (or empty), so ``ended`` is true as soon as all
  /// of the stream is out.
  func decode(into output: UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> Int {
    guard !ended else { return 0 }
    let start = output.baseAddress ?? UnsafeMutablePointer(mutating: history)
    let end = start + output.count
    var out = start
    while true {
      if pendingLength > 0 {
        guard out < end else { break }
        out = try copyPending(to: out, start: start, end: end)
        continue
      }
      switch block {
      case .header:
        if lastBlock {
          guard bitCount >= zerosPastEnd * 8 else { throw .damaged }
          ended = true
          return out - start
        }
        try readBlockHeader()
      case .stored(let left):
        if left == 0 {
          block = .header
          continue
        }
        guard out < end else { return finish(start, out) }
        let count = min(left, end - out, inputEnd - next)
        // No input left for the rest of the block: the stream was cut short.
        guard count > 0 else { throw .damaged }
        out.update(from: next, count: count)
        out += count
        next += count
        block = .stored(left - count)
      case .coded:
        out = try decodeSymbols(into: out, start: start, end: end)
        if case .coded = block { return finish(start, out) }
      }
    }
    return finish(start, out)
  }

  /// Keeps the last bytes of a piece for the next one's matches; returns how many bytes the piece holds.
  private func finish(_ start: UnsafeMutablePointer<UInt8>, _ out: UnsafeMutablePointer<UInt8>) -> Int {
    let produced = out - start
    if produced >= Self.windowSize {
      history.update(from: out - Self.windowSize, count: Self.windowSize)
      historyCount = Self.windowSize
    } else if produced > 0 {
      let kept = min(historyCount, Self.windowSize - produced)
      history.update(from: history + (historyCount - kept), count: kept)
      (history + kept).update(from: start, count: produced)
      historyCount = kept + produced
    }
    return produced
  }

  // MARK: - Bits

  /// Fills the bits to at least 56, with zero bytes past the end of the input (counted in ``zerosPastEnd``).
  @inline(__always)
  private func refill() {
    if inputEnd - next >= 8 {
      bits |= UInt64(littleEndian: UnsafeRawPointer(next).loadUnaligned(as: UInt64.self)) &<< UInt64(bitCount)
      next += (63 &- bitCount) &>> 3
      bitCount |= 56
      return
    }
    while bitCount < 56 {
      if next < inputEnd {
        bits |= UInt64(next.pointee) &<< UInt64(bitCount)
        next += 1
      } else {
        zerosPastEnd += 1
      }
      bitCount += 8
    }
  }

  /// Takes `count` bits (at most 32; after a ``refill()`` at most 56 in all), refusing to read past the input's end.
  @inline(__always)
  private func take(_ count: Int) throws(Failure) -> UInt32 {
    if bitCount < count { refill() }
    let value = UInt32(truncatingIfNeeded: bits & ((1 &<< UInt64(count)) &- 1))
    bits &>>= UInt64(count)
    bitCount -= count
    guard bitCount >= zerosPastEnd * 8 else { throw .damaged }
    return value
  }

  // MARK: - Block headers

  private func readBlockHeader() throws(Failure) {
    let header = try take(3)
    lastBlock = header & 1 == 1
    switch header >> 1 {
    case 0:
      // To a byte boundary, then back to the first byte not yet taken: LEN and NLEN are read as bytes.
      let drop = bitCount & 7
      bits &>>= UInt64(drop)
      bitCount -= drop
      let unread = bitCount / 8 - zerosPastEnd
      guard unread >= 0 else { throw .damaged }
      next -= unread
      bits = 0
      bitCount = 0
      zerosPastEnd = 0
      guard inputEnd - next >= 4 else { throw .damaged }
      let length = Int(next[0]) | Int(next[1]) << 8
      let complement = Int(next[2]) | Int(next[3]) << 8
      next += 4
      guard length == complement ^ 0xFFFF else { throw .damaged }
      block = .stored(length)
    case 1:
      if !fixedTablesBuilt {
        for symbol in 0..<288 { lengths[symbol] = symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8 }
        try Self.build(
          litlen, capacity: Self.litlenCapacity, lengths: lengths, count: 288, rootBits: Self.litlenBits,
          code: .litlen, sorted: sorted)
        for symbol in 0..<32 { lengths[symbol] = 5 }
        try Self.build(
          distance, capacity: Self.distanceCapacity, lengths: lengths, count: 32,
          rootBits: Self.distanceBits, code: .distance, sorted: sorted)
        fixedTablesBuilt = true
      }
      block = .coded
    case 2:
      fixedTablesBuilt = false
      try readDynamicTables()
      block = .coded
    default:
      throw .damaged
    }
  }

  private func readDynamicTables() throws(Failure) {
    let litlenCount = Int(try take(5)) + 257
    let distanceCount = Int(try take(5)) + 1
    let precodeCount = Int(try take(4)) + 4
    guard litlenCount <= 286, distanceCount <= 30 else { throw .damaged }
    for index in 0..<19 { lengths[index] = 0 }
    for index in 0..<precodeCount { lengths[Self.precodeOrder[index]] = UInt8(try take(3)) }
    try Self.build(
      precode, capacity: Self.precodeCapacity, lengths: lengths, count: 19, rootBits: Self.precodeBits,
      code: .precode, sorted: sorted)
    let total = litlenCount + distanceCount
    var index = 0
    while index < total {
      if bitCount < 7 { refill() }
      let entry = precode[Int(truncatingIfNeeded: bits & 0x7F)]
      let taken = Int(entry & 0xF)
      bits &>>= UInt64(taken)
      bitCount -= taken
      guard bitCount >= zerosPastEnd * 8 else { throw .damaged }
      let symbol = Int(entry >> 16)
      if symbol < 16 {
        lengths[index] = UInt8(symbol)
        index += 1
        continue
      }
      let value: UInt8
      let repeats: Int
      switch symbol {
      case 16:
        guard index > 0 else { throw .damaged }
        value = lengths[index - 1]
        repeats = 3 + Int(try take(2))
      case 17:
        value = 0
        repeats = 3 + Int(try take(3))
      default:
        value = 0
        repeats = 11 + Int(try take(7))
      }
      guard index + repeats <= total else { throw .damaged }
      (lengths + index).update(repeating: value, count: repeats)
      index += repeats
    }
    guard lengths[256] != 0 else { throw .damaged }
    try Self.build(
      litlen, capacity: Self.litlenCapacity, lengths: lengths, count: litlenCount,
      rootBits: Self.litlenBits, code: .litlen, sorted: sorted)
    try Self.build(
      distance, capacity: Self.distanceCapacity, lengths: lengths + litlenCount, count: distanceCount,
      rootBits: Self.distanceBits, code: .distance, sorted: sorted)
  }

  // MARK: - Tables

  private enum Code {
    case litlen, distance, precode
  }

  /// The entry for `symbol` of `code` whose code takes `taken` bits in its table.
  @inline(__always)
  private static func entry(_ symbol: Int, taken: Int, code: Code) -> UInt32 {
    let taken = UInt32(taken)
    switch code {
    case .precode:
      return UInt32(symbol) << 16 | taken
    case .litlen:
      if symbol < 256 { return UInt32(symbol) << 16 | literal | taken }
      if symbol == 256 { return endOfBlock | taken }
      if symbol < 286 { return lengthBases[symbol - 257] << 16 | lengthExtra[symbol - 257] << 4 | taken }
      return invalid | taken
    case .distance:
      if symbol < 30 { return distanceBases[symbol] << 16 | distanceExtra[symbol] << 4 | taken }
      return invalid | taken
    }
  }

  /// Builds the decoding table of the canonical Huffman code whose code lengths are `lengths[0..<count]`: a main
  /// table indexed by the next `rootBits` bits, and for codes longer than that a subtable per prefix (after the main
  /// table, as large as the longest code under the prefix needs). Refuses lengths that over-subscribe the code and
  /// incomplete codes, except (as zlib) a literal/length or distance code of a single one-bit code and a distance
  /// code with no code at all; the codes they leave unused decode as invalid. `sorted` is scratch for 288 symbols.
  ///
  /// The codes are enumerated in canonical order with their bits reversed (the order in which the stream gives
  /// them), so that each fills its entries directly: a code of `length` bits fills the main table's first
  /// `1 << length` entries, which are then doubled as longer codes come.
  private static func build(
    _ table: UnsafeMutablePointer<UInt32>, capacity: Int, lengths: UnsafePointer<UInt8>, count: Int, rootBits: Int,
    code: Code, sorted: UnsafeMutablePointer<UInt16>
  ) throws(Failure) {
    try withUnsafeTemporaryAllocation(of: Int.self, capacity: 32) { scratch throws(Failure) in
      let counts = scratch.baseAddress!
      let offsets = counts + 16
      counts.initialize(repeating: 0, count: 32)
      for symbol in 0..<count { counts[Int(lengths[symbol])] += 1 }
      var longest = 15
      while longest > 1 && counts[longest] == 0 { longest -= 1 }
      // Symbols by code length, then by value; and how much of the code space the codes use.
      offsets[1] = 0
      var used = 0
      for length in 1..<longest {
        offsets[length + 1] = offsets[length] + counts[length]
        used = (used << 1) + counts[length]
      }
      used = (used << 1) + counts[longest]
      for symbol in 0..<count where lengths[symbol] != 0 {
        let length = Int(lengths[symbol])
        sorted[offsets[length]] = UInt16(symbol)
        offsets[length] += 1
      }
      let rootSize = 1 << rootBits
      guard used <= 1 << longest else { throw .damaged }
      if used < 1 << longest {
        if used == 0 {
          // No code at all: every symbol is invalid (a block that uses none is still fine).
          guard code == .distance else { throw .damaged }
        } else {
          guard code != .precode, longest == 1, counts[1] == 1 else { throw .damaged }
        }
        table.update(repeating: invalid | 1, count: rootSize)
        // The one code, a single 0 bit.
        if used > 0 {
          let entry = entry(Int(sorted[0]), taken: 1, code: code)
          for index in stride(from: 0, to: rootSize, by: 2) { table[index] = entry }
        }
        return
      }
      var symbolIndex = 0
      var codeword = 0
      var length = 1
      var left = counts[1]
      while left == 0 {
        length += 1
        left = counts[length]
      }
      var tableEnd = 1 << length
      while length <= rootBits {
        repeat {
          table[codeword] = entry(Int(sorted[symbolIndex]), taken: length, code: code)
          symbolIndex += 1
          if codeword == tableEnd - 1 {
            // The last code (all ones): the table is complete once doubled up to the root's size.
            while length < rootBits {
              (table + tableEnd).update(from: table, count: tableEnd)
              tableEnd <<= 1
              length += 1
            }
            return
          }
          // The next code, bits reversed: set the highest zero bit of `length`, clear the ones above it.
          let bit = 1 << (Int.bitWidth - 1 - (codeword ^ (tableEnd - 1)).leadingZeroBitCount)
          codeword &= bit - 1
          codeword |= bit
          left -= 1
        } while left > 0
        repeat {
          length += 1
          if length <= rootBits {
            (table + tableEnd).update(from: table, count: tableEnd)
            tableEnd <<= 1
          }
          left = counts[length]
        } while left == 0
      }
      // Codes longer than the root, each in the subtable of its first `rootBits` bits.
      tableEnd = rootSize
      var prefix = -1
      var subtableStart = 0
      while true {
        if codeword & (rootSize - 1) != prefix {
          prefix = codeword & (rootSize - 1)
          subtableStart = tableEnd
          var subtableBits = length - rootBits
          var space = left
          while space < 1 << subtableBits {
            subtableBits += 1
            space = (space << 1) + counts[rootBits + subtableBits]
          }
          tableEnd = subtableStart + 1 << subtableBits
          guard tableEnd <= capacity else { throw .damaged }
          table[prefix] = UInt32(subtableStart) << 16 | UInt32(subtableBits) << 4 | subtable | UInt32(rootBits)
        }
        let entry = entry(Int(sorted[symbolIndex]), taken: length - rootBits, code: code)
        symbolIndex += 1
        var index = subtableStart + codeword >> rootBits
        repeat {
          table[index] = entry
          index += 1 << (length - rootBits)
        } while index < tableEnd
        if codeword == 1 << length - 1 { return }
        let bit = 1 << (Int.bitWidth - 1 - (codeword ^ (1 << length - 1)).leadingZeroBitCount)
        codeword &= bit - 1
        codeword |= bit
        left -= 1
        while left == 0 {
          length += 1
          left = counts[length]
        }
      }
    }
  }

  // MARK: - Symbols

  /// Copies `length` bytes of a match `distance` back, one at a time, from the history where it reaches before
  /// `start` (the start of the current piece).
  private func copyMatch(
    to out: UnsafeMutablePointer<UInt8>, from start: UnsafeMutablePointer<UInt8>, distance: Int, length: Int
  ) {
    let inPiece = out - start
    for offset in 0..<length {
      let source = inPiece + offset - distance
      out[offset] = source >= 0 ? start[source] : history[historyCount + source]
    }
  }

  /// Copies as much of the pending match as fits before `end`, refusing a distance before the start of the output
  /// (checked when the match is copied, as zlib does).
  private func copyPending(
    to out: UnsafeMutablePointer<UInt8>, start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>
  ) throws(Failure) -> UnsafeMutablePointer<UInt8> {
    guard out < end else { return out }
    guard pendingDistance <= out - start + historyCount else { throw .damaged }
    let count = min(pendingLength, end - out)
    copyMatch(to: out, from: start, distance: pendingDistance, length: count)
    pendingLength -= count
    return out + count
  }

  /// Decodes symbols of the current coded block into `out` until the block ends (``block`` is then `.header`) or
  /// `end` is reached; returns where the output stopped.
  private func decodeSymbols(
    into out: UnsafeMutablePointer<UInt8>, start: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>
  ) throws(Failure) -> UnsafeMutablePointer<UInt8> {
    var out = out
    var bits = self.bits
    var bitCount = self.bitCount
    var next = self.next
    let litlen = self.litlen
    let distance = self.distance
    let historyCount = self.historyCount
    defer {
      self.bits = bits
      self.bitCount = bitCount
      self.next = next
    }
    let litlenMask = UInt64(1 << Self.litlenBits - 1)
    let distanceMask = UInt64(1 << Self.distanceBits - 1)
    // The fast loop: eight bytes of input to refill from, room for the longest match and a word copy's overrun.
    if end - out >= Self.fastRoom && inputEnd - next >= 8 {
      let fastEnd = end - Self.fastRoom
      let fastInputEnd = inputEnd - 8
      while out <= fastEnd && next <= fastInputEnd {
        bits |= UInt64(littleEndian: UnsafeRawPointer(next).loadUnaligned(as: UInt64.self)) &<< UInt64(bitCount)
        next += (63 &- bitCount) &>> 3
        bitCount |= 56
        var entry = litlen[Int(truncatingIfNeeded: bits & litlenMask)]
        if entry & Self.subtable != 0 {
          bits &>>= UInt64(Self.litlenBits)
          bitCount &-= Self.litlenBits
          entry = litlen[Int(entry >> 16) + Int(truncatingIfNeeded: bits & ((1 &<< UInt64((entry >> 4) & 0xF)) &- 1))]
        }
        var taken = Int(entry & 0xF)
        if entry & Self.literal != 0 {
          bits &>>= UInt64(taken)
          bitCount &-= taken
          out.pointee = UInt8(truncatingIfNeeded: entry >> 16)
          out += 1
          // Up to two more literals from the same refill (at least 41 bits are left; a literal takes at most 15).
          entry = litlen[Int(truncatingIfNeeded: bits & litlenMask)]
          guard entry & (Self.literal | Self.subtable) == Self.literal else { continue }
          taken = Int(entry & 0xF)
          bits &>>= UInt64(taken)
          bitCount &-= taken
          out.pointee = UInt8(truncatingIfNeeded: entry >> 16)
          out += 1
          entry = litlen[Int(truncatingIfNeeded: bits & litlenMask)]
          guard entry & (Self.literal | Self.subtable) == Self.literal else { continue }
          taken = Int(entry & 0xF)
          bits &>>= UInt64(taken)
          bitCount &-= taken
          out.pointee = UInt8(truncatingIfNeeded: entry >> 16)
          out += 1
          continue
        }
        if entry & (Self.endOfBlock | Self.invalid) != 0 {
          guard entry & Self.endOfBlock != 0 else { throw .damaged }
          bits &>>= UInt64(taken)
          bitCount &-= taken
          block = .header
          return out
        }
        // A length, then its distance: at most 20 + 28 bits, within the 56 of the refill.
        var extra = Int((entry >> 4) & 0xF)
        let length =
          Int(entry >> 16) + Int(truncatingIfNeeded: (bits &>> UInt64(taken)) & ((1 &<< UInt64(extra)) &- 1))
        bits &>>= UInt64(taken &+ extra)
        bitCount &-= taken &+ extra
        entry = distance[Int(truncatingIfNeeded: bits & distanceMask)]
        if entry & Self.subtable != 0 {
          bits &>>= UInt64(Self.distanceBits)
          bitCount &-= Self.distanceBits
          entry =
            distance[Int(entry >> 16) + Int(truncatingIfNeeded: bits & ((1 &<< UInt64((entry >> 4) & 0xF)) &- 1))]
        }
        guard entry & Self.invalid == 0 else { throw .damaged }
        taken = Int(entry & 0xF)
        extra = Int((entry >> 4) & 0xF)
        let distance =
          Int(entry >> 16) + Int(truncatingIfNeeded: (bits &>> UInt64(taken)) & ((1 &<< UInt64(extra)) &- 1))
        bits &>>= UInt64(taken &+ extra)
        bitCount &-= taken &+ extra
        if distance > out - start {
          guard distance <= out - start + historyCount else { throw .damaged }
          copyMatch(to: out, from: start, distance: distance, length: length)
          out += length
          continue
        }
        var source = UnsafeRawPointer(out - distance)
        var target = UnsafeMutableRawPointer(out)
        let stop = UnsafeMutableRawPointer(out + length)
        if distance >= 16 {
          // Sixteen bytes at a time (a match is at least 3 bytes long: the first copy may be all of it).
          repeat {
            target.storeBytes(of: source.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
            target += 16
            source += 16
          } while target < stop
        } else if distance >= 8 {
          repeat {
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target += 8
            source += 8
          } while target < stop
        } else if distance == 1 {
          let repeated = UInt64(source.load(as: UInt8.self)) &* 0x0101_0101_0101_0101
          repeat {
            target.storeBytes(of: repeated, as: UInt64.self)
            target += 8
          } while target < stop
        } else {
          // A pattern of 2 to 7 bytes: each word copied holds it once whole, then the next starts where it repeats.
          repeat {
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target += distance
            source += distance
          } while target < stop
        }
        out += length
      }
    }
    // Symbol by symbol, every bound checked.
    while true {
      self.bits = bits
      self.bitCount = bitCount
      self.next = next
      refill()
      bits = self.bits
      bitCount = self.bitCount
      next = self.next
      var entry = litlen[Int(truncatingIfNeeded: bits & litlenMask)]
      var consumed = 0
      if entry & Self.subtable != 0 {
        consumed = Self.litlenBits
        entry =
          litlen[
            Int(entry >> 16)
              + Int(truncatingIfNeeded: (bits &>> UInt64(consumed)) & ((1 &<< UInt64((entry >> 4) & 0xF)) &- 1))]
      }
      consumed += Int(entry & 0xF)
      if entry & Self.endOfBlock != 0 {
        bits &>>= UInt64(consumed)
        bitCount -= consumed
        guard bitCount >= zerosPastEnd * 8 else { throw .damaged }
        block = .header
        return out
      }
      guard entry & Self.invalid == 0 else { throw .damaged }
      if entry & Self.literal != 0 {
        // A literal needs room; without it, it is left for the next piece.
        guard out < end else { return out }
        bits &>>= UInt64(consumed)
        bitCount -= consumed
        guard bitCount >= zerosPastEnd * 8 else { throw .damaged }
        out.pointee = UInt8(truncatingIfNeeded: entry >> 16)
        out += 1
        continue
      }
      // A match is decoded whole (its distance code checked, as zlib does) before it waits for room.
      bits &>>= UInt64(consumed)
      bitCount -= consumed
      var extra = Int((entry >> 4) & 0xF)
      let length = Int(entry >> 16) + Int(truncatingIfNeeded: bits & ((1 &<< UInt64(extra)) &- 1))
      bits &>>= UInt64(extra)
      bitCount -= extra
      entry = distance[Int(truncatingIfNeeded: bits & distanceMask)]
      consumed = 0
      if entry & Self.subtable != 0 {
        consumed = Self.distanceBits
        entry =
          distance[
            Int(entry >> 16)
              + Int(truncatingIfNeeded: (bits &>> UInt64(consumed)) & ((1 &<< UInt64((entry >> 4) & 0xF)) &- 1))]
      }
      guard entry & Self.invalid == 0 else { throw .damaged }
      consumed += Int(entry & 0xF)
      extra = Int((entry >> 4) & 0xF)
      let distance =
        Int(entry >> 16) + Int(truncatingIfNeeded: (bits &>> UInt64(consumed)) & ((1 &<< UInt64(extra)) &- 1))
      bits &>>= UInt64(consumed + extra)
      bitCount -= consumed + extra
      guard bitCount >= zerosPastEnd * 8 else { throw .damaged }
      pendingLength = length
      pendingDistance = distance
      out = try copyPending(to: out, start: start, end: end)
      if pendingLength > 0 { return out }
    }
  }
}
