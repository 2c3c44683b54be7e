import Foundation

/// A page folder in a temporary directory, written from a dictionary of relative path to content.
struct TemporaryKnowledgeBase {
  let url: URL

  init(_ pages: [String: String]) throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("disarm-test-\(UUID().uuidString)")
    for (path, content) in pages {
      let file = url.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(content.utf8).write(to: file)
    }
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Pages in the 2025 template, for building small knowledge bases in tests.
enum SamplePages {
  static let marker = "DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW"

  static func tactic(_ id: String, _ name: String, phase: String = "P01") -> String {
    "# Tactic \(id): \(name)\n\n* **Summary:** About \(name).\n\n* **Belongs to phase:** \(phase)\n\n\(marker)"
  }

  static func phase(_ id: String, _ name: String) -> String {
    "# Phase \(id): \(name)\n\n* **Summary:** About \(name).\n\n\(marker)"
  }

  static func technique(_ id: String, _ name: String, tactic: String = "TA01 First Tactic", parent: String? = nil) -> String {
    let parentPart = parent.map { " <br><br>**Parent Technique:** \($0)" } ?? ""
    return "# Technique \(id): \(name)\n\n**Summary**: About \(name).\n\n**Tactic**: \(tactic)\(parentPart)\n\n\n\(marker)"
  }

  static func incident(_ id: String, _ name: String, rows: [(String, String, String)]) -> String {
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
