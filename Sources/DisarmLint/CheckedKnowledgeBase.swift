import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import Foundation

/// A knowledge base with its findings and its regenerated pages: what `build` writes and `lint` reports.
public struct CheckedKnowledgeBase {
  let context: LintContext
  /// Every finding of the model and regeneration rules, sorted.
  public private(set) var diagnostics: [Diagnostic]

  /// The pages as the model says they should be: those that differ from their files, and the paths of the others.
  public let rendered: PageRenderer.Output

  /// Every page of the knowledge base in its regenerated form (what `build --output` writes): the regenerated pages,
  /// the unchanged ones as read, pages with errors regenerated too (a broken link is reproduced as written; only
  /// in-place writes skip them), and pages regeneration leaves alone (stale pages, rejected files, pages with text it
  /// cannot place) as read. Nothing read is missing from the output.
  public var allRenderedPages: [(path: String, bytes: [UInt8])] {
    let sources = kb.sourceFiles()
    var pages: [String: [UInt8]] = [:]
    for page in rendered.pages { pages[page.path] = page.bytes }
    let withErrors = Set(diagnostics.lazy.filter { $0.severity == .error }.map(\.file)).filter { pages[$0] == nil }
    for page in PageRenderer.renderPagesWithErrors(kb, paths: withErrors, template: template) {
      pages[page.path] = page.bytes
    }
    for (path, file) in sources where pages[path] == nil { pages[path] = file.bytes }
    return pages.map { (path: $0.key, bytes: $0.value) }.sorted { $0.path < $1.path }
  }

  /// The template generation the pages were regenerated in (nil: each knowledge base's own).
  let template: KnowledgeBase.Template?

  init(
    context: LintContext, rendered: PageRenderer.Output, diagnostics: [Diagnostic], template: KnowledgeBase.Template?
  ) {
    self.context = context
    self.rendered = rendered
    self.diagnostics = diagnostics
    self.template = template
  }

  /// The linked model the findings are about.
  public var kb: KnowledgeBase { context.kb }

  /// Loads and checks the knowledge base at `path`, read with the framework description `framework` names (see
  /// ``KnowledgeBaseLoader/load(from:framework:)``).
  public static func load(
    _ path: String, template: KnowledgeBase.Template? = nil, framework: String? = nil,
    against base: KnowledgeBase? = nil
  ) throws(LoadError) -> Self {
    Linter.check(try KnowledgeBaseLoader.load(from: path, framework: framework), template: template, against: base)
  }

  /// The pages of `folder` whose content differs from their regenerated form; with `reporting`, their
  /// `derived-out-of-date` findings are added to ``diagnostics``. Pages to rewrite that changed on disk since
  /// they were read are not changes: they are reported (`page-changed-on-disk`) and left alone.
  ///
  /// An extension's upstream pages are never changes: they are upstream's, and written only into `build --output`'s
  /// union (``allRenderedPages``).
  public mutating func changes(in folder: URL, reporting: Bool) throws(WriteError) -> [PageSync.Change] {
    let own = kb.upstream == nil ? rendered.pages : rendered.pages.filter { kb.isLocalFile($0.path) }
    let plan = try PageSync.plan(own, in: folder)
    if reporting {
      context.changes = plan.changes
      diagnostics += Linter.run(.drift, in: context)
    }
    record(plan.conflicts)
    return plan.changes
  }

  /// Adds the `writing` phase's findings (`page-changed-on-disk`) for `conflicts`: pages a writer left alone
  /// because they changed on disk after they were read (the editing executor's report says which).
  public mutating func record(_ conflicts: [PageSync.Conflict]) {
    context.conflicts = conflicts
    diagnostics = (diagnostics + Linter.run(.writing, in: context)).sorted()
  }

  /// Number of findings at `severity`.
  public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }

  /// Whether a page could not be read: its content is unknown, so the command fails as an I/O failure.
  public var hasUnreadableFiles: Bool { diagnostics.contains { $0.rule == UnreadableFileRule.id } }
}
