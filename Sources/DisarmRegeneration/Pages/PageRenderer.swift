import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// Regenerates a knowledge base's pages from its model: every object page that can be regenerated safely, and the
/// derived whole-knowledge-base pages.
public enum PageRenderer {
  /// The result of a regeneration.
  public struct Output: Sendable {
    /// Pages as the model says they should be, sorted by path.
    public var pages: [RenderedPage]
    /// Pages left as they are because they hold text outside fields and tables that regeneration cannot place,
    /// with the first such text (reported by `page-not-regenerated`).
    public var unplaceableText: [(path: String, text: SourceText)]
  }

  /// Renders every page. `template` forces a template generation (for migration); by default the knowledge base's
  /// own is used (the majority's when mixed, 2025 when unknown). Pages in `excluded` (pages with errors: their
  /// content is not fully known) and stale pages are left alone.
  public static func render(
    _ kb: KnowledgeBase, template: KnowledgeBase.Template? = nil, excluding excluded: Set<String> = []
  ) -> Output {
    let target = template ?? effectiveTemplate(of: kb)
    var unplaceable: [(path: String, text: SourceText)] = []
    var candidates: [DisarmObject] = []
    for object in kb.objects.values.sorted(by: { $0.id < $1.id }) {
      guard let page = object.page else { continue }
      // Stale pages and pages with errors are reported by their own rules and left as they are.
      if object.isStale || excluded.contains(page.path) {
        continue
      } else if let text = page.otherText.first {
        unplaceable.append((page.path, text))
      } else {
        candidates.append(object)
      }
    }
    let rendered = ParallelMap.map(candidates) { object -> RenderedPage? in
      ObjectPageRenderer.render(object, in: kb, template: target).map { bytes in
        RenderedPage(
          path: object.file,
          bytes: SourceStyle.apply(bytes, like: object.page?.file, notesTail: object.page?.notes?.tail),
          basis: object.page.map { .bytes($0.file.bytes) } ?? .absent)
      }
    }
    let previous = Dictionary(kb.wholePages.map { ($0.path, $0.file) }, uniquingKeysWith: { a, _ in a })
    let wholePages = WholePageRenderer.render(kb).map { page in
      RenderedPage(
        path: page.path, bytes: SourceStyle.apply(page.bytes, like: previous[page.path]),
        basis: previous[page.path].map { .bytes($0.bytes) } ?? .absent)
    }
    let pages = rendered.compactMap { $0 } + wholePages
    return Output(pages: pages.sorted { $0.path < $1.path }, unplaceableText: unplaceable)
  }

  /// The template to write: the knowledge base's, the majority's when mixed, 2025 when there is none.
  public static func effectiveTemplate(of kb: KnowledgeBase) -> KnowledgeBase.Template {
    switch kb.template {
    case .generation2022, .generation2025: return kb.template
    case .unknown: return .generation2025
    case .mixed:
      let pages = kb.objects.values.compactMap(\.page).filter { $0.kind == .technique }
      let old = pages.filter { $0.template == .bulleted2022 }.count
      return old * 2 > pages.count ? .generation2022 : .generation2025
    }
  }
}
