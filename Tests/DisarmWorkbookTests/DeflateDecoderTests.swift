import CZlibInflate
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmWorkbook

/// The workbook reader's own DEFLATE decoder against zlib, the reference every other zip reader agrees with: the same
/// bytes for every stream zlib inflates (whole and in pieces of any size, whose matches then reach back into earlier
/// pieces), and a refusal for every stream zlib refuses, on streams deflated by zlib in each of its ways and on the
/// same streams damaged at random.
@Suite struct DeflateDecoderTests {
  /// What zlib makes of a raw deflate stream, given room for `limit` bytes.
  enum Outcome: Equatable {
    /// The stream ended, with these bytes.
    case ended([UInt8])
    /// The room was filled before the end, with these bytes.
    case full([UInt8])
    /// zlib refused it (damaged, or cut short).
    case refused
  }

  static func zlibInflate(_ compressed: [UInt8], limit: Int) -> Outcome {
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      return .refused
    }
    defer { inflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: limit)
    let result = compressed.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { buffer in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        stream.next_out = buffer.baseAddress
        stream.avail_out = UInt32(buffer.count)
        return inflate(&stream, Z_FINISH)
      }
    }
    let produced = Array(output[0..<(limit - Int(stream.avail_out))])
    switch result {
    case Z_STREAM_END: return .ended(produced)
    case Z_BUF_ERROR where stream.avail_out == 0: return .full(produced)
    default: return .refused
    }
  }

  /// The same with ``DeflateDecoder``, in pieces whose sizes `random` chooses up to `pieceSize` (at least one byte).
  static func decode(_ compressed: [UInt8], limit: Int, pieceSize: Int, random: inout SeededRandom) -> Outcome {
    compressed.withUnsafeBytes { input in
      let decoder = DeflateDecoder(input)
      var output: [UInt8] = []
      var piece = [UInt8](repeating: 0, count: max(1, pieceSize))
      do {
        while !decoder.ended {
          guard output.count < limit else { return .full(output) }
          let size = min(Int.random(in: 1...max(1, pieceSize), using: &random), limit - output.count)
          let produced = try piece.withUnsafeMutableBufferPointer { buffer in
            try decoder.decode(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<size]))
          }
          output += piece[0..<produced]
          // A piece is filled unless the stream ends.
          if produced < size && !decoder.ended { return .refused }
        }
      } catch {
        return .refused
      }
      return .ended(output)
    }
  }

  static func zlibDeflate(_ bytes: [UInt8], level: Int32, strategy: Int32) -> [UInt8] {
    var stream = z_stream()
    precondition(
      deflateInit2_(
        &stream, level, Z_DEFLATED, -MAX_WBITS, 8, strategy, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    let count = bytes.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { buffer in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        stream.next_out = buffer.baseAddress
        stream.avail_out = UInt32(buffer.count)
        precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
        return buffer.count - Int(stream.avail_out)
      }
    }
    return Array(output[0..<count])
  }

  /// Texts of the kinds a workbook holds and of the kinds that exercise every part of the format: random bytes
  /// (literals, stored blocks), a worksheet's repeated rows (long matches, near and far), runs of one byte and of
  /// short patterns (overlapping copies at distances 1 to 7), and long text whose matches reach 32 KiB back.
  static func sample(_ kind: Int, length: Int, random: inout SeededRandom) -> [UInt8] {
    switch kind {
    case 0: return (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
    case 1:
      var text = ""
      var row = 1
      while text.utf8.count < length {
        text += #"<row r="\#(row)" ht="15.6"/><c r="A\#(row)" s="\#(row % 7)"/>"#
        row += Int.random(in: 1...3, using: &random)
      }
      return Array(text.utf8.prefix(length))
    case 2:
      var bytes: [UInt8] = []
      while bytes.count < length {
        let period = Int.random(in: 1...9, using: &random)
        let pattern = (0..<period).map { _ in UInt8.random(in: 97...100, using: &random) }
        for _ in 0..<Int.random(in: 1...400, using: &random) { bytes += pattern }
      }
      return Array(bytes.prefix(length))
    default:
      let words = (0..<300).map { _ in
        String(
          (0..<Int.random(in: 2...9, using: &random)).map { _ in
            Character(Unicode.Scalar(UInt8.random(in: 97...122, using: &random)))
          })
      }
      var text = ""
      while text.utf8.count < length { text += words.randomElement(using: &random)! + " " }
      return Array(text.utf8.prefix(length))
    }
  }

  /// Streams deflated by zlib at every level and with every strategy (so stored, fixed and dynamic blocks, codes
  /// longer than the tables' first lookups), decoded whole and in pieces of random sizes.
  @Test func zlibStreamsGiveZlibsBytes() {
    var random = SeededRandom(seed: 1951)
    let strategies = [Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED]
    for round in 0..<200 {
      let length = [0, 1, 100, 5_000, 70_000, 300_000][round % 6]
      let bytes = Self.sample(round % 4, length: length, random: &random)
      let level = Int32(round % 10)
      let strategy = strategies[(round / 10) % strategies.count]
      let compressed = Self.zlibDeflate(bytes, level: level, strategy: strategy)
      #expect(Self.zlibInflate(compressed, limit: length + 1) == .ended(bytes))
      for pieceSize in [length + 1, 70_000, 300, 3] where pieceSize > 3 || length <= 5_000 {
        let decoded = Self.decode(compressed, limit: length + 1, pieceSize: pieceSize, random: &random)
        #expect(decoded == .ended(bytes), "round \(round): kind \(round % 4), level \(level), strategy \(strategy)")
      }
    }
  }

  /// The same streams damaged (bits flipped, bytes changed, cut short, bytes added): whatever zlib makes of each, the
  /// decoder makes the same (the same bytes, or the same refusal).
  @Test func damagedStreamsGetZlibsOutcome() {
    var random = SeededRandom(seed: 1996)
    let strategies = [Z_DEFAULT_STRATEGY, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED]
    var refused = 0
    for round in 0..<4000 {
      let length = Int.random(in: 0...3_000, using: &random)
      let bytes = Self.sample(round % 4, length: length, random: &random)
      var compressed = Self.zlibDeflate(
        bytes, level: Int32.random(in: 0...9, using: &random), strategy: strategies.randomElement(using: &random)!)
      switch round % 4 {
      case 0:
        for _ in 0..<Int.random(in: 1...3, using: &random) where !compressed.isEmpty {
          compressed[Int.random(in: 0..<compressed.count, using: &random)] ^=
            1 << UInt8.random(in: 0...7, using: &random)
        }
      case 1:
        if !compressed.isEmpty {
          compressed[Int.random(in: 0..<compressed.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
        }
      case 2: compressed.removeLast(Int.random(in: 0...min(8, compressed.count), using: &random))
      default:
        compressed =
          Array(compressed.prefix(Int.random(in: 0...compressed.count, using: &random)))
          + (0..<Int.random(in: 0...6, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
      }
      let limit = length * 2 + 100
      let expected = Self.zlibInflate(compressed, limit: limit)
      if expected == .refused { refused += 1 }
      for pieceSize in [limit, 700, 5] {
        #expect(
          Self.decode(compressed, limit: limit, pieceSize: pieceSize, random: &random) == expected,
          "round \(round): \(compressed)")
      }
    }
    // The damage must have reached zlib's checks, not only the data.
    #expect(refused > 1000)
  }

  /// Streams written bit by bit for each rule of the format zlib enforces.
  @Test(arguments: [
    // An empty stored block, last: nothing, ended.
    ([0x01, 0x00, 0x00, 0xFF, 0xFF], DeflateDecoderTests.Outcome.ended([])),
    // A stored block of two bytes.
    ([0x01, 0x02, 0x00, 0xFD, 0xFF, 0x41, 0x42], .ended([0x41, 0x42])),
    // A stored block whose length's complement is wrong.
    ([0x01, 0x02, 0x00, 0xFD, 0xFE, 0x41, 0x42], .refused),
    // A stored block cut short.
    ([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41], .refused),
    // Block type 3.
    ([0x07, 0x00], .refused),
    // A fixed block with only its end (the seven zero bits of code 256).
    ([0x03, 0x00], .ended([])),
    // A fixed block: literal 'a', then a match of length 3 at distance 1 ('aaa'), then the end.
    ([0x4B, 0x04, 0x02, 0x00], .ended(Array("aaaa".utf8))),
    // The same match at distance 2, before the start of the output.
    ([0x4B, 0x04, 0x42, 0x00], .refused),
    // No block at all.
    ([], .refused),
  ])
  func handWrittenStreams(_ stream: [UInt8], _ expected: Outcome) {
    var random = SeededRandom(seed: 1)
    #expect(Self.zlibInflate(stream, limit: 100) == expected)
    #expect(Self.decode(stream, limit: 100, pieceSize: 100, random: &random) == expected)
    #expect(Self.decode(stream, limit: 100, pieceSize: 1, random: &random) == expected)
  }

  /// Every part of every master workbook: zlib's bytes, whole and in pieces (each part's own mix of blocks as Excel
  /// and the Foundation's tools wrote them).
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func everyMasterPartGivesZlibsBytes() throws {
    var random = SeededRandom(seed: 2025)
    var compared = 0
    for master in WorkbookReaderTests.names {
      for file in ["DISARM_FRAMEWORKS_MASTER.xlsx", "DISARM_DATA_MASTER.xlsx"] {
        let url = WorkbookReaderTests.masters.appendingPathComponent(master).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else { continue }
        let bytes = [UInt8](data)
        let directory = try ZipDirectory(bytes)
        for (name, entry) in directory.entries.sorted(by: { $0.key < $1.key }) where entry.method == 8 {
          let compressed = Array(bytes[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)])
          let limit = entry.uncompressedSize + 1
          let expected = Self.zlibInflate(compressed, limit: limit)
          guard case .ended(let inflated) = expected else {
            Issue.record("\(master)/\(file): \(name): zlib does not inflate it")
            continue
          }
          #expect(inflated.count == entry.uncompressedSize)
          for pieceSize in [limit, 128 * 1024, 1000] {
            #expect(
              Self.decode(compressed, limit: limit, pieceSize: pieceSize, random: &random) == expected,
              "\(master)/\(file): \(name), pieces up to \(pieceSize)")
          }
          compared += 1
        }
      }
    }
    #expect(compared > 300)
  }
}
