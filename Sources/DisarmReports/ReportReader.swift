import DisarmDiagnostics
import DisarmWorkbook
import Foundation

/// Reads a report for `disarm tag`, by its extension (or, without a known one, by its first bytes), within bounds:
/// a report is untrusted input.
public enum ReportReader {
  /// The largest report file read (64 MiB), and the most text a PDF may give.
  public static let byteLimit = 64 << 20
  /// How long `pdftotext` may run on one file.
  public static let pdfSeconds: Double = 60

  /// A report that cannot be read, with the reason.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
  }

  /// The format of `path` by its extension, else by its content.
  public static func format(of path: String, bytes: [UInt8]) -> ReportDocument.Format {
    switch (path as NSString).pathExtension.lowercased() {
    case "md", "markdown": return .markdown
    case "txt", "text": return .text
    case "html", "htm", "xhtml": return .html
    case "docx": return .docx
    case "pdf": return .pdf
    default:
      if bytes.starts(with: Array("PK\u{03}\u{04}".utf8)) { return .docx }
      if bytes.starts(with: Array("%PDF".utf8)) { return .pdf }
      let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
      if head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") { return .html }
      return .markdown
    }
  }

  /// The report at `path`, with its modification time.
  public static func read(_ path: String) throws(Failure) -> ReportDocument {
    var report = try readText(path)
    if let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date {
      let formatter = ISO8601DateFormatter()
      formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
      formatter.timeZone = TimeZone(identifier: "UTC")
      report.modified = formatter.string(from: date)
    }
    return report
  }

  static func readText(_ path: String) throws(Failure) -> ReportDocument {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw Failure(path: path, reason: "no such file, or not a file")
    }
    guard Int(info.st_size) <= byteLimit else {
      throw Failure(path: path, reason: "the report is larger than \(byteLimit >> 20) MiB (refused)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Failure(path: path, reason: "cannot be read")
    }
    let bytes = [UInt8](data)
    switch format(of: path, bytes: bytes) {
    case .markdown:
      return ReportDocument(path: path, format: .markdown, text: SourceFile(path: path, bytes: bytes), origin: .itself)
    case .text:
      return ReportDocument(path: path, format: .text, text: SourceFile(path: path, bytes: bytes), origin: .itself)
    case .html:
      let file = SourceFile(path: path, bytes: bytes)
      let (text, runs) = HTMLText.extract(file)
      return ReportDocument(
        path: path, format: .html, text: SourceFile(path: path, bytes: text), origin: .runs(runs, file))
    case .docx:
      let paragraphs: [String]
      do {
        paragraphs = try WordDocument.paragraphs(path: path)
      } catch {
        throw Failure(path: path, reason: error.message)
      }
      // One paragraph per line: a line break inside a paragraph becomes a space, so that lines count paragraphs.
      let text = paragraphs.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n")
      return ReportDocument(path: path, format: .docx, text: SourceFile(path: path, text: text), origin: .paragraphs)
    case .pdf:
      let text = try pdfText(path)
      return ReportDocument(path: path, format: .pdf, text: SourceFile(path: path, bytes: text), origin: .pages)
    }
  }

  /// The text of a PDF through Poppler's `pdftotext`, if it is installed: run on exactly the path given (never
  /// through a shell), with a time limit, its output bounded.
  static func pdfText(_ path: String) throws(Failure) -> [UInt8] {
    let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
    guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      throw Failure(
        path: path,
        reason: "reading a PDF needs Poppler's pdftotext, which is not installed (apt-get install poppler-utils)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    // `--` ends the options: a file named like an option is still a file.
    process.arguments = ["-enc", "UTF-8", "-q", "--", path, "-"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw Failure(path: path, reason: "pdftotext could not run: \(error.localizedDescription)")
    }
    let deadline = DispatchTime.now() + pdfSeconds
    let timer = DispatchSource.makeTimerSource()
    timer.schedule(deadline: deadline)
    timer.setEventHandler { if process.isRunning { process.terminate() } }
    timer.resume()
    defer { timer.cancel() }
    var text: [UInt8] = []
    let handle = output.fileHandleForReading
    while true {
      let chunk = handle.availableData
      if chunk.isEmpty { break }
      text += chunk
      if text.count > byteLimit {
        process.terminate()
        throw Failure(path: path, reason: "the PDF's text is larger than \(byteLimit >> 20) MiB (refused)")
      }
    }
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw Failure(
        path: path,
        reason: process.terminationReason == .uncaughtSignal
          ? "pdftotext took longer than \(Int(pdfSeconds)) s (stopped)" : "pdftotext could not read it (not a PDF?)")
    }
    return text
  }
}
