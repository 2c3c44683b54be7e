import DisarmFramework

/// The tactics grouped under their phases, as the DISARM Foundation's own framework picture shows them: phases in
/// identifier order (P01 Plan, P02 Prepare, …), each phase once, and within a phase its tactics in framework order
/// (``KnowledgeBase/tacticOrder``, the red framework's columns). The red framework page itself follows the index's
/// identifier order, which splits P01 and P02 in two (TA13 after TA12); every matrix people look at (the site, the
/// SVG heat map, the Navigator's matrix through the STIX `x-mitre-matrix`) uses this order instead.
public struct PhaseGroup: Sendable, Equatable {
  /// The phase, or nil for the tactics that name no phase (shown last).
  public var phase: DisarmID?
  /// The phase's tactics, in framework order.
  public var tactics: [DisarmID]
}

extension KnowledgeBase {
  /// The framework's tactics under their phases, each phase once, phases by identifier, tactics without a phase last.
  public var phaseGroups: [PhaseGroup] {
    var byPhase: [DisarmID: [DisarmID]] = [:]
    var withoutPhase: [DisarmID] = []
    for tactic in tacticOrder {
      let phase = outgoing(tactic, .phase).first { relation in
        relation.isResolved && objects[relation.target].map { !$0.isStale } == true
      }?.target
      if let phase { byPhase[phase, default: []].append(tactic) } else { withoutPhase.append(tactic) }
    }
    var groups = byPhase.keys.sorted().map { PhaseGroup(phase: $0, tactics: byPhase[$0]!) }
    if !withoutPhase.isEmpty { groups.append(PhaseGroup(phase: nil, tactics: withoutPhase)) }
    return groups
  }

  /// ``tacticOrder`` regrouped by phase (``phaseGroups``): the column order of every matrix drawn for people.
  public var tacticsInPhaseOrder: [DisarmID] { phaseGroups.flatMap(\.tactics) }
}
