import DisarmModel
import DisarmParser

/// A kind's index page with one more row, for a new object: the index owns which objects a release has (and in
/// what order), so `disarm new` lists the new identifier there before the index is regenerated (which fills the
/// row's other cells). The row goes after the row of the highest listed identifier below the new one, keeping
/// identifier order where the index has it, else before the first row.
public enum IndexRowInsertion {
  public static func listing(_ id: DisarmID, folder: String, in index: WholePage, kb: KnowledgeBase) -> [UInt8] {
    let bytes = index.file.bytes
    let row = Array("<tr>\n<td><a href=\"\(folder)/\(id).md\">\(id)</a></td>\n</tr>\n".utf8)
    var insertAt: Int?
    var best: DisarmID?
    var firstRow: Int?
    for tableRow in index.table.rows where !tableRow.isHeader {
      guard let cell = tableRow.cells.first else { continue }
      if firstRow == nil { firstRow = lineStart(before: tableRow.start.offset, in: bytes) }
      let written = cell.href.map(IndexReader.fileStem) ?? cell.text
      guard let listed = kb.id(written), listed.kind == id.kind, listed < id else { continue }
      if best == nil || best! < listed {
        best = listed
        insertAt = rowEnd(after: cell.source.offsets.upperBound, in: bytes)
      }
    }
    let position = insertAt ?? firstRow ?? tableEnd(in: bytes)
    return Array(bytes[..<position]) + row + Array(bytes[position...])
  }

  /// The start of the line holding `offset`.
  static func lineStart(before offset: Int, in bytes: [UInt8]) -> Int {
    var index = offset
    while index > 0, bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
    return index
  }

  /// Just after the `</tr>` line that closes the row holding `offset`.
  static func rowEnd(after offset: Int, in bytes: [UInt8]) -> Int {
    let close = Array("</tr>".utf8)
    var index = offset
    while index + close.count <= bytes.count {
      if bytes[index] == close[0], Array(bytes[index..<index + close.count]) == close {
        var end = index + close.count
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return min(end + 1, bytes.count)
      }
      index += 1
    }
    return bytes.count
  }

  /// The start of the `</table>` line, or the end of the page.
  static func tableEnd(in bytes: [UInt8]) -> Int {
    let close = Array("</table>".utf8)
    var index = 0
    while index + close.count <= bytes.count {
      if Array(bytes[index..<index + close.count]) == close { return lineStart(before: index, in: bytes) }
      index += 1
    }
    return bytes.count
  }
}
