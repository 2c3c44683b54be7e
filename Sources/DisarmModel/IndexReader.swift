import DisarmParser

/// Reads index pages (`techniques_index.md`): which objects a release lists, and the objects that have no page of
/// their own (response types, detections).
enum IndexReader {
  /// The identifiers in the first column of an index, with where each row starts.
  static func listedIDs(in page: WholePage) -> [DisarmID: SourcePosition] {
    var listed: [DisarmID: SourcePosition] = [:]
    for row in page.table.rows where !row.isHeader {
      if let first = row.cells.first, let id = DisarmID(first.text), listed[id] == nil {
        listed[id] = first.source.range.start
      }
    }
    return listed
  }

  /// Objects defined by an index page's rows, with the row's other columns as attributes.
  static func objects(of kind: ObjectKind, in page: WholePage, diagnostics: inout [Diagnostic]) -> [DisarmObject] {
    let header = page.table.rows.first(where: \.isHeader)?.cells.map(\.text) ?? []
    var objects: [DisarmObject] = []
    for row in page.table.rows where !row.isHeader {
      guard let first = row.cells.first else { continue }
      guard let id = DisarmID(first.text), id.kind == kind else {
        diagnostics.append(
          Rules.unreadableField.diagnostic(
            file: page.path, at: first.source.range.start, "'\(first.text)' is not a \(kind.headingWord.lowercased()) identifier"))
        continue
      }
      var attributes: [(key: String, value: String)] = []
      for (index, cell) in row.cells.enumerated() where index >= 3 {
        attributes.append((index < header.count ? header[index] : "column\(index + 1)", cell.text))
      }
      objects.append(
        DisarmObject(
          id: id, name: row.cells.count > 1 ? row.cells[1].text : "", summary: row.cells.count > 2 ? row.cells[2].source : nil,
          fields: [], attributes: attributes, file: page.path, line: row.start.line, page: nil))
    }
    return objects
  }
}
