import DisarmDiagnostics
import DisarmFramework
import DisarmParser

/// Reads index pages (`techniques_index.md`): which objects a release lists, and the objects that have no page of
/// their own (response types, detections).
public enum IndexReader {
  /// The identifiers in the first column of an index, with where each row starts.
  static func listedIDs(in page: WholePage, syntax: IdentifierSyntax) -> [DisarmID: SourcePosition] {
    var listed: [DisarmID: SourcePosition] = [:]
    for row in page.table.rows where !row.isHeader {
      // The link's file name, exactly: `techniques/T0039 .md` lists the page `T0039 .md`, not `T0039.md`.
      guard let first = row.cells.first else { continue }
      let written = first.href.map(fileStem) ?? first.text
      if let id = DisarmID(written, in: syntax), listed[id] == nil {
        listed[id] = first.source.range.start
      }
    }
    return listed
  }

  /// `techniques/T0001.md` gives `T0001`.
  public static func fileStem(_ href: String) -> String {
    // An ASCII link (every DISARM index's) is cut on its bytes, one character each: the index rows are read this
    // way by the linker and by every whole page, and splitting into characters cost more than the rest of a row.
    // (Read through a buffer: a string's UTF-8 view goes through the generic sequence methods byte by byte.)
    var contiguous = href
    let stem = contiguous.withUTF8 { bytes -> String? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      var start = bytes.count
      while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
      var end = bytes.count
      if end - start >= 3, bytes[end - 3] == UInt8(ascii: "."), bytes[end - 2] == UInt8(ascii: "m"),
        bytes[end - 1] == UInt8(ascii: "d")
      {
        end -= 3
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    if let stem { return stem }
    let name = href.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? href
    return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
  }

  /// Objects defined by an index page's rows, with the row's other columns as attributes.
  static func objects(
    of kind: ObjectKind, in page: WholePage, syntax: IdentifierSyntax, problems: inout [ReadingProblem]
  ) -> [DisarmObject] {
    let header = page.table.rows.first(where: \.isHeader)?.cells.map(\.text) ?? []
    var objects: [DisarmObject] = []
    for row in page.table.rows where !row.isHeader {
      guard let first = row.cells.first else { continue }
      guard let id = DisarmID(first.text, in: syntax), id.kind == kind else {
        problems.append(
          ReadingProblem(.indexCellNotAnID(text: first.text, kind: kind), file: page.path, range: first.source.range))
        continue
      }
      objects.append(object(id, from: row, header: header, path: page.path))
    }
    return objects
  }

  /// The objects a kind's index lists under `ids` though they have no page (DISARM's generator listed 160
  /// sub-techniques the day before it wrote their pages): the index owns which objects a knowledge base has, so each
  /// is a real object known by its row (name, summary, and the relations its columns give, `tactic_id`). Rows are
  /// read by their link's file name, as ``listedIDs(in:syntax:)`` reads them; the first row wins for repeats.
  static func listedObjects(
    _ ids: Set<DisarmID>, of kind: ObjectKind, in page: WholePage, syntax: IdentifierSyntax
  ) -> [DisarmObject] {
    let header = page.table.rows.first(where: \.isHeader)?.cells.map(\.text) ?? []
    var objects: [DisarmObject] = []
    var remaining = ids
    for row in page.table.rows where !row.isHeader && !remaining.isEmpty {
      guard let first = row.cells.first else { continue }
      let written = first.href.map(fileStem) ?? first.text
      guard let id = DisarmID(written, in: syntax), id.kind == kind, remaining.remove(id) != nil else { continue }
      objects.append(object(id, from: row, header: header, path: page.path))
    }
    return objects
  }

  /// The object an index row defines: its name and summary cells, and its other columns as attributes.
  private static func object(_ id: DisarmID, from row: HTMLTableRow, header: [String], path: String) -> DisarmObject {
    var attributes: [(key: String, value: String)] = []
    for (index, cell) in row.cells.enumerated() where index >= 3 {
      attributes.append((index < header.count ? header[index] : "column\(index + 1)", cell.text))
    }
    return DisarmObject(
      id: id, name: row.cells.count > 1 ? row.cells[1].text : "",
      rowName: row.cells.count > 1 ? row.cells[1].source : nil,
      summary: row.cells.count > 2 ? row.cells[2].source : nil,
      fields: [], attributes: attributes, file: path, line: row.start.line, page: nil)
  }
}
