import DisarmDiagnostics

/// A JSON incident file read under ``IncidentInputBounds``, with a way to turn the offset of one of its objects into
/// the `line:column` a message points at.
struct IncidentJSONDocument {
  let path: String
  let located: JSONParser.Located
  let source: SourceFile

  var root: JSONValue { located.value }

  /// Reads `bytes` (the file `path`); a malformed document is one error at the place reading stopped.
  static func read(_ bytes: [UInt8], path: String, indexing members: Set<String>) -> Result<
    Self, IncidentFindings.Failure
  > {
    let source = SourceFile(path: path, bytes: bytes)
    do {
      let located = try JSONParser.parse(bytes, limits: IncidentInputBounds.jsonLimits, indexing: members)
      return .success(IncidentJSONDocument(path: path, located: located, source: source))
    } catch {
      let position = source.position(at: min(error.offset, bytes.count))
      return .failure(
        IncidentFindings.failure(
          IncidentFindings.malformed, InputPlace(file: path, line: position.line, column: position.column),
          "not readable as JSON: \(error.reason)"))
    }
  }

  /// The place of the object whose member `member` is `value` (its first occurrence), else the file as a whole.
  func place(ofObjectWhere member: String, is value: String) -> InputPlace {
    guard let offset = located.offset(ofObjectWhere: member, is: value) else { return .whole(path) }
    let position = source.position(at: offset)
    return InputPlace(file: path, line: position.line, column: position.column)
  }

  /// An error about the document's shape, at `place`.
  func shapeError(_ message: String, at place: InputPlace? = nil) -> Diagnostic {
    IncidentFindings.finding(IncidentFindings.malformed, place ?? .whole(path), message)
  }
}
