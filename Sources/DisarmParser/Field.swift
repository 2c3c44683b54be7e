import DisarmDiagnostics

/// A bold-label field such as `* **Summary**: …`, `**Tactic**: TA07 …` or `**Parent Technique:** T0151 …`.
public struct Field: Hashable, Sendable {
  /// How the label was written; the page regenerator writes it back the same way.
  public enum Style: String, Hashable, Sendable, Codable {
    /// `* **Label**: value` (colon outside the bold, in a bullet).
    case bulletColonOutside
    /// `* **Label:** value` (colon inside the bold, in a bullet).
    case bulletColonInside
    /// `**Label**: value` (no bullet, 2025 template).
    case plainColonOutside
    /// `**Label:** value` (no bullet).
    case plainColonInside
    /// `* Label: value` (a bullet, no bold: AMITT 2019's `* Id: T0007`).
    case bulletUnmarked
  }

  /// The label without asterisks and colon (`Summary`, `Belongs to tactic stage`).
  public var label: String
  /// The label as a lookup key: lower-cased, single spaces (`belongs to tactic stage`).
  public var key: String
  /// How the label was punctuated, kept so that regenerated pages write it back unchanged.
  public var style: Style
  /// The text that joins this field to the previous one in the same paragraph (`<br><br>` in the 2025
  /// `**Tactic**: … <br><br>**Parent Technique:** …` line), or nil for a field that starts its own paragraph.
  public var separator: SourceText?
  /// Where the field starts (the bullet or the first `*` of the label).
  public var start: SourcePosition
  /// The value exactly as written: everything after the label and one following space, up to the end of the
  /// paragraph or the next field in the same paragraph. Trailing spaces and inner line breaks are kept.
  public var value: SourceText
}
