import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A field label as DISARM's page templates write it, with the key the parser files the field under.
struct FieldLabel {
  /// The lower-cased key the parser gives the field (`belongs to tactic stage`).
  var key: String
  /// Everything before the value, including the one space after the label (`* **Summary:** `).
  var prefix: String

  /// `* **Label:** ` (colon inside the bold), the form of most fields.
  static func colonInside(_ label: String) -> FieldLabel {
    FieldLabel(key: label.lowercased(), prefix: "* **\(label):** ")
  }

  /// `* **Label**: ` (colon outside the bold): technique and counter fields, and the incident's `incident type`.
  static func colonOutside(_ label: String) -> FieldLabel {
    FieldLabel(key: label.lowercased(), prefix: "* **\(label)**: ")
  }

  /// `**Label**: ` with no bullet: the 2025 technique fields.
  static func plain(_ label: String) -> FieldLabel {
    FieldLabel(key: label.lowercased(), prefix: "**\(label)**: ")
  }
}

extension FieldLabel {
  /// Everything before the value of the page's own field with this key, exactly as written (`**Belongs to tactic
  /// stage**: `), when the field starts its own line; nil when the page has no such field.
  func writtenPrefix(on page: ObjectPage) -> String? {
    guard let field = page.fields.first(where: { $0.key == key && $0.separator == nil }) else { return nil }
    let bytes = page.file.bytes
    var start = field.start.offset
    // Indentation before the bullet belongs to the prefix too.
    while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
    guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n") else { return nil }
    let end = field.value.offsets.lowerBound
    guard start < end, end <= bytes.count else { return nil }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}

extension ObjectPage {
  /// The exact value of the first field filed under `label`'s key, or the empty string when the page lacks it.
  func value(of label: FieldLabel) -> String {
    field(label.key)?.value.text ?? ""
  }

  /// The exact value of the first field with one of `keys`, or the empty string.
  func value(ofAny keys: [String]) -> String {
    fields.first { keys.contains($0.key) }?.value.text ?? ""
  }
}

/// Reading a field's value the way the page renderers and the spreadsheet export both need it.
public enum FieldValue {
  /// The identifier a field starts with, exactly as written (`TA07` of `TA07 Select Channels… <br><br>…`).
  public static func leadingCode(_ value: String) -> String {
    let trimmed = value.drop { $0 == " " || $0 == "\t" }
    return String(trimmed.prefix { $0 != " " && $0 != "\t" && $0 != "<" && $0 != "\n" && $0 != "\r" })
  }
}
