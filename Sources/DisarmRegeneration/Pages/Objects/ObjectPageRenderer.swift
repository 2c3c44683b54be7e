import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// Renders one object's page as the model says it should be: owned fields exactly as read, derived tables
/// recomputed from their owners, and the notes copied byte for byte. See docs/REGENERATION.md.
public enum ObjectPageRenderer {
  /// The page for `object` in `template` (`generation2022` or `generation2025`), or nil when the object has no page.
  /// Only technique pages differ between the generations (and incident pages, which always get a Reference table
  /// in the 2025 form).
  ///
  /// With `keepingPageLayout` (regeneration, as opposed to migration and to new pages), the page keeps the layout it
  /// was written in whatever `template` says (``KeptLayoutPage``): only its derived content is replaced. Nil as well
  /// when that layout has no place for what is derived (``layout(of:in:)`` says why).
  public static func render(
    _ object: DisarmObject, in kb: KnowledgeBase, template: KnowledgeBase.Template, keepingPageLayout: Bool = false
  ) -> [UInt8]? {
    guard let page = object.page else { return nil }
    if kb.framework.identifierField != nil { return FieldedPage.render(object, page: page, in: kb) }
    if keepingPageLayout {
      guard case .bytes(let bytes) = KeptLayoutPage.render(object, page: page, in: kb) else { return nil }
      return bytes
    }
    let lines: PageLines
    switch object.kind {
    case .phase: lines = PhasePage.render(object, page: page, in: kb)
    case .tactic: lines = TacticPage.render(object, page: page, in: kb)
    case .technique:
      let layout = keepingPageLayout ? TechniquePage.layout(of: page, in: kb) ?? template : template
      lines = TechniquePage.render(object, page: page, in: kb, template: layout)
    case .task: lines = TaskPage.render(object, page: page, in: kb)
    case .incident:
      lines = IncidentPage.render(object, page: page, in: kb, template: template, keepingPageLayout: keepingPageLayout)
    case .counter: lines = CounterPage.render(object, page: page, in: kb)
    case .actorType: lines = ActorTypePage.render(object, page: page, in: kb)
    case .metatechnique: lines = MetatechniquePage.render(object, page: page, in: kb)
    case .responseType, .detection: return nil
    }
    return lines.bytes(notes: page.notes)
  }

  /// Why `object`'s page cannot be regenerated in its own layout, or nil when it can (or has no page).
  public static func unreproducibleLayout(of object: DisarmObject, in kb: KnowledgeBase) -> UnreproducibleLayout? {
    guard let page = object.page, kb.framework.identifierField == nil,
      case .unreproducible(let reason) = KeptLayoutPage.render(object, page: page, in: kb)
    else { return nil }
    return reason
  }
}
