import DisarmDiagnostics

/// Positions as LSP counts them (0-based line, 0-based character in UTF-16 code units, the protocol's default
/// encoding), converted to and from the byte offsets every other part of disarm uses.
struct Position: Equatable, JSONRepresentable {
  var line: Int
  var character: Int

  var json: JSONValue { .object(["line": .int(line), "character": .int(character)]) }

  init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  /// The position `json` holds; nil unless it has a whole, non-negative `line` and `character`.
  init?(json: JSONValue?) {
    guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue, line >= 0, character >= 0
    else { return nil }
    self.init(line: line, character: character)
  }

  /// The LSP position of byte `offset` in `file`.
  init(offset: Int, in file: SourceFile) {
    let position = file.position(at: min(max(offset, 0), file.bytes.count))
    let lineStart = file.lineStart(position.line)
    let prefix = file.bytes[lineStart..<min(max(position.offset, lineStart), file.bytes.count)]
    self.init(line: position.line - 1, character: String(decoding: prefix, as: UTF8.self).utf16.count)
  }

  /// The byte offset of this position in `file`: past the end of a line is its end, past the last line the end.
  func offset(in file: SourceFile) -> Int {
    guard line < file.lineCount else { return file.bytes.count }
    let range = file.lineContentRange(line + 1)
    let text = String(decoding: file.bytes[range], as: UTF8.self)
    var units = 0
    var offset = range.lowerBound
    for scalar in text.unicodeScalars {
      if units >= character { break }
      units += scalar.utf16.count
      offset += scalar.utf8.count
    }
    return offset
  }
}
