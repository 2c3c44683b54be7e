import DisarmFramework

/// Header rows of DISARM's master spreadsheets as the standard framework's description names their columns, for the
/// spreadsheet checks' examples (``SpreadsheetExample``), so that each example shows only its rows.
enum ExampleSheets {
  static let phases = ["disarm_id", "name", "summary"]
  static let tactics = ["disarm_id", "name", "phase_id", "summary"]
  static let techniques = ["disarm_id", "name", "tactic_id", "summary"]
  static let countermeasures = [
    "disarm_id", "name", "metatechnique", "summary", "actortypes", "resources_needed", "incident_ids", "tactic",
    "responsetype", "techniques",
  ]
  static let actortypes = ["disarm_id", "name", "summary", "sector_ids", "framework_ids"]
  static let incidents = [
    "disarm_id", "name", "objecttype", "summary", "year_started", "attributions_seen", "found_in_country",
    "found_via", "when_added", "urls",
  ]
  static let incidenttechniques = ["disarm_id", "incident_id", "technique_ids", "name"]

  /// Every sheet the standard framework keeps its own objects in (not the data workbook's), each with its header
  /// row only, taken from the framework's description, except `leftOut`.
  static func frameworkSheets(except leftOut: String? = nil) -> [String: [[String]]] {
    let framework = BuiltInFrameworks.standard
    var sheets: [String: [[String]]] = [:]
    for (record, facts) in WorkbookSheet.records where !WorkbookSheet.dataRecords.contains(record) {
      guard let layout = framework.workbook[record], layout.sheet != leftOut else { continue }
      sheets[layout.sheet] = [facts.compactMap { layout.column($0) }]
    }
    return sheets
  }
}
