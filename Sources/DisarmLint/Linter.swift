import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport

/// Runs the rules of ``RuleRegistry`` phase by phase: the model rules over the linked knowledge base, then (once
/// the pages are regenerated) the regeneration rules, then (once the pages are compared with the files) the drift
/// rules. Every command that reports findings (`build`, `lint`, the JSON document) goes through here, so a finding
/// is the same wherever it is shown.
public enum Linter {
  /// The findings of every rule of `phase`, unsorted.
  ///
  /// The model rules run on all cores: they only read the model and the context's shared indexes, which are
  /// computed before the rules start so that no rule computes one while another reads it.
  ///
  /// An extension's findings are its own: those on pages read from its upstream are upstream's to fix, and left out.
  public static func run(_ phase: LintPhase, in context: LintContext) -> [Diagnostic] {
    let findings = findings(of: phase, in: context)
    guard let upstream = context.kb.upstream else { return findings }
    // A note that points at an upstream page names it where upstream keeps it, so that editors open the right file.
    return findings.filter { !upstream.isUpstreamFile($0.file) }.map { finding in
      guard finding.notes.contains(where: { upstream.isUpstreamFile($0.file) }) else { return finding }
      var finding = finding
      finding.notes = finding.notes.map { note in
        var note = note
        note.file = upstream.files[note.file] ?? note.file
        return note
      }
      return finding
    }
  }

  static func findings(of phase: LintPhase, in context: LintContext) -> [Diagnostic] {
    let rules = RuleRegistry.rules.filter { $0.phase == phase }
    guard phase == .model else { return rules.flatMap { $0.check(context) } }
    context.computeSharedIndexes()
    let pageRules = rules.compactMap { $0.asPageRule }
    let otherRules = rules.filter { $0.asPageRule == nil }
    return ParallelMap.map(otherRules) { $0.check(context) }.flatMap { $0 } + pageRuleFindings(pageRules, in: context)
  }

  /// The findings of the page rules, page by page on all cores; with the context's cache, a page that is the same
  /// page object as at the last check (and still read as the same object) keeps its findings unchecked.
  static func pageRuleFindings(_ rules: [any PageRule.Type], in context: LintContext) -> [Diagnostic] {
    let subjects = context.pageSubjects
    let results: [(findings: [Diagnostic], fresh: Bool)] = {
      let previous = context.cache?.pageFindings ?? [:]
      return ParallelMap.map(subjects) { subject in
        if let cached = previous[subject.page.path], cached.page === subject.page, cached.id == subject.object?.id {
          return (cached.findings, false)
        }
        return (rules.flatMap { $0.check(page: subject.page, of: subject.object, in: context) }, true)
      }
    }()
    if let cache = context.cache {
      cache.pageFindings.storeFresh(
        zip(subjects, results).lazy.filter(\.1.fresh).map { subject, result in
          (
            subject.page.path,
            LintCache.PageFindings(page: subject.page, id: subject.object?.id, findings: result.findings)
          )
        }, count: subjects.count, keys: { subjects.map(\.page.path) })
    }
    return results.flatMap(\.findings)
  }

  /// The findings of the model rules alone, sorted: what commands that only need to know whether the knowledge
  /// base has errors (the exports) run, without regenerating every page.
  public static func modelFindings(_ kb: KnowledgeBase) -> [Diagnostic] {
    run(.model, in: LintContext(kb: kb)).sorted()
  }

  /// Loads nothing and writes nothing: checks the model, regenerates the pages (leaving alone pages with errors)
  /// and checks the regeneration. `template` forces a template generation for the regenerated pages.
  /// Only the regenerated pages that differ from their files are kept (see ``PageRenderer/Output/unchanged``):
  /// the others are the pages as read.
  ///
  /// With `renderingOnly`, only those pages are regenerated (and so checked for drift and unplaceable text). With a
  /// `cache` (the language server's), what the last check found on pages that did not change is reused.
  public static func check(
    _ kb: KnowledgeBase, template: KnowledgeBase.Template? = nil, against base: KnowledgeBase? = nil,
    renderingOnly: Set<String>? = nil, cache: LintCache? = nil
  ) -> CheckedKnowledgeBase {
    let context = LintContext(kb: kb, cache: cache)
    context.base = base
    var diagnostics = run(.model, in: context)
    context.dropModelIndexes()
    Trace.mark("checks")
    // Errors in derived rows (a tactic's row for a technique whose page was deleted) do not hold a page back:
    // regenerating it is what corrects them.
    let errors = diagnostics.filter { $0.severity == .error }
    var withErrors = Set<String>()
    if !errors.isEmpty {
      let pages = Dictionary(
        kb.objects.values.compactMap { object in object.page.map { ($0.path, $0) } }, uniquingKeysWith: { a, _ in a })
      var derivedLines: [String: Set<Int>] = [:]
      for diagnostic in errors where !withErrors.contains(diagnostic.file) {
        guard let page = pages[diagnostic.file], diagnostic.line > 0 else {
          withErrors.insert(diagnostic.file)
          continue
        }
        if derivedLines[diagnostic.file] == nil { derivedLines[diagnostic.file] = DerivedRows.lines(of: page, in: kb) }
        if !derivedLines[diagnostic.file]!.contains(diagnostic.line) { withErrors.insert(diagnostic.file) }
      }
    }
    let rendered = PageRenderer.render(
      kb, template: template, excluding: withErrors, keepingUnchanged: false, only: renderingOnly)
    context.regeneration = rendered
    Trace.mark("render pages")
    diagnostics += run(.regeneration, in: context)
    Trace.mark("regeneration rules")
    return CheckedKnowledgeBase(
      context: context, rendered: rendered, diagnostics: diagnostics.sorted(), template: template)
  }
}
