import DisarmTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The preview server (`disarm-serve`) against hostile clients, over raw sockets: bounded request lines and headers,
/// abandoned and slow clients that do not hold up others, foreign `Host` names, and paths that would leave the site
/// folder. Each test starts its own server on a free port with a 2-second head timeout.
@Suite(.serialized) struct PreviewServerTests {
  /// A running `disarm-serve` over a small site whose folder also holds a symbolic link to `/etc/passwd`.
  final class Server {
    let process = Process()
    let port: UInt16
    let root: URL

    init() throws {
      root = TemporaryFolder.make("disarm-serve")
      let site = root.appendingPathComponent("site")
      try FileManager.default.createDirectory(
        at: site.appendingPathComponent("techniques"), withIntermediateDirectories: true)
      try Data("<!DOCTYPE html>\n<title>home</title>\n".utf8).write(to: site.appendingPathComponent("index.html"))
      try Data("technique\n".utf8).write(to: site.appendingPathComponent("techniques/T0001.html"))
      try FileManager.default.createSymbolicLink(
        atPath: site.appendingPathComponent("passwd.html").path, withDestinationPath: "/etc/passwd")
      try FileManager.default.createSymbolicLink(
        atPath: site.appendingPathComponent("etc").path, withDestinationPath: "/etc")
      port = try Self.freePort()
      process.executableURL = DisarmProcess.binary.deletingLastPathComponent().appendingPathComponent("disarm-serve")
      process.arguments = [
        "--site", site.path, "--port", "\(port)", "--watch", site.path, "--head-timeout", "2", "--", "/bin/true",
      ]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      for _ in 0..<100 {
        if (try? RawClient(port: port)) != nil { return }
        usleep(50_000)
      }
    }

    deinit {
      process.terminate()
      process.waitUntilExit()
      try? FileManager.default.removeItem(at: root)
    }

    /// A port nothing listens on now.
    static func freePort() throws -> UInt16 {
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      defer { close(descriptor) }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      try withUnsafeMutablePointer(to: &address) { pointer in
        try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          guard bind(descriptor, $0, length) == 0, getsockname(descriptor, $0, &length) == 0 else {
            throw RawClient.Failure(description: "cannot find a free port: errno \(errno)")
          }
        }
      }
      return UInt16(bigEndian: address.sin_port)
    }

