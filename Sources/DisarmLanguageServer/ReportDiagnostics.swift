import DisarmDiagnostics
import DisarmReports
import Foundation

/// What a report's mentions show in the editor: an identifier that does not exist (an error naming the nearest
/// identifiers of its kind), a retired one (a warning naming its replacement, struck through as on pages), and a name
/// written after an identifier that is not the object's (information). A name found without its identifier is no
/// finding: hover shows what it names. The codes are those of `disarm tag --format sarif` (`report-unknown-id`,
/// `report-retired-id`) and the editor's own (`report-name-mismatch`, `report-too-large`,
/// `report-too-many-findings`); ranges are UTF-16 positions, as for pages.
enum ReportDiagnostics {
  /// Where the findings are documented.
  static let documentation = "https://github.com/disarm-tools/disarm/blob/main/docs/TAG.md#in-the-editor"
  /// The most findings shown for one report: the rest are counted in one last finding, so that a report of
  /// thousands of mistyped identifiers still makes a message of a bounded size.
  static let largestCount = 1000

  /// The findings of `report`, in order of place.
  static func diagnostics(of report: TaggedReport) -> [LSPDiagnostic] {
    if let limit = report.exceededLimit.map(Self.size) {
      return [
        LSPDiagnostic(
          range: TextRange(0..<0, in: report.file), severity: .warning, code: "report-too-large",
          codeDescription: documentation,
          message:
            "this report is \(size(report.size)): the editor tags reports of up to \(limit); run disarm tag on it "
            + "(it reads reports of up to \(size(ReportReader.byteLimit)))")
      ]
    }
    var found: [LSPDiagnostic] = []
    var more = 0
    for mention in report.mentions where makesFinding(mention) {
      if found.count < largestCount {
        if let diagnostic = diagnostic(for: mention, in: report) { found.append(diagnostic) }
        continue
      }
      // Beyond the bound the findings are only counted: the first of them places the count.
      if more == 0, let first = diagnostic(for: mention, in: report) {
        found.append(
          LSPDiagnostic(
            range: first.range, severity: .information, code: "report-too-many-findings",
            codeDescription: documentation, message: ""))
      }
      more += 1
    }
    if more > 0 {
      found[found.count - 1].message =
        "\(more) more findings in this report are not shown (the editor shows \(largestCount)); disarm tag lists them all"
    }
    return found
  }

  /// Whether a mention makes a finding, without making it.
  static func makesFinding(_ mention: Mention) -> Bool {
    switch mention.status {
    case .unknown, .retired: true
    case .current: mention.nameAgrees == false && mention.name != nil
    }
  }

  /// The finding a mention makes, if any.
  static func diagnostic(for mention: Mention, in report: TaggedReport) -> LSPDiagnostic? {
    let kb = report.workspace.kb
    let file = report.file
    switch mention.status {
    case .unknown(let nearest):
      var message = "\(mention.id): no such \(kb.words(mention.id.kind).singular) in this knowledge base"
      if !nearest.isEmpty { message += " (nearest: \(nearest.map(\.string).joined(separator: ", ")))" }
      return LSPDiagnostic(
        range: TextRange(mention.range, in: file), severity: .error, code: "report-unknown-id",
        codeDescription: documentation, message: message)
    case .retired(let replacement):
      let message =
        replacement.map { "\(mention.id) is retired: replaced by \($0)\(kb[$0].map { " \($0.name)" } ?? "")" }
        ?? "\(mention.id) is retired, with no replacement"
      return LSPDiagnostic(
        range: TextRange(mention.range, in: file), severity: .warning, code: "report-retired-id",
        codeDescription: documentation, message: message, tags: [.deprecated])
    case .current:
      guard mention.nameAgrees == false, let written = report.writtenName(of: mention), let name = mention.name
      else { return nil }
      return LSPDiagnostic(
        range: TextRange(written.range, in: file), severity: .information, code: "report-name-mismatch",
        codeDescription: documentation, message: "'\(written.text)' is not the name of \(mention.id): \(name)")
    }
  }

  /// `812 bytes`, `4 MiB`, `4.0 MiB (4194400 bytes)`: a size that is not a whole number of MiB also in bytes, so
  /// that a report just over the limit does not read as the limit.
  static func size(_ bytes: Int) -> String {
    guard bytes >= 1 << 20 else { return "\(bytes) bytes" }
    guard bytes % (1 << 20) != 0 else { return "\(bytes >> 20) MiB" }
    return String(format: "%.1f MiB (%d bytes)", Double(bytes) / Double(1 << 20), bytes)
  }
}
