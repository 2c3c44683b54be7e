import FlyingFox
import FlyingSocks
import Foundation

/// `disarm site --serve`: the site served on 127.0.0.1 while its pages are edited, rebuilt when a page changes (the
/// habit of `mkdocs serve` and `hugo server`). The HTTP server is FlyingFox's; this serves the site folder's files
/// (only those: a path leaving the folder is refused) and watches the knowledge base by polling file times once a
/// second, which works the same on every file system.
enum SitePreview {
  /// The content type of a site file.
  static func contentType(of path: String) -> String {
    switch (path as NSString).pathExtension {
    case "html": "text/html; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "js": "text/javascript; charset=utf-8"
    case "png": "image/png"
    default: "application/octet-stream"
    }
  }

  /// The site file a request path names (`/` and folders give their `index.html`), or nil when it would leave the
  /// site folder.
  static func file(for requestPath: String, in site: URL) -> URL? {
    let decoded = requestPath.removingPercentEncoding ?? requestPath
    let parts = decoded.split(separator: "/").map(String.init)
    guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return nil }
    var url = parts.reduce(site) { $0.appendingPathComponent($1) }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
      url = url.appendingPathComponent("index.html")
    }
    return url
  }

  /// The newest modification time among the knowledge base's files (pages, indexes, `retired.yml`).
  static func newestChange(in folder: URL) -> Date {
    var newest = Date.distantPast
    let keys: [URLResourceKey] = [.contentModificationDateKey]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys)
    while let url = enumerator?.nextObject() as? URL {
      if let date = try? url.resourceValues(forKeys: Set(keys)).contentModificationDate, date > newest {
        newest = date
      }
    }
    return newest
  }

  /// Serves `site` on 127.0.0.1:`port` until the process ends; calls `rebuild` whenever a file under `watching`
  /// changes (it writes the site again; the server reads whatever is published), and `report` with what happened.
  static func serve(
    site: URL, port: UInt16, watching: URL, rebuild: @escaping @Sendable () -> Void,
    report: @escaping @Sendable (String) -> Void
  ) throws {
    let address: sockaddr_in
    do {
      address = try .inet(ip4: "127.0.0.1", port: port)
    } catch {
      throw PreviewError(description: "cannot listen on 127.0.0.1:\(port): \(error)")
    }
    let server = HTTPServer(address: address)
    let started = DispatchSemaphore(value: 0)
    let failure = Failure()
    Task {
      await server.appendRoute("GET,HEAD *") { request in
        guard let url = file(for: request.path, in: site), let data = FileManager.default.contents(atPath: url.path)
        else { return HTTPResponse(statusCode: .notFound, body: Data("not found\n".utf8)) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: contentType(of: url.path)], body: data)
      }
      do {
        try await server.run()
      } catch {
        failure.message = "cannot serve on 127.0.0.1:\(port): \(error)"
        started.signal()
      }
    }
    Task {
      try? await server.waitUntilListening()
      started.signal()
    }
    started.wait()
    if let message = failure.message { throw PreviewError(description: message) }
    report("serving \(site.path) on http://127.0.0.1:\(port)/ (Ctrl-C stops)")
    var seen = newestChange(in: watching)
    while true {
      Thread.sleep(forTimeInterval: 1)
      let now = newestChange(in: watching)
      if now > seen {
        seen = now
        rebuild()
      }
    }
  }

  /// Why the preview could not start.
  struct PreviewError: Error, CustomStringConvertible {
    var description: String
  }

  /// The server task's error, read after the semaphore orders the two threads.
  final class Failure: @unchecked Sendable {
    var message: String?
  }
}
