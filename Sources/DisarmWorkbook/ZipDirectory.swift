import Foundation

/// Where each entry's data lies in a zip file: read from the end-of-central-directory record, the central directory
/// and each entry's local header, with every offset checked against the file's length.
///
/// Used to inflate parts through ZIPFoundation's public `Data.decompress` with a provider that refuses to read past
/// the entry's compressed bytes: ZIPFoundation's own extraction loops for ever when a damaged deflate stream never
/// ends (its provider then returns empty chunks and the loop waits for the end of the stream; found by fuzzing).
struct ZipDirectory {
  struct Entry {
    var method: UInt16
    var compressedSize: Int
    var uncompressedSize: Int
    var dataOffset: Int
  }

  var entries: [String: Entry]

  struct Damaged: Error {
    var reason: String
  }

  init(_ bytes: [UInt8]) throws(Damaged) {
    func u16(_ at: Int) throws(Damaged) -> Int {
      guard at >= 0, at + 2 <= bytes.count else { throw Damaged(reason: "a record runs past the end of the file") }
      return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }
    func u32(_ at: Int) throws(Damaged) -> Int {
      let low = try u16(at)
      let high = try u16(at + 2)
      return low | high << 16
    }
    // The end-of-central-directory record: within the last 22 + 65 535 bytes (its comment may be that long).
    var end = -1
    var index = bytes.count - 22
    while index >= max(0, bytes.count - 22 - 65_535) {
      if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 {
        end = index
        break
      }
      index -= 1
    }
    guard end >= 0 else { throw Damaged(reason: "no end-of-central-directory record") }
    let count = try u16(end + 10)
    var offset = try u32(end + 16)
    var entries: [String: Entry] = [:]
    for _ in 0..<count {
      guard try u32(offset) == 0x0201_4B50 else { throw Damaged(reason: "a central directory entry is damaged") }
      let method = UInt16(try u16(offset + 10))
      let compressed = try u32(offset + 20)
      let uncompressed = try u32(offset + 24)
      let nameLength = try u16(offset + 28)
      let extraLength = try u16(offset + 30)
      let commentLength = try u16(offset + 32)
      let local = try u32(offset + 42)
      guard offset + 46 + nameLength <= bytes.count else { throw Damaged(reason: "an entry name runs past the end") }
      let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
      guard try u32(local) == 0x0403_4B50 else { throw Damaged(reason: "\(name): its local header is damaged") }
      let localName = try u16(local + 26)
      let localExtra = try u16(local + 28)
      let dataOffset = local + 30 + localName + localExtra
      guard dataOffset + compressed <= bytes.count else { throw Damaged(reason: "\(name): its data runs past the end") }
      entries[name] = Entry(
        method: method, compressedSize: compressed, uncompressedSize: uncompressed, dataOffset: dataOffset)
      offset += 46 + nameLength + extraLength + commentLength
    }
    self.entries = entries
  }
}
