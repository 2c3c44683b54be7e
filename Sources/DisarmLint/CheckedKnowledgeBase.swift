import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration
import Foundation

/// A knowledge base with its findings and its regenerated pages: what `build` writes and `lint` reports.
public struct CheckedKnowledgeBase {
  let context: LintContext
  /// Every finding of the model and regeneration rules, sorted.
  public private(set) var diagnostics: [Diagnostic]

  /// The pages as the model says they should be.
  public let rendered: PageRenderer.Output

  init(context: LintContext, rendered: PageRenderer.Output, diagnostics: [Diagnostic]) {
    self.context = context
    self.rendered = rendered
    self.diagnostics = diagnostics
  }

  /// The linked model the findings are about.
  public var kb: KnowledgeBase { context.kb }

  /// Loads and checks the knowledge base at `path`.
  public static func load(_ path: String, template: KnowledgeBase.Template? = nil) throws(LoadError) -> Self {
    Linter.check(try KnowledgeBaseLoader.load(from: path), template: template)
  }

  /// The pages of `folder` whose content differs from their regenerated form; with `reporting`, their
  /// `derived-out-of-date` findings are added to ``diagnostics``.
  public mutating func changes(in folder: URL, reporting: Bool) throws(WriteError) -> [PageSync.Change] {
    let changes = try PageSync.changes(rendered.pages, in: folder)
    if reporting {
      context.changes = changes
      diagnostics = (diagnostics + Linter.run(.drift, in: context)).sorted()
    }
    return changes
  }

  /// Number of findings at `severity`.
  public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }

  /// Whether a page could not be read: its content is unknown, so the command fails as an I/O failure.
  public var hasUnreadableFiles: Bool { diagnostics.contains { $0.rule == UnreadableFileRule.id } }
}
