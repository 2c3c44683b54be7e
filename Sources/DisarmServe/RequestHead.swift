/// The head of one HTTP/1.x request (request line and header fields), read with bounds: the preview server reads
/// requests from any program on the machine and from any page a browser has open, so a request line or header
/// block that does not end, or ends only after megabytes, is refused early instead of being buffered and parsed.
struct RequestHead: Equatable {
  var method: String
  var target: String
  var version: String
  /// Header fields in order, names lower-cased, values trimmed.
  var fields: [(name: String, value: String)]

  /// The values of the header field `name` (lower case).
  func values(of name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

  static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
    lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
      && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
  }
}

/// The bounds a request head must keep.
struct RequestLimits: Sendable {
  /// The longest request line, in bytes (longer: 414).
  var requestLine = 8 * 1024
  /// The most bytes of header fields (more: 431).
  var headerBytes = 32 * 1024
  /// The most header lines (more: 431).
  var headerLines = 100
  /// Seconds a client has to send the whole head (slower: 408 and the connection closed).
  var headTimeout = 10.0
}

/// Reads a request head from bytes as they arrive, in time linear in their number: each byte is looked at once when
/// searching for line ends, and a line is decoded only when it is complete.
struct RequestHeadReader {
  enum Outcome: Equatable {
    /// More bytes are needed.
    case incomplete
    case head(RequestHead)
    /// The request is refused with this status before it is complete.
    case refused(status: Int, reason: String)
  }

  let limits: RequestLimits
  private var buffer: [UInt8] = []
  private var scanned = 0
  private var lineStart = 0
  private var requestLine: String?
  private var headerStart = 0
  private var fields: [(name: String, value: String)] = []

  init(limits: RequestLimits) {
    self.limits = limits
    buffer.reserveCapacity(4096)
  }

  /// Adds `bytes` and says whether the head is complete, refused or still incomplete.
  mutating func add(_ bytes: some Collection<UInt8>) -> Outcome {
    buffer.append(contentsOf: bytes)
    while let end = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
      scanned = end + 1
      var line = buffer[lineStart..<end]
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      lineStart = end + 1
      if requestLine == nil {
        if line.isEmpty { continue }  // RFC 9112 §2.2: empty lines before the request line are ignored
        guard line.count <= limits.requestLine else { return .refused(status: 414, reason: "request line too long") }
        guard let text = String(validating: line, as: UTF8.self) else {
          return .refused(status: 400, reason: "request line not UTF-8")
        }
        requestLine = text
        headerStart = lineStart
        continue
      }
      if line.isEmpty { return complete() }
      guard fields.count < limits.headerLines else { return .refused(status: 431, reason: "too many header lines") }
      guard let text = String(validating: line, as: UTF8.self), let colon = text.firstIndex(of: ":"),
        colon != text.startIndex, !text[..<colon].contains(where: { $0 == " " || $0 == "\t" })
      else { return .refused(status: 400, reason: "malformed header line") }
      fields.append(
        (text[..<colon].lowercased(), text[text.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])))
    }
    scanned = buffer.count
    if requestLine == nil {
      if buffer.count - lineStart > limits.requestLine {
        return .refused(status: 414, reason: "request line too long")
      }
    } else if buffer.count - headerStart > limits.headerBytes {
      return .refused(status: 431, reason: "header fields too large")
    }
    return .incomplete
  }

  private func complete() -> Outcome {
    guard let requestLine else { return .incomplete }
    guard lineStart - headerStart <= limits.headerBytes else {
      return .refused(status: 431, reason: "header fields too large")
    }
    let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
      return .refused(status: 400, reason: "malformed request line")
    }
    guard parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else {
      return .refused(status: 505, reason: "HTTP version not supported")
    }
    return .head(
      RequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), fields: fields))
  }
}
