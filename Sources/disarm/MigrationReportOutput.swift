import ArgumentParser
import DisarmDiagnostics
import DisarmMigration

/// How `disarm migrate` and `disarm upstream update` print their report: text for a terminal, Markdown or JSON, to
/// standard output or a file (written atomically).
enum MigrationReportOutput {
  /// `--report-format`, shared by both commands.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  static func print(_ result: MigrationResult, format: Format, to file: String?, style: ANSIStyle) throws {
    let bytes: [UInt8]
    switch format {
    case .text:
      bytes = Array(MigrationTextReport.render(result, style: file == nil ? style : ANSIStyle(enabled: false)).utf8)
    case .markdown: bytes = Array(MigrationMarkdownReport.render(result).utf8)
    case .json: bytes = MigrationJSONReport.render(result)
    }
    try Disarm.ExportSTIX.write(bytes, to: file)
  }
}
