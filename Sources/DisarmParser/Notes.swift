import DisarmDiagnostics

/// The free-form part of a page: from the marker line to the end of the file, kept byte for byte.
public struct Notes: Hashable, Sendable {
  /// The line that separates generated content from notes.
  public static let marker = "DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW"

  /// Byte offset of the start of the marker line.
  public var markerOffset: Int
  /// The marker line's position.
  public var markerPosition: SourcePosition
  /// The exact bytes from the start of the marker line to the end of the file (marker line included).
  public var tail: [UInt8]

  /// What follows the marker line (after its line terminator), as text: the user's notes.
  public var text: String {
    var index = Notes.marker.utf8.count
    while index < tail.count, tail[index] == UInt8(ascii: " ") || tail[index] == UInt8(ascii: "\t") { index += 1 }
    if index < tail.count, tail[index] == UInt8(ascii: "\r") { index += 1 }
    if index < tail.count, tail[index] == UInt8(ascii: "\n") { index += 1 }
    return String(decoding: tail[min(index, tail.count)...], as: UTF8.self)
  }
}
