import DisarmParser

/// Decides which page generation a knowledge base uses, from its technique pages.
enum TemplateCheck {
  static func template(of pages: [ObjectPage], diagnostics: inout [Diagnostic]) -> KnowledgeBase.Template {
    let techniques = pages.filter { $0.kind == .technique }
    let old = techniques.filter { $0.template == .bulleted2022 }.sorted { $0.path < $1.path }
    let new = techniques.filter { $0.template == .plain2025 }.sorted { $0.path < $1.path }
    switch (old.isEmpty, new.isEmpty) {
    case (true, true): return .unknown
    case (false, true): return .generation2022
    case (true, false): return .generation2025
    case (false, false):
      // On a tie the 2025 template wins, as in regeneration (`PageRenderer.effectiveTemplate`): the 2022 pages are
      // the ones to migrate.
      let newWins = new.count >= old.count
      let minority = newWins ? old : new
      let majority = newWins ? "2025" : "2022"
      let others = new.count == old.count ? "as many technique pages use" : "most technique pages use"
      for page in minority {
        diagnostics.append(
          Rules.mixedTemplates.diagnostic(
            file: page.path, line: 1, column: 1,
            "technique page uses the \(page.template.rawValue) template; \(others) the \(majority) template"))
      }
      return .mixed
    }
  }
}
