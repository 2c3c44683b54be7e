import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// The derived `Counters | Response types` tables of technique, tactic, actor-type and metatechnique pages, rebuilt
/// from the counter pages (which own each counter's tactic, metatechnique, actor types and techniques) and the
/// counter's response type. Stale counters are left out.
///
/// Row order follows DISARM's generator: by counter ID on technique and actor-type pages; by response type, then
/// counter ID, on tactic and metatechnique pages.
enum CountersTable {
  /// Counters that list `technique` in their `Counters these Techniques` table, by counter ID (a counter that
  /// lists it twice appears twice).
  static func rows(forTechnique technique: DisarmID, in kb: KnowledgeBase) -> [String] {
    let counters = live(kb.incoming(technique, .countersTechnique).map(\.source), in: kb)
    return stableSorted(counters).map { row($0, in: kb) }
  }

  /// Counters that name `actorType` in their `Actor types` table, by counter ID.
  static func rows(forActorType actorType: DisarmID, in kb: KnowledgeBase) -> [String] {
    let counters = live(kb.incoming(actorType, .actorType).map(\.source), in: kb)
    return stableSorted(counters).map { row($0, in: kb) }
  }

  /// Counters whose `Belongs to tactic stage` is `tactic` (its first identifier), by response type then ID.
  static func rows(forTactic tactic: DisarmID, in kb: KnowledgeBase) -> [String] {
    let counters = unique(kb.incoming(tactic, .tactic).map(\.source)).filter {
      $0.kind == .counter && kb.tactic(of: $0) == tactic
    }
    return byResponseType(live(counters, in: kb), in: kb).map { row($0, in: kb) }
  }

  /// Counters whose `Metatechnique` field starts with `metatechnique`, by response type then ID. The generator
  /// split the field at its first space, so a counter listing several metatechniques (`M009 - Dilution, M008 - …`)
  /// appears only on the first one's page.
  static func rows(forMetatechnique metatechnique: DisarmID, in kb: KnowledgeBase) -> [String] {
    let counters = unique(kb.incoming(metatechnique, .metatechnique).map(\.source)).filter {
      $0.kind == .counter && kb.outgoing($0, .metatechnique).first?.target == metatechnique
    }
    return byResponseType(live(counters, in: kb), in: kb).map { row($0, in: kb) }
  }

  /// `| [C00008 Name](../../generated_pages/counters/C00008.md) | D04 |`.
  static func row(_ counter: DisarmID, in kb: KnowledgeBase) -> String {
    "| \(ObjectLink.markdown(counter, in: kb)) | \(responseType(of: counter, in: kb)) |"
  }

  /// The counter's response type code (`D04`), or the empty string when the model has none.
  static func responseType(of counter: DisarmID, in kb: KnowledgeBase) -> String {
    kb.outgoing(counter, .responseType).first?.target.string ?? ""
  }

  private static func byResponseType(_ counters: [DisarmID], in kb: KnowledgeBase) -> [DisarmID] {
    counters.map { (type: responseType(of: $0, in: kb), id: $0) }
      .sorted { ($0.type, $0.id.string) < ($1.type, $1.id.string) }
      .map(\.id)
  }

  private static func live(_ ids: [DisarmID], in kb: KnowledgeBase) -> [DisarmID] {
    ids.filter { kb[$0].map { !$0.isStale } ?? false }
  }

  private static func unique(_ ids: [DisarmID]) -> [DisarmID] {
    var seen = Set<DisarmID>()
    return ids.filter { seen.insert($0).inserted }
  }

  /// Sorted by ID, keeping the read order of equal IDs.
  private static func stableSorted(_ ids: [DisarmID]) -> [DisarmID] {
    ids.enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }.map(\.element)
  }
}
