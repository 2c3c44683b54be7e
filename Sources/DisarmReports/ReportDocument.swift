import DisarmDiagnostics

/// A report to tag, as text: the file itself for Markdown and plain text, the text extracted from HTML, Word and
/// PDF, with the way back from a place in that text to a place in the file a person can find (line and column of
/// the file, a Word paragraph, a PDF page).
public struct ReportDocument: Sendable {
  /// The kinds of report `disarm tag` reads.
  public enum Format: String, Sendable, CaseIterable {
    case markdown, text, html, docx, pdf
  }

  /// Where a mention is, in the terms of the report's own format.
  public enum Place: Sendable, Equatable, CustomStringConvertible {
    /// A line and column of the file (Markdown, text, HTML).
    case lineColumn(line: Int, column: Int)
    /// A paragraph of a Word document (1-based, as Word counts them) and a column in it.
    case paragraph(Int, column: Int)
    /// A page of a PDF (1-based) and a line of that page's text.
    case page(Int, line: Int)

    /// `12:40`, `paragraph 7, column 3`, `page 2, line 14`.
    public var description: String {
      switch self {
      case .lineColumn(let line, let column): "\(line):\(column)"
      case .paragraph(let paragraph, let column): "paragraph \(paragraph), column \(column)"
      case .page(let page, let line): "page \(page), line \(line)"
      }
    }
  }

  /// The file as given.
  public var path: String
  public var format: Format
  /// The text searched for mentions.
  public var text: SourceFile
  /// How offsets of `text` map back to the file.
  var origin: Origin
  /// The file's modification time (`2026-12-06T10:00:00.000Z`), the STIX report's publication time.
  public var modified = "1970-01-01T00:00:00.000Z"

  init(path: String, format: Format, text: SourceFile, origin: Origin) {
    self.path = path
    self.format = format
    self.text = text
    self.origin = origin
  }

  /// A Markdown or plain-text report held in memory, such as an editor's unsaved text (`disarm lsp`): its text is
  /// the file itself, so a mention's place is its line and column.
  public init(inMemory path: String, bytes: [UInt8], format: Format = .markdown) {
    self.init(path: path, format: format, text: SourceFile(path: path, bytes: bytes), origin: .itself)
  }

  /// The way back from `text` to the file.
  enum Origin: Sendable {
    /// `text` is the file.
    case itself
    /// Runs of `text` copied from the file: each run's start in `text` and in the file (sorted), and the file.
    case runs([(text: Int, file: Int)], SourceFile)
    /// One Word paragraph per line of `text`.
    case paragraphs
    /// PDF pages separated by form feeds in `text`.
    case pages
  }

  /// Where the byte at `offset` of `text` is, in the file's terms.
  public func place(at offset: Int) -> Place {
    let position = text.position(at: offset)
    switch origin {
    case .itself:
      return .lineColumn(line: position.line, column: position.column)
    case .runs(let runs, let file):
      // The last run starting at or before the offset.
      var low = 0
      var high = runs.count - 1
      while low < high {
        let middle = (low + high + 1) / 2
        if runs[middle].text <= offset { low = middle } else { high = middle - 1 }
      }
      guard !runs.isEmpty else { return .lineColumn(line: 1, column: 1) }
      let source = file.position(at: min(file.bytes.count, runs[low].file + max(0, offset - runs[low].text)))
      return .lineColumn(line: source.line, column: source.column)
    case .paragraphs:
      return .paragraph(position.line, column: position.column)
    case .pages:
      let bytes = text.bytes
      var page = 1
      var lineOnPage = 1
      var index = 0
      while index < offset && index < bytes.count {
        if bytes[index] == 0x0C {
          page += 1
          lineOnPage = 1
        } else if bytes[index] == UInt8(ascii: "\n") {
          lineOnPage += 1
        }
        index += 1
      }
      return .page(page, line: lineOnPage)
    }
  }
}
