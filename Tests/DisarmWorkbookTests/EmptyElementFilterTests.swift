import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmWorkbook

/// The empty-element filter that runs while a sheet is inflated gives the bytes the whole-part filter gave (kept
/// below as the reference, as it was before the filter streamed), however the part is cut into pieces.
@Suite struct EmptyElementFilterTests {
  /// The filter as it was: one pass over the whole part.
  static func reference(_ bytes: [UInt8]) -> [UInt8] {
    let cdata = Array("<![CDATA[".utf8)
    let count = bytes.count
    func emptyElementEnd(at start: Int) -> Int? {
      var index: Int
      var needsReference: Bool
      if start + 5 < count, bytes[start + 1] == UInt8(ascii: "r"), bytes[start + 2] == UInt8(ascii: "o"),
        bytes[start + 3] == UInt8(ascii: "w"), bytes[start + 4] == UInt8(ascii: " ")
      {
        index = start + 5
        needsReference = false
      } else if start + 3 < count, bytes[start + 1] == UInt8(ascii: "c"), bytes[start + 2] == UInt8(ascii: " ") {
        index = start + 3
        needsReference = true
      } else {
        return nil
      }
      var hasReference = false
      while index < count {
        switch bytes[index] {
        case UInt8(ascii: "<"): return nil
        case UInt8(ascii: ">"):
          return bytes[index - 1] == UInt8(ascii: "/") && (hasReference || !needsReference) ? index + 1 : nil
        case UInt8(ascii: "r")
        where needsReference && index + 2 < count && bytes[index - 1] == UInt8(ascii: " ")
          && bytes[index + 1] == UInt8(ascii: "=") && bytes[index + 2] == UInt8(ascii: "\""):
          hasReference = true
          index += 1
        default: index += 1
        }
      }
      return nil
    }
    var output: [UInt8] = []
    var copied = 0
    var index = 0
    while index < count, let at = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      if at + cdata.count <= count, bytes[at..<(at + cdata.count)].elementsEqual(cdata) { return bytes }
      if let end = emptyElementEnd(at: at) {
        output.append(contentsOf: bytes[copied..<at])
        copied = end
        index = end
      } else {
        index = at + 1
      }
    }
    guard copied > 0 else { return bytes }
    output.append(contentsOf: bytes[copied..<count])
    return output
  }

  /// `bytes` filtered in pieces whose sizes `random` chooses (1 byte to a few hundred), as an inflation gives them.
  static func filteredInPieces(_ bytes: [UInt8], pieceSize: Int, random: inout SeededRandom) -> [UInt8] {
    var offset = 0
    var sizes: [Int] = []
    let filtered = EmptyElementFilter.filtered(pieceSize: pieceSize) { buffer in
      let size = min(buffer.count, bytes.count - offset, Int.random(in: 0...pieceSize, using: &random))
      sizes.append(size)
      _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<size]).initialize(from: bytes[offset..<(offset + size)])
      offset += size
      return (size, offset == bytes.count)
    }
    return filtered ?? bytes
  }

  static let fragments = [
    "<row r=\"1\"/>", "<row r=\"2\" spans=\"3:3\" ht=\"15.6\"/>", "<row ", "<row>", "<c r=\"A1\" s=\"3\"/>",
    "<c s=\"3\"/>",
    "<c r=\"B2\" t=\"s\"><v>4</v></c>", "<c ", " r=\"", "r=\"", " r", "r", "=\"", "\"", " ", "/", "/>", ">", "<", "x",
    "<![CDATA[", "<![CDATA", "<!", "</row>", "<sheetData>", "\n", "<c  r=\"C3\"/>", "<cr=\"D4\"/>",
  ]

  /// Random sequences of the fragments that matter (rows, cells with and without a reference, split tags, CDATA),
  /// filtered whole and in random pieces, against the reference.
  @Test func randomPartsGiveTheReferenceBytes() {
    var random = SeededRandom(seed: 27)
    for round in 0..<3000 {
      let length = Int.random(in: 0...40, using: &random)
      let text = (0..<length).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
      let bytes = Array(text.utf8)
      let expected = Self.reference(bytes)
      #expect(EmptyElementFilter.filtered(bytes) == expected, "round \(round): \(text.debugDescription)")
      for pieceSize in [1, 2, 3, 7, 16, 64] {
        let pieces = Self.filteredInPieces(bytes, pieceSize: pieceSize, random: &random)
        #expect(pieces == expected, "round \(round), pieces of \(pieceSize): \(text.debugDescription)")
      }
    }
  }

  /// An element far longer than a piece (a hostile one) is carried over piece after piece and read once.
  @Test func anElementLongerThanManyPieces() {
    var random = SeededRandom(seed: 25)
    let long = "<c r=\"A1\" s=\"" + String(repeating: "1", count: 200_000) + "\"/>"
    for text in [
      "<row r=\"1\"/>" + long + "<row r=\"2\"/>", long + "x", "<row " + String(repeating: "r", count: 100_000) + "/>",
      "<c " + String(repeating: " r", count: 50_000) + "=\"/>",
    ] {
      let bytes = Array(text.utf8)
      let expected = Self.reference(bytes)
      #expect(EmptyElementFilter.filtered(bytes) == expected)
      #expect(Self.filteredInPieces(bytes, pieceSize: 4096, random: &random) == expected)
    }
  }

  /// Every worksheet of every master spreadsheet, filtered while inflated, gives the reference's bytes.
  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func everyMasterSheetGivesTheReferenceBytes() throws {
    var compared = 0
    for master in WorkbookReaderTests.names {
      for file in ["DISARM_FRAMEWORKS_MASTER.xlsx", "DISARM_DATA_MASTER.xlsx"] {
        let url = WorkbookReaderTests.masters.appendingPathComponent(master).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else { continue }
        let bytes = [UInt8](data)
        let directory = try ZipDirectory(bytes)
        let reader = PartReader(source: .zip(bytes, directory), path: url.path, budget: Int.max)
        for name in directory.entries.keys.sorted() where name.hasPrefix("xl/worksheets/sheet") {
          let whole = try #require(try reader.inflate(name, within: Int.max))
          let streamed = try #require(try reader.inflateSheet(name, within: Int.max))
          #expect(streamed.bytes == Self.reference(whole), "\(master)/\(file): \(name)")
          #expect(streamed.inflated == whole.count, "\(master)/\(file): \(name)")
          // Inflated on one core and filtered on another, as the reader does with its largest sheets.
          for sides in [1, 2] {
            let pipeline = FilterPipeline(pieceSize: 4096, expecting: whole.count)
            nonisolated(unsafe) var piped: Result<[UInt8], WorkbookError>?
            if sides == 1 {
              // One core: the inflation runs whole first (filtering whenever too many pieces wait), then the rest.
              reader.inflatePieces(name, within: Int.max, into: pipeline)
              piped = Result { () throws(WorkbookError) in try reader.filterPiped(name, within: Int.max, from: pipeline)
              }
            } else {
              DispatchQueue.concurrentPerform(iterations: 2) { side in
                if side == 0 {
                  reader.inflatePieces(name, within: Int.max, into: pipeline)
                } else {
                  piped = Result { () throws(WorkbookError) in
                    try reader.filterPiped(name, within: Int.max, from: pipeline)
                  }
                }
              }
            }
            #expect(try piped?.get() == streamed.bytes, "\(master)/\(file): \(name), inflated and filtered apart")
          }
          compared += 1
        }
      }
    }
    #expect(compared > 50, "\(compared) sheets compared")
  }

  /// Pieces filtered where they were inflated (the element a piece ends in copied into the room in front of the
  /// next), and elements longer than that room (copied after it instead): the reference's bytes, pieces of any size.
  @Test func piecesFilteredInPlaceGiveTheReferenceBytes() {
    var random = SeededRandom(seed: 31)
    let long = "<c r=\"A1\" s=\"" + String(repeating: "1", count: FilterPipeline.headroom * 3) + "\"/>"
    for round in 0..<200 {
      let length = Int.random(in: 0...400, using: &random)
      var text = (0..<length).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
      if round % 3 == 0 { text.insert(contentsOf: long, at: text.index(text.startIndex, offsetBy: text.count / 2)) }
      let bytes = Array(text.utf8)
      let pieceSize = [16, 100, 4096][round % 3]
      let pipeline = FilterPipeline(pieceSize: pieceSize, expecting: bytes.count)
      var offset = 0
      while offset < bytes.count {
        let piece = pipeline.emptyPiece()
        let size = min(Int.random(in: 1...pieceSize, using: &random), bytes.count - offset)
        _ = UnsafeMutableBufferPointer(rebasing: piece[0..<size]).initialize(from: bytes[offset..<(offset + size)])
        pipeline.put(piece, count: size)
        offset += size
      }
      pipeline.finish(nil)
      let (failure, filtered) = pipeline.filterAll()
      #expect(failure == nil)
      let same = (filtered ?? bytes) == Self.reference(bytes)
      #expect(same, "round \(round): \(text.prefix(300).debugDescription)")
    }
  }
}
