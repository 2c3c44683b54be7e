/// A page's bytes with some ranges replaced: how the renderers that keep a page as written (``KeptLayoutPage``,
/// ``FieldedPage``) put their derived rows and names into it, in one pass over the bytes.
enum PageEdits {
  /// `bytes` with each edit's range replaced by its text, in page order; an edit that starts inside one already
  /// applied is left out.
  static func applied(_ edits: [(range: Range<Int>, text: String)], to bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 256)
    var position = 0
    for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) where edit.range.lowerBound >= position
    {
      output += bytes[position..<edit.range.lowerBound]
      output += Array(edit.text.utf8)
      position = edit.range.upperBound
    }
    output += bytes[position...]
    return output
  }
}
