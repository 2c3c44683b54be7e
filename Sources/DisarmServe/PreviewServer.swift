import FlyingSocks
import Foundation

/// The preview's HTTP server: one listening socket on 127.0.0.1 (FlyingSocks' `Socket`), one thread per connection,
/// one request per connection (`Connection: close`), GET and HEAD only.
///
/// Not FlyingFox's `HTTPServer`, which the preview used before: its configuration (0.27) has a timeout for the
/// handler only, nothing for reading the request head; it reads the request line and header lines with no bound
/// and in time quadratic in their length (a 100 KB request line took 9.8 s), and that work runs on the shared
/// concurrency pool, so two 1 MB request lines from clients that went away stopped every other request for half a
/// minute. Here the head is read by `RequestHeadReader` (linear, bounded: 414, 431), within `headTimeout` seconds
/// (408), on the connection's own thread, and at most `maxConnections` connections are served at once.
final class PreviewServer: @unchecked Sendable {
  /// What answers a request whose head was read and checked.
  typealias Handler = @Sendable (RequestHead) -> PreviewResponse

  let port: UInt16
  let limits: RequestLimits
  let maxConnections = 64
  private let listener: Socket
  private let handler: Handler
  private let lock = NSLock()
  private var connections = 0

  /// Binds 127.0.0.1:`port` and listens; throws when it cannot (the port is taken).
  init(port: UInt16, limits: RequestLimits, handler: @escaping Handler) throws {
    self.port = port
    self.limits = limits
    self.handler = handler
    listener = try Socket(domain: AF_INET, type: .stream)
    try listener.setValue(true, for: .localAddressReuse)
    try listener.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
    try listener.listen()
  }

  /// Accepts connections on a thread of its own until the process ends.
  func start() {
    let thread = Thread { [self] in
      while true {
        guard let accepted = try? listener.accept() else { continue }
        let connection = Socket(file: accepted.file)
        guard enter() else {
          respond(PreviewResponse.refusal(503, "too many connections"), head: nil, on: connection)
          try? connection.close()
          continue
        }
        let worker = Thread { [self] in
          serve(connection)
          closeGently(connection)
          leave()
        }
        worker.start()
      }
    }
    thread.start()
  }

  private func enter() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard connections < maxConnections else { return false }
    connections += 1
    return true
  }

  private func leave() {
    lock.lock()
    connections -= 1
    lock.unlock()
  }

  /// Reads one request head within the time limit and answers it.
  private func serve(_ connection: Socket) {
    // Reads wait at most a quarter of a second, so that the deadline is checked while a client is silent; a write
    // to a reader that stopped reading gives up after the head timeout.
    setTimeout(SO_RCVTIMEO, seconds: 0.25, on: connection)
    setTimeout(SO_SNDTIMEO, seconds: limits.headTimeout, on: connection)
    let deadline = Date().addingTimeInterval(limits.headTimeout)
    var reader = RequestHeadReader(limits: limits)
    while Date() < deadline {
      let bytes: [UInt8]
      do {
        bytes = try connection.read(atMost: 4096)
      } catch SocketError.blocked {
        continue
      } catch {
        return  // the client went away
      }
      switch reader.add(bytes) {
      case .incomplete: continue
      case .refused(let status, let reason):
        respond(.refusal(status, reason), head: nil, on: connection)
        return
      case .head(let head):
        respond(handler(head), head: head, on: connection)
        return
      }
    }
    respond(.refusal(408, "request head not received in time"), head: nil, on: connection)
  }

  /// Closes after the answer is sent: a client may still be sending (a refused request line it had not finished),
  /// and closing with unread bytes would reset the connection and lose the answer before the client reads it. So
  /// the sending side is shut first and what arrives is read and dropped for at most a second (a lingering close).
  private func closeGently(_ connection: Socket) {
    _ = shutdown(connection.file.rawValue, Int32(SHUT_WR))
    let until = Date().addingTimeInterval(1)
    var dropped = 0
    while Date() < until, dropped < 4 << 20 {
      do {
        dropped += try connection.read(atMost: 16_384).count
      } catch SocketError.blocked {
        continue
      } catch {
        break
      }
    }
    try? connection.close()
  }

  private func setTimeout(_ option: Int32, seconds: Double, on socket: Socket) {
    var time = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
    _ = setsockopt(socket.file.rawValue, SOL_SOCKET, option, &time, socklen_t(MemoryLayout<timeval>.size))
  }

  /// Writes `response` (without its body for HEAD) and gives up when the client stops reading.
  private func respond(_ response: PreviewResponse, head: RequestHead?, on connection: Socket) {
    var data = Data(response.headerBlock.utf8)
    if head?.method != "HEAD" { data.append(response.body) }
    var index = data.startIndex
    while index < data.endIndex {
      guard let next = try? connection.write(data, from: index) else { return }
      index = next
    }
  }
}

/// One answer of the preview server.
struct PreviewResponse: Sendable {
  var status: Int
  var contentType: String
  var body: Data

  /// The policy sent with every answer: the site's `<meta>` policy (DisarmSite's `ContentSecurityPolicy.meta`, which
  /// this executable does not link) and `frame-ancestors 'none'`, which only a header can carry.
  static let contentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

  static let reasons: [Int: String] = [
    200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
    414: "URI Too Long", 431: "Request Header Fields Too Large", 503: "Service Unavailable",
    505: "HTTP Version Not Supported",
  ]

  /// A plain-text refusal saying why.
  static func refusal(_ status: Int, _ reason: String) -> PreviewResponse {
    PreviewResponse(status: status, contentType: "text/plain; charset=utf-8", body: Data("\(reason)\n".utf8))
  }

  /// The status line and header fields.
  var headerBlock: String {
    var text = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Error")\r\n"
    text += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
    text += "Content-Security-Policy: \(Self.contentSecurityPolicy)\r\n"
    text += "X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nCache-Control: no-cache\r\n"
    if status == 405 { text += "Allow: GET, HEAD\r\n" }
    return text + "Connection: close\r\n\r\n"
  }
}
