import DisarmDiagnostics

/// The protocol's `Range`: from `start` up to `end`, in ``Position``s. Named so as not to hide Swift's `Range`, which
/// the server uses for byte offsets.
struct TextRange: Equatable, JSONRepresentable {
  var start: Position
  var end: Position

  init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }

  /// The range of byte `offsets` in `file`.
  init(_ offsets: Range<Int>, in file: SourceFile) {
    self.init(
      start: Position(offset: offsets.lowerBound, in: file), end: Position(offset: offsets.upperBound, in: file))
  }

  /// The range `json` holds; nil unless both ends are positions.
  init?(json: JSONValue?) {
    guard let start = Position(json: json?["start"]), let end = Position(json: json?["end"]) else { return nil }
    self.init(start: start, end: end)
  }

  var json: JSONValue { .object(["start": start.json, "end": end.json]) }
}
