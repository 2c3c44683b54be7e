/// Minimal pages in the 2025 template (heading, summary, the fields that link, the notes marker), for building small
/// knowledge bases in tests without repeating the page layout in every target.
public enum SamplePages {
  public static let marker = "DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW"

  /// `summary` defaults to "About <name>."
  public static func tactic(_ id: String, _ name: String, phase: String = "P01", summary: String? = nil) -> String {
    "# Tactic \(id): \(name)\n\n* **Summary:** \(summary ?? "About \(name).")\n\n* **Belongs to phase:** \(phase)\n\n\(marker)"
  }

  public static func phase(_ id: String, _ name: String) -> String {
    "# Phase \(id): \(name)\n\n* **Summary:** About \(name).\n\n\(marker)"
  }

  /// `summary` defaults to "About <name>."
  public static func technique(
    _ id: String, _ name: String, tactic: String = "TA01 First Tactic", parent: String? = nil, summary: String? = nil
  ) -> String {
    let parentPart = parent.map { " <br><br>**Parent Technique:** \($0)" } ?? ""
    return
      "# Technique \(id): \(name)\n\n**Summary**: \(summary ?? "About \(name).")\n\n**Tactic**: \(tactic)\(parentPart)\n\n\n\(marker)"
  }

  /// An incident with technique rows `(id, name as written, description)`.
  public static func incident(_ id: String, _ name: String, rows: [(String, String, String)]) -> String {
    let body = rows.map { "| [\($0.0) \($0.1)](../../generated_pages/techniques/\($0.0).md) | \($0.2) |" }
    return """
      # Incident \(id): \(name)

      * **Summary:** About \(name).


      | Technique | Description given for this incident |
      | --------- | ------------------------- |
      \(body.joined(separator: "\n"))


      \(marker)
      """
  }
}
