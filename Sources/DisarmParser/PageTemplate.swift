/// Which generation of DISARM's page generator wrote a page.
///
/// Only technique pages differ between generations; the other kinds kept one layout since 2022 (`shared`).
public enum PageTemplate: String, Hashable, Sendable, Codable {
  /// 2022–2024 technique pages: `* **Summary**:` and `* **Belongs to tactic stage**:` bullets.
  case bulleted2022 = "2022"
  /// 2025 technique pages: `**Summary**:`, `**Tactic**: … <br><br>**Parent Technique:** …`, Associated Technique table.
  case plain2025 = "2025"
  /// A page of a kind whose layout both generations share.
  case shared
  /// A page that follows neither template (no heading, or no recognisable fields).
  case unrecognised
}
