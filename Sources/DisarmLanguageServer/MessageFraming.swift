/// The Language Server Protocol's base protocol: each JSON-RPC message preceded by `Content-Length: N` and a blank
/// line (other headers, such as `Content-Type`, are read and ignored). Bytes go in as they arrive; whole message
/// bodies come out.
struct MessageFraming {
  /// A header that cannot be read. The bytes up to the next `Content-Length` are dropped, so that one broken message
  /// never stops the server.
  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  /// The largest body accepted: a client that announces more is refused rather than buffered.
  static let largestBody = 64 << 20

  private var buffer: [UInt8] = []
  private var start = 0

  mutating func append(_ bytes: some Sequence<UInt8>) { buffer.append(contentsOf: bytes) }

  /// The next complete body, nil when more bytes are needed.
  mutating func next() throws(Malformed) -> [UInt8]? {
    compact()
    guard let headerEnd = find([13, 10, 13, 10], from: start) else {
      if buffer.count - start > 8192 { throw resync("a header longer than 8 KiB") }
      return nil
    }
    let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
    var length: Int?
    for line in header.split(separator: "\r\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2 else { throw resync("a header line without a colon: \(line.prefix(80))") }
      if parts[0].lowercased() == "content-length" {
        length = Int(parts[1].trimmingCharacters(in: " \t"))
      }
    }
    guard let length, length >= 0 else { throw resync("no valid Content-Length header") }
    guard length <= Self.largestBody else { throw resync("a body of \(length) bytes, over the limit") }
    let bodyStart = headerEnd + 4
    guard buffer.count - bodyStart >= length else { return nil }
    start = bodyStart + length
    return Array(buffer[bodyStart..<start])
  }

  /// Drops bytes up to the next `Content-Length` (or all of them) and says why.
  private mutating func resync(_ why: String) -> Malformed {
    let marker = Array("Content-Length".utf8)
    start = find(marker, from: start + 1) ?? buffer.count
    return Malformed(description: why)
  }

  private mutating func compact() {
    if start > 1 << 16 || start == buffer.count {
      buffer.removeFirst(start)
      start = 0
    }
  }

  private func find(_ pattern: [UInt8], from: Int) -> Int? {
    guard pattern.count <= buffer.count else { return nil }
    var index = from
    while index + pattern.count <= buffer.count {
      if buffer[index] == pattern[0] && buffer[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
      index += 1
    }
    return nil
  }

  /// `body` framed for sending.
  static func frame(_ body: [UInt8]) -> [UInt8] { Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    var text = self
    while let first = text.first, set.contains(first) { text = text.dropFirst() }
    while let last = text.last, set.contains(last) { text = text.dropLast() }
    return text
  }
}
