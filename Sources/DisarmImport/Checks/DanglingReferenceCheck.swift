import DisarmDiagnostics
import DisarmFramework
import DisarmModel

/// A row that names an object no sheet has.
///
/// An error where a page would point at nothing (a technique's tactic, a tactic's phase, a sub-technique's parent, an
/// associated technique); a warning where DISARM's generator matched cells exactly and left out what matched nothing
/// (an incident's techniques, a counter's techniques and actor types), which the import reproduces.
enum DanglingReferenceCheck: SpreadsheetCheck {
  static let description = RuleDescription(
    category: .references,
    id: RuleID("sheet-dangling-reference"), severity: .error,
    summary: "A spreadsheet row names an object that no sheet has.",
    explanation: """
      Pages link the objects their rows name. A technique whose tactic is not in the tactics sheet, a tactic whose \
      phase is missing, or a sub-technique without its parent would make a page point at nothing (DISARM's \
      generator stopped with a KeyError): these are errors, and nothing is written. An `incidenttechniques` row \
      naming a technique or incident that does not exist (a retired `T0122`, or ` T0122` with a space before it), \
      and a counter's `techniques` and `actortypes` cells (free text that has long kept retired entries: `T0053 - \
      Twitter trolls amplify`), the generator matched exactly and left out what matched nothing: so does the \
      import, with a warning saying what the page leaves out (`--strict` refuses instead).
      """, otherSeverities: [.warning])

