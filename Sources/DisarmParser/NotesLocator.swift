import DisarmDiagnostics

/// Finds the notes marker line and keeps everything from it to the end of the file.
enum NotesLocator {
  static let markerBytes = Array(Notes.marker.utf8)

  /// The notes of `file`: from the first line whose content is the marker (trailing spaces allowed) to the end.
  static func notes(in file: SourceFile) -> Notes? {
    let bytes = file.bytes
    for line in 1...file.lineCount {
      let range = file.lineContentRange(line)
      guard range.count >= markerBytes.count, bytes[range.lowerBound] == markerBytes[0] else { continue }
      guard bytes[range.lowerBound..<(range.lowerBound + markerBytes.count)].elementsEqual(markerBytes) else {
        continue
      }
      let rest = bytes[(range.lowerBound + markerBytes.count)..<range.upperBound]
      guard rest.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) else {
        continue
      }
      return Notes(
        markerOffset: range.lowerBound, markerPosition: file.position(at: range.lowerBound),
        tail: Array(bytes[range.lowerBound...]))
    }
    return nil
  }
}
