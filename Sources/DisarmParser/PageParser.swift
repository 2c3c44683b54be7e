import DisarmDiagnostics
import DisarmFramework

/// Reads one object page into an ``ObjectPage``: libcmark finds the blocks, the source lines give the exact text.
public enum PageParser {
  /// Parses the page at `path` (relative to the page folder) of kind `kind` from its bytes; `framework` says how
  /// its identifiers look (inline references are read with its ``IdentifierSyntax``).
  public static func parse(
    path: String, kind: ObjectKind, bytes: [UInt8], framework: FrameworkDescription
  ) -> ObjectPage {
    let file = SourceFile(path: path, bytes: bytes)
    let notes = NotesLocator.notes(in: file)
    let dataEnd = notes?.markerOffset ?? bytes.count

    var heading: Heading?
    var fields: [Field] = []
    var tables: [MarkdownTable] = []
    var otherText: [SourceText] = []
    var scanRanges: [(range: Range<Int>, excluded: [Range<Int>])] = []

    // What later blocks may continue: a field whose value runs over several paragraphs (a summary with blank lines
    // or a list), or a table row whose description holds blank lines (its last line does not end with `|`).
    enum Continuable {
      case none
      case field(Int)
      case row(table: Int, row: Int)
    }
    var open = Continuable.none
    for block in CommonMarkReader.blocks(in: bytes[0..<dataEnd]) {
      guard block.startLine >= 1, block.endLine <= file.lineCount, block.startLine <= block.endLine else { continue }
      // libcmark skips a byte-order mark, so its columns on line 1 start after it.
      let bomShift = block.startLine == 1 && file.hasByteOrderMark ? 3 : 0
      let start = file.offset(line: block.startLine, column: max(1, block.startColumn)) + bomShift
      let end = max(start, min(file.lineContentRange(block.endLine).upperBound, dataEnd))
      let lineStart = file.lineStart(block.startLine)
      let isTable = block.kind == .paragraph && TableReader.startsTable(file, at: start)
      let found =
        block.kind == .paragraph && !isTable
        ? FieldReader.fields(
          in: file, paragraph: start..<end, inListItem: block.inListItem,
          unmarkedLabels: framework.identifierField != nil, plainLabels: framework.plainFields) : []
      let continuesOpen: Bool
      if case .heading(level: 1) = block.kind {
        continuesOpen = false
      } else {
        continuesOpen = !isTable && found.isEmpty
      }
      if continuesOpen {
        let links = LinkScanner.links(in: file, range: lineStart..<end).map(\.whole.offsets)
        switch open {
        case .field(let index):
          let valueStart = fields[index].value.offsets.lowerBound
          fields[index].value = file.text(valueStart..<end)
          scanRanges.append((lineStart..<end, links))
          continue
        case .row(let tableIndex, let rowIndex):
          let rowStart = tables[tableIndex].rows[rowIndex].source.offsets.lowerBound
          let row = TableReader.row(in: file, range: rowStart..<end)
          tables[tableIndex].rows[rowIndex] = row
          scanRanges.append((lineStart..<end, links))
          if row.isClosed { open = .none }
          continue
        case .none: break
        }
      }
      switch block.kind {
      case .heading(level: 1) where heading == nil:
        heading =
          framework.identifierField == nil
          ? HeadingReader.heading(in: file, line: block.startLine)
          : HeadingReader.nameOnly(in: file, line: block.startLine)
        open = .none
      case .paragraph where isTable:
        let table = TableReader.table(in: file, firstLine: block.startLine, lastLine: block.endLine)
        tables.append(table)
        for row in table.rows {
          scanRanges.append((row.source.offsets, row.links.map(\.whole.offsets)))
        }
        if let last = table.rows.last, !last.isClosed {
          open = .row(table: tables.count - 1, row: table.rows.count - 1)
        } else {
          open = .none
        }
      case .paragraph where !found.isEmpty:
        // Blank lines beyond the one that separates two fields belong to the earlier field's value: the generator
        // wrote a cell that ended with a line break (`…fallout.\n`) verbatim, followed by the blank line of its
        // template (2024-03's I00066). Kept in the value, they are written back.
        if case .field(let index) = open {
          fields[index].value = Self.valueWithTrailingLineBreaks(fields[index].value, before: lineStart, in: file)
        }
        fields += found
        for field in found {
          let range = field.value.offsets
          scanRanges.append((range, LinkScanner.links(in: file, range: range).map(\.whole.offsets)))
        }
        open = .field(fields.count - 1)
      case .paragraph:
        otherText.append(file.text(start..<end))
        scanRanges.append((start..<end, LinkScanner.links(in: file, range: start..<end).map(\.whole.offsets)))
      default:
        otherText.append(file.text(lineStart..<max(lineStart, end)))
        open = .none
      }
    }

    var references: [InlineReference] = []
    for scan in scanRanges {
      InlineReferenceScanner.append(
        to: &references, in: file, range: scan.range, excluding: scan.excluded, syntax: framework.identifiers)
    }
    return ObjectPage(
      file: file, kind: kind, fileStem: fileStem(of: path),
      template: template(kind: kind, heading: heading, fields: fields), heading: heading, fields: fields,
      tables: tables, otherText: otherText, references: references, notes: notes)
  }

  /// The file name of `path` without `.md` (`techniques/T0151.008.md` gives `T0151.008`): its last non-empty
  /// component, less a final `.md`; the path itself when it has no component. An ASCII path (every path of a
  /// knowledge base but damaged ones) is cut on its bytes, without splitting it into characters.
  static func fileStem(of path: String) -> String {
    var contiguous = path
    return contiguous.withUTF8 { bytes in
      guard !bytes.contains(where: { $0 >= 0x80 }) else {
        return path.split(separator: "/").last.map { String($0.hasSuffix(".md") ? $0.dropLast(3) : $0) } ?? path
      }
      var end = bytes.count
      while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
      guard end > 0 else { return String(decoding: bytes, as: UTF8.self) }
      var start = end
      while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
      if end - start >= 3, bytes[end - 3] == UInt8(ascii: "."), bytes[end - 2] == UInt8(ascii: "m"),
        bytes[end - 1] == UInt8(ascii: "d")
      {
        end -= 3
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
  }

  /// `value` extended over the line breaks after it but the two that end its line and make the blank line before
  /// the next field at `nextLine` (byte offset of that line's start), when nothing else lies between.
  static func valueWithTrailingLineBreaks(_ value: SourceText, before nextLine: Int, in file: SourceFile) -> SourceText
  {
    let end = value.offsets.upperBound
    let keptUntil = nextLine - 2
    guard keptUntil > end, file.bytes[end..<nextLine].allSatisfy({ $0 == UInt8(ascii: "\n") }) else { return value }
    return file.text(value.offsets.lowerBound..<keptUntil)
  }

  /// Technique pages tell the generations apart by their field style; other kinds share one layout.
  static func template(kind: ObjectKind, heading: Heading?, fields: [Field]) -> PageTemplate {
    guard heading != nil, let first = fields.first else { return .unrecognised }
    guard kind == .technique else { return .shared }
    switch first.style {
    case .bulletColonInside, .bulletColonOutside: return .bulleted2022
    case .plainColonInside, .plainColonOutside: return .plain2025
    case .bulletUnmarked: return .unrecognised
    }
  }
}
