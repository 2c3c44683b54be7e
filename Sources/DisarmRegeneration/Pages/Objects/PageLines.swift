import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// The generated part of an object page, built line by line: every line ends with `\n`, and the notes (from the
/// marker line on) follow the last line, as DISARM's generator writes them.
struct PageLines {
  private(set) var text = ""
  /// The page whose own way of writing a field (bullet or not, bold, spacing: everything before the value) is
  /// kept, or nil when the page is being moved to another template generation and takes that template's labels.
  let style: ObjectPage?

  /// Lines written in the style of `page` where the page has its own (see ``style``).
  init(stylingLike page: ObjectPage? = nil) {
    self.style = page
  }

  /// Appends one line.
  mutating func line(_ line: String) {
    text += line
    text += "\n"
  }

  /// Appends `count` empty lines.
  mutating func blank(_ count: Int = 1) {
    text += String(repeating: "\n", count: count)
  }

  /// Appends a field line, `* **Summary:** value`.
  /// The page's own prefix is kept when it has the field (a one-day template variant wrote
  /// `**Belongs to tactic stage**:` without the bullet).
  mutating func field(_ label: FieldLabel, _ value: String) {
    line((style.flatMap { label.writtenPrefix(on: $0) } ?? label.prefix) + value)
  }

  /// Appends a table: its fixed header and delimiter, then its rows.
  mutating func table(_ kind: TableKind, _ rows: [String]) {
    line(kind.header)
    line(kind.delimiter)
    for row in rows { line(row) }
  }

  /// The page bytes: the generated lines, then the notes tail byte for byte, or the bare marker when the page had
  /// no notes section.
  func bytes(notes: Notes?) -> [UInt8] {
    var bytes = Array(text.utf8)
    if let notes {
      bytes += notes.tail
    } else {
      bytes += Array(Notes.marker.utf8)
    }
    return bytes
  }
}
