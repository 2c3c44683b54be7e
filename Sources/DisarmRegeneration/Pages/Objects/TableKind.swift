/// The tables of DISARM's object pages, each with the header and delimiter lines the generator writes.
enum TableKind: String, CaseIterable {
  case tasks = "Tasks"
  case techniques = "Techniques"
  case counters = "Counters"
  case incidents = "Incident"
  case associatedTechniques = "Associated Technique"
  case incidentTechniques = "Technique"
  case references = "Reference"
  case actorTypes = "Actor types"
  case countersTactics = "Counters these Tactics"
  case countersTechniques = "Counters these Techniques"
  case seenInIncidents = "Seen in incidents"

  /// The first column's header: how the parser finds the table on a page.
  var firstColumn: String { rawValue }

  /// Whether the page's rows are computed from other pages (a tactic's tasks, a technique's incidents) rather than
  /// owned by the page (an incident's techniques, a counter's actor types).
  var isDerived: Bool {
    switch self {
    case .tasks, .techniques, .counters, .incidents: true
    default: false
    }
  }

  /// The name of the relation the table carries in framework descriptions (`tables:` keys).
  var relation: String {
    switch self {
    case .tasks: "tasks"
    case .techniques: "techniques"
    case .counters: "counters"
    case .incidents: "incidents"
    case .associatedTechniques: "associated"
    case .incidentTechniques: "techniques-used"
    case .references: "references"
    case .actorTypes: "actor-types"
    case .countersTactics: "counters-tactics"
    case .countersTechniques: "counters-techniques"
    case .seenInIncidents: "seen-in-incidents"
    }
  }

  /// The header line with `first` as its first column's header.
  func header(firstColumn first: String) -> String {
    let other = header.dropFirst(2 + rawValue.count)
    return "| \(first)" + other
  }

  /// The header line.
  var header: String {
    switch self {
    case .counters: "| Counters | Response types |"
    case .incidents: "| Incident | Descriptions given for this incident |"
    case .associatedTechniques: "| Associated Technique | Description |"
    case .incidentTechniques: "| Technique | Description given for this incident |"
    case .references: "| Reference | Pub Date | Authors | Org | Archive |"
    case .actorTypes: "| Actor types | Sectors |"
    case .tasks, .techniques, .countersTactics, .countersTechniques, .seenInIncidents: "| \(rawValue) |"
    }
  }

  /// The delimiter line. Its dashes do not always match the header's width (the generator's templates differ).
  var delimiter: String {
    switch self {
    case .tasks: "| ----- |"
    case .techniques: "| ---------- |"
    case .counters: "| -------- | -------------- |"
    case .incidents: "| -------- | -------------------- |"
    case .associatedTechniques, .incidentTechniques: "| --------- | ------------------------- |"
    case .references: "| --------- | -------- | ------- | --- | ------- |"
    case .actorTypes: "| ----------- | ------- |"
    case .countersTactics: "| ---------------------- |"
    case .countersTechniques: "| ------------------------- |"
    case .seenInIncidents: "| ----------------- |"
    }
  }
}
