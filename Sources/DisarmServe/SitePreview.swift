import Foundation

/// `disarm site --serve`: the site served on 127.0.0.1 while its pages are edited, rebuilt when a page changes (the
/// habit of `mkdocs serve` and `hugo server`). `PreviewServer` answers HTTP; this decides what a request gets: only
/// requests naming the preview's own address in `Host` (a page elsewhere that makes the browser ask
/// `localhost` under another name, DNS rebinding, is refused), and only files whose real path is inside the site
/// folder (no `..`, no symbolic link leading out). The knowledge base is watched by polling file times once a second,
/// which works the same on every file system.
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

  /// The `Host` values the preview answers: its address with its port, by the names a browser on this machine uses.
  static func allowedHosts(port: UInt16) -> Set<String> {
    ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
  }

  /// The answer to `head`: 405 for another method than GET or HEAD, 400 for a missing, repeated or foreign `Host`
  /// or a malformed path, 404 for a path that names no file inside the site, else the file.
  static func respond(to head: RequestHead, site: URL, port: UInt16) -> PreviewResponse {
    guard head.method == "GET" || head.method == "HEAD" else { return .refusal(405, "only GET and HEAD") }
    let hosts = head.values(of: "host")
    guard hosts.count == 1, allowedHosts(port: port).contains(hosts[0].lowercased()) else {
      return .refusal(400, "unknown Host: the preview answers only http://127.0.0.1:\(port)/")
    }
    switch file(for: head.target, in: site) {
    case .refused(let refusal): return refusal
    case .file(let url):
      guard let data = FileManager.default.contents(atPath: url.path) else { return .refusal(404, "not found") }
      return PreviewResponse(status: 200, contentType: contentType(of: url.path), body: data)
    }
  }

  /// The site file a request target names (`/` and folders give their `index.html`): 400 for a target that is not
  /// an absolute path, a malformed percent escape, a control character (NUL included), a backslash or text that is
  /// not UTF-8; 404 for a `.` or `..` segment, a hidden name, or a file whose real path (symbolic links resolved) is
  /// not inside the site folder's real path, or is not a regular file.
  static func file(for target: String, in site: URL) -> Resolution {
    guard target.hasPrefix("/") else { return .refused(.refusal(400, "not a path")) }
    let path = target.prefix { $0 != "?" && $0 != "#" }
    guard let bytes = percentDecoded(path.utf8), let decoded = String(validating: bytes, as: UTF8.self),
      !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" })
    else { return .refused(.refusal(400, "malformed path")) }
    let parts = decoded.split(separator: "/").map(String.init)
    guard !parts.contains(where: { $0.hasPrefix(".") }) else { return .refused(.refusal(404, "not found")) }
    guard let root = realPath(site.path) else { return .refused(.refusal(404, "no site yet")) }
    var candidate = parts.reduce(URL(fileURLWithPath: root)) { $0.appendingPathComponent($1) }.path
    var status = stat()
    if stat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { candidate += "/index.html" }
    guard let real = realPath(candidate), real.hasPrefix(root + "/"), stat(real, &status) == 0,
      status.st_mode & S_IFMT == S_IFREG
    else { return .refused(.refusal(404, "not found")) }
    return .file(URL(fileURLWithPath: real))
  }

  /// What a request target names: a file of the site, or a refusal.
  enum Resolution {
    case file(URL)
    case refused(PreviewResponse)
  }

  /// `bytes` with every `%XX` decoded; nil when a `%` is not followed by two hexadecimal digits.
  static func percentDecoded(_ bytes: some Collection<UInt8>) -> [UInt8]? {
    var out: [UInt8] = []
    var iterator = bytes.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        out.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      out.append(high << 4 | low)
    }
    return out
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  /// The real path of `path` (every symbolic link resolved), or nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
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
    site: URL, port: UInt16, limits: RequestLimits, watching: URL, rebuild: @escaping @Sendable () -> Void,
    report: @escaping @Sendable (String) -> Void
  ) throws {
    let server: PreviewServer
    do {
      server = try PreviewServer(port: port, limits: limits) { head in respond(to: head, site: site, port: port) }
    } catch {
      throw PreviewError(description: "cannot listen on 127.0.0.1:\(port): \(error)")
    }
    server.start()
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
}
