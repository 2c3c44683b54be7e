import DisarmParser

extension KnowledgeBase.Template {
  /// The generation the technique pages follow: the one they all use, `.mixed` when both occur (the
  /// `mixed-templates` rule names the minority), `.unknown` without technique pages.
  static func of(_ pages: [ObjectPage]) -> Self {
    let techniques = pages.filter { $0.kind == .technique }
    let old = techniques.contains { $0.template == .bulleted2022 }
    let new = techniques.contains { $0.template == .plain2025 }
    switch (old, new) {
    case (false, false): return .unknown
    case (true, false): return .generation2022
    case (false, true): return .generation2025
    case (true, true): return .mixed
    }
  }
}
