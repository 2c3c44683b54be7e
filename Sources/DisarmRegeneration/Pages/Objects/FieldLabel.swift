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