    /// A normal request's status and body.
    func get(_ path: String, host: String? = nil) throws -> (status: Int, text: String) {
      let client = try RawClient(port: port)
      try client.send("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nUser-Agent: test\r\n\r\n")
      let text = client.receiveAll(seconds: 5)
      return (RawClient.status(of: text), text)
    }
  }

  /// A TCP client on raw sockets.
  final class RawClient: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }
    let descriptor: Int32

    init(port: UInt16) throws {
      descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      guard connected == 0 else {
        close(descriptor)
        throw Failure(description: "cannot connect to 127.0.0.1:\(port): errno \(errno)")
      }
    }

    deinit { close(descriptor) }

    /// Sends all of `text`; throws when the server closed the connection.
    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
      var sent = 0
      while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes {
          Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
        guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
        sent += count
      }
    }

    /// What the server sends until it closes the connection or `seconds` pass.
    func receiveAll(seconds: Double) -> String {
      var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
      setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      let deadline = Date().addingTimeInterval(seconds)
      var received: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 65_536)
      while Date() < deadline {
        let count = recv(descriptor, &buffer, buffer.count, 0)
        if count > 0 {
          received += buffer[..<count]
        } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
          break
        }
      }
      return String(decoding: received, as: UTF8.self)
    }

    /// The status code of a response, 0 when there is none.
    static func status(of response: String) -> Int {
      guard response.hasPrefix("HTTP/1.1 ") else { return 0 }
      return Int(response.dropFirst(9).prefix(3)) ?? 0
    }
  }

  @Test func aNormalRequestGetsThePageWithItsPolicy() throws {
    let server = try Server()
    let home = try server.get("/")
    #expect(home.status == 200, "\(home.text)")
    #expect(home.text.contains("<title>home</title>"))
    #expect(home.text.contains("Content-Security-Policy: default-src 'self'; script-src 'self';"))
    #expect(home.text.contains("frame-ancestors 'none'"))
    #expect(try server.get("/techniques/T0001.html").status == 200)
    #expect(try server.get("/techniques/").status == 404, "a folder without index.html")
  }

  @Test func aHundredKilobyteRequestLineIsRefusedWithin1Second() throws {
    let server = try Server()
    let client = try RawClient(port: server.port)
    let started = Date()
    try? client.send("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    let response = client.receiveAll(seconds: 3)
    #expect(RawClient.status(of: response) == 414, "\(response.prefix(200))")
    #expect(Date().timeIntervalSince(started) < 1)
  }

  @Test func tooManyOrTooLargeHeadersAreRefused() throws {
    let server = try Server()
    let many = try RawClient(port: server.port)
    let lines = (0..<150).map { "X-Field-\($0): value\r\n" }.joined()
    try? many.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\(lines)\r\n")
    #expect(RawClient.status(of: many.receiveAll(seconds: 3)) == 431)
    let large = try RawClient(port: server.port)
    try? large.send(
      "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nX-Big: \(String(repeating: "b", count: 40_000))\r\n\r\n")
    #expect(RawClient.status(of: large.receiveAll(seconds: 3)) == 431)
  }

  @Test func abandonedMegabyteRequestLinesDoNotStopOtherRequests() throws {
    let server = try Server()
    let megabyte = Array("GET /".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
    for _ in 0..<2 {
      let client = try RawClient(port: server.port)
      try? client.send(megabyte)
      // The client goes away here (deinit closes the socket) without reading an answer.
    }
    let started = Date()
    let home = try server.get("/")
    #expect(home.status == 200, "\(home.text.prefix(200))")
    #expect(Date().timeIntervalSince(started) < 2)
  }

  @Test func aSlowClientIsCutOffAndDoesNotBlockOthers() throws {
    let server = try Server()
    let slow = try RawClient(port: server.port)
    let request = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nX-Slow: ".utf8)
    let started = Date()
    let finished = DispatchSemaphore(value: 0)
    let outcome = SlowOutcome()
    Thread {
      // One byte per half second, for longer than the head timeout (2 s), until the server stops listening.
      for byte in request + [UInt8](repeating: UInt8(ascii: "z"), count: 40) {
        if (try? slow.send([byte])) == nil { break }
        var poll = pollfd(fd: slow.descriptor, events: Int16(POLLIN), revents: 0)
        if Glibc.poll(&poll, 1, 500) > 0 { break }
      }
      outcome.response = slow.receiveAll(seconds: 2)
      outcome.seconds = Date().timeIntervalSince(started)
      finished.signal()
    }.start()
    usleep(500_000)
    let others = Date()
    #expect(try server.get("/").status == 200)
    #expect(Date().timeIntervalSince(others) < 1, "a normal request waits for no slow client")
    finished.wait()
    #expect(RawClient.status(of: outcome.response) == 408, "\(outcome.response)")
    #expect(outcome.seconds < 5, "the slow client was cut off after the head timeout")
  }

  final class SlowOutcome: @unchecked Sendable {
    var response = ""
    var seconds = 0.0
  }

  @Test func aForeignHostIsRefused() throws {
    let server = try Server()
    #expect(try server.get("/", host: "evil.example").status == 400)
    #expect(try server.get("/", host: "evil.example:\(server.port)").status == 400)
    #expect(try server.get("/", host: "localhost:\(server.port)").status == 200)
    #expect(try server.get("/", host: "[::1]:\(server.port)").status == 200)
  }

  @Test func nothingOutsideTheSiteFolderIsServed() throws {
    let server = try Server()
    let link = try server.get("/passwd.html")
    #expect(link.status == 404 && !link.text.contains("root:"), "\(link.text.prefix(300))")
    let folderLink = try server.get("/etc/passwd")
    #expect(folderLink.status == 404 && !folderLink.text.contains("root:"))
    for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2f%2E%2E%2fetc%2fpasswd", "/.hidden"] {
      let response = try server.get(path)
      #expect(response.status == 404 && !response.text.contains("root:"), "\(path)")
    }
    for path in ["/index.html%00", "/index.html%0a", "/%zz", "/..\\..\\etc\\passwd", "http://evil.example/"] {
      #expect(try server.get(path).status == 400, "\(path)")
    }
  }
}
