/// `disarm migrate --report-format markdown`: the migration as a review document, a section per file with a table of
/// what needs review and one of what changed, for a pull request or a ticket.
public enum MigrationMarkdownReport {
  public static func render(_ result: MigrationResult) -> String {
    var text = "# Migration from \(cell(result.from)) to \(cell(result.to))\n\n"
    text += MigrationTextReport.summary(result) + "\n"
    for file in result.files {
      text += "\n## \(cell(file.path)) (\(file.format.rawValue))\n\n"
      let review = file.items.filter { $0.change == .review }
      let changes = file.items.filter { $0.change != .review }
      if review.isEmpty && changes.isEmpty {
        text += "Nothing to change: \(file.identifiers) identifiers, all already right.\n"
        continue
      }
      if !review.isEmpty {
        text += "### Needs review\n\n| Place | Identifier | Why |\n| --- | --- | --- |\n"
        for item in review { text += "| `\(cell(item.place))` | \(cell(item.old)) | \(cell(item.detail)) |\n" }
        text += "\n"
      }
      if !changes.isEmpty {
        text += "### Changed\n\n| Place | Change | Old | New | Detail |\n| --- | --- | --- | --- | --- |\n"
        for item in changes {
          text +=
            "| `\(cell(item.place))` | \(item.change.rawValue) | \(cell(item.old)) | \(cell(item.new ?? "")) | "
            + "\(cell(item.detail)) |\n"
        }
      }
    }
    return text
  }

  /// Text made safe for a table cell: pipes escaped, line breaks as spaces.
  static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }
}
