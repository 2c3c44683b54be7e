import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// `duplicate-import-identity`: two incident pages claim the same source identity in their `Imported from` field
/// (a page copied to make a new incident, or two imports merged by hand). `disarm import` finds a page by that
/// identity, so it refuses to import the source while both claim it; this rule says so before anyone imports. The
/// first page in identifier order keeps the claim; each other page is reported at its field, with a note at the
/// first.
public struct DuplicateImportIdentityRule: Rule {
  public static let description = RuleDescription(
    category: .consistency,
    id: RuleID("duplicate-import-identity"), severity: .error,
    summary: "Two incident pages say they were imported from the same source record.",
    explanation: """
      An incident page that `disarm import` made records where it came from in its `Imported from` field \
      (`stix:campaign--…`, `misp:event--…`, `csv:dataset.csv#id=12`), and the next import of that source updates \
      the page that field names. Two pages naming one record leave the import unable to choose, so it refuses the \
      source (`incident-source-duplicate`). Keep the field on the page that is the record's incident; on the other \
      page delete the field (the page is then the knowledge base's own) or correct it to the record it came from.
      """)

  public static let examples = pair(
    "I00002 was made by copying I00001, field and all.",
    [
      "incidents/I00001.md": Page.incident(importedFrom: "stix:campaign--33333333-3333-4333-8333-333333333333"),
      "incidents/I00002.md": Page.incident(
        headingID: "I00002", name: "A second hashtag campaign",
        importedFrom: "↓stix:campaign--33333333-3333-4333-8333-333333333333"),
    ],
    "The copy's field is deleted: it is an incident of this knowledge base, not of the bundle.",
    [
      "incidents/I00001.md": Page.incident(importedFrom: "stix:campaign--33333333-3333-4333-8333-333333333333"),
      "incidents/I00002.md": Page.incident(headingID: "I00002", name: "A second hashtag campaign"),
    ])

  public static func check(_ context: LintContext) -> [Diagnostic] {
    var first: [String: (id: DisarmID, file: String, range: SourceRange)] = [:]
    var diagnostics: [Diagnostic] = []
    for incident in context.kb.objects(of: .incident).sorted(by: { $0.id < $1.id }) {
      guard let page = incident.page, let field = page.field(IncidentSourceIdentity.key) else { continue }
      let identity = field.value.text.trimmingWhitespace()
      guard !identity.isEmpty else { continue }
      guard let claimed = first[identity] else {
        first[identity] = (incident.id, page.path, field.value.range)
        continue
      }
      diagnostics.append(
        diagnostic(
          file: page.path, range: field.value.range,
          "\(incident.id) says it was imported from \(identity), as \(claimed.id) does; an import of that source "
            + "is refused until one page keeps the claim",
          notes: [
            DiagnosticNote(file: claimed.file, range: claimed.range, message: "\(claimed.id) claims it here")
          ]))
    }
    return diagnostics
  }
}