  static let examples = [
    SpreadsheetExample(
      triggers: true, note: "A technique's tactic is not in the tactics sheet, nor a sub-technique's parent technique.",
      sheets: [
        "tactics": [
          ExampleSheets.tactics, ["TA01", "Plan Strategy", "P01", "Work out what the operation should do."],
        ],
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
          ["T0002", "Pick a Goal", "↓TA99", "Decide what the operation is for."],
          ["↓T0003.001", "Audiences by Region", "TA01", "Reach people where they live."],
        ],
      ]),
    SpreadsheetExample(
      triggers: true,
      note:
        "A row of the data workbook's incidenttechniques names a technique that no sheet has: its text would be lost.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
        ]
      ],
      data: [
        "incidents": [
          ExampleSheets.incidents,
          ["I00005", "Hashtag campaign", "campaign", "Accounts pushed one hashtag.", "2021", "", "UK", "", "", ""],
        ],
        "incidenttechniques": [
          ExampleSheets.incidenttechniques, ["IT00000001", "I00005", "T0001,↓T9999", "New accounts pushed the tag."],
        ],
      ]),
    SpreadsheetExample(
      triggers: true,
      note:
        "A counter's techniques cell still names the retired T0053: a warning, and the counter's page leaves it out.",
      sheets: [
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
        ],
        "countermeasures": [
          ExampleSheets.countermeasures,
          [
            "C00006", "Charge for social media", "M004", "Make accounts cost money.", "", "", "", "TA01", "",
            "T0001 - Choose an Audience\n↓T0053 - Twitter trolls amplify",
          ],
        ],
      ]),
    SpreadsheetExample(
      triggers: false, note: "Every tactic, phase, parent technique and technique a row names has its row.",
      sheets: [
        "phases": [ExampleSheets.phases, ["P01", "Plan", "The stage called 'Plan' of an influence operation."]],
        "tactics": [
          ExampleSheets.tactics, ["TA01", "Plan Strategy", "P01", "Work out what the operation should do."],
        ],
        "techniques": [
          ExampleSheets.techniques,
          ["T0001", "Choose an Audience", "TA01", "Work out who the operation should reach."],
          ["T0001.001", "Audiences by Region", "TA01", "Reach people where they live."],
        ],
        "countermeasures": [
          ExampleSheets.countermeasures,
          [
            "C00006", "Charge for social media", "M004", "Make accounts cost money.", "", "", "", "TA01", "",
            "T0001 - Choose an Audience",
          ],
        ],
      ],
      data: [
        "incidents": [
          ExampleSheets.incidents,
          ["I00005", "Hashtag campaign", "campaign", "Accounts pushed one hashtag.", "2021", "", "UK", "", "", ""],
        ],
        "incidenttechniques": [
          ExampleSheets.incidenttechniques, ["IT00000001", "I00005", "T0001", "New accounts pushed the tag."],
        ],
      ]),
  ]

  static func check(_ spreadsheet: ImportedSpreadsheet) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let framework = spreadsheet.framework
    func plural(_ kind: ObjectKind) -> String { framework.kind(kind)?.plural ?? kind.rawValue }
    func singular(_ kind: ObjectKind) -> String { framework.kind(kind)?.singular ?? kind.rawValue }
    func sheetName(_ kind: ObjectKind) -> String { framework.workbook[kind.rawValue]?.sheet ?? plural(kind) }
    let known = Dictionary(
      uniqueKeysWithValues: [ObjectKind.phase, .tactic, .technique, .incident, .actorType].map {
        ($0, Set(spreadsheet.identifiers(of: $0).map(\.string)))
      })
    func exists(_ text: String, _ kind: ObjectKind) -> Bool { known[kind]?.contains(text) ?? false }

    // One object named by a cell: a technique's tactic, a tactic's phase.
    for (record, fact, target) in [
      ("tactic", "phase", ObjectKind.phase), ("technique", "tactic", .tactic), ("task", "tactic", .tactic),
    ] {
      for row in spreadsheet.rows(record) {
        let text = row[fact].trimmingWhitespace()
        guard !text.isEmpty, !exists(text, target), spreadsheet.records[target.rawValue] != nil else { continue }
        findings.append(
          finding(
            spreadsheet.location(row, fact, in: record),
            "the \(singular(target)) \(text) of \(row["id"]) is not in the \(sheetName(target)) sheet"))
      }
    }
    // A sub-technique's parent.
    for row in spreadsheet.rows("technique") {
      guard let id = spreadsheet.identifier(row["id"], of: .technique), let parent = id.parentTechnique,
        !exists(parent.string, .technique)
      else { continue }
      findings.append(
        finding(
          spreadsheet.location(row, "id", in: "technique"),
          "\(id)'s parent \(singular(.technique)) \(parent) is not in the \(sheetName(.technique)) sheet"))
    }
    // A counter's free-text lists: warnings, the entry left out.
    for row in spreadsheet.rows("counter") {
      for (fact, target) in [("techniques", ObjectKind.technique), ("actor-types", .actorType)] {
        for entry in CellList.entries(row[fact], divider: CellList.divider(of: fact, in: "counter"))
        where !entry.piece.trimmingWhitespace().isEmpty && !exists(entry.token, target) {
          let named = entry.token.isEmpty ? "'\(entry.piece)'" : entry.token
          findings.append(
            finding(
              spreadsheet.location(row, fact, in: "counter"),
              "\(named) is not in the \(sheetName(target)) sheet; \(row["id"])'s page leaves it out, as DISARM's generator did",
              severity: .warning))
        }
      }
    }
    // An incident's techniques: errors, the row's description would be lost.
    for row in spreadsheet.rows("incident-technique") {
      let incident = row["incident"]
      if spreadsheet.records["incident"] != nil, !exists(incident, .incident) {
        findings.append(
          finding(
            spreadsheet.location(row, "incident", in: "incident-technique"),
            "the \(singular(.incident)) '\(incident)' is not in the \(sheetName(.incident)) sheet: this row is left out, as DISARM's generator did",
            severity: .warning))
      }
      for entry in CellList.entries(row["techniques"], divider: ",") where !exists(entry.piece, .technique) {
        let trimmed = entry.piece.trimmingWhitespace()
        let why =
          exists(trimmed, .technique)
          ? "has spaces around it, so it matches no row of the \(sheetName(.technique)) sheet"
          : "is not in the \(sheetName(.technique)) sheet"
        findings.append(
          finding(
            spreadsheet.location(row, "techniques", in: "incident-technique"),
            "'\(entry.piece)' \(why): \(incident)'s page and \(trimmed.isEmpty ? "the technique's" : trimmed + "'s") leave this row out, as DISARM's generator did",
            severity: .warning))
      }
    }
    for row in spreadsheet.rows("associated-technique") {
      for fact in ["technique", "associated"] where !exists(row[fact], .technique) {
        findings.append(
          finding(
            spreadsheet.location(row, fact, in: "associated-technique"),
            "'\(row[fact])' is not in the \(sheetName(.technique)) sheet, so this association would be lost"))
      }
    }
    return findings
  }
}
