import DisarmDiagnostics
import DisarmExports
import DisarmModel
import DisarmRegeneration

/// Finds the page an imported record updates: the incident page whose `Imported from` field holds the record's
/// identity, else, for a record that is this knowledge base's own export (`disarm export stix` writes an incident
/// as `campaign--` + the UUID derived from its identifier, `disarm export misp --events` as an event with the MISP
/// UUID derived from it), that incident. Never by name.
struct IncidentMatcher {
  let kb: KnowledgeBase
  let byIdentity: [String: DisarmObject]
  let byExportIdentity: [String: DisarmObject]
  /// Two pages claiming one identity.
  let findings: [Diagnostic]

  init(kb: KnowledgeBase) {
    self.kb = kb
    var identities: [String: DisarmObject] = [:]
    var findings: [Diagnostic] = []
    var exported: [String: DisarmObject] = [:]
    for incident in kb.objects(of: .incident) {
      guard let page = incident.page else { continue }
      if let field = page.field(IncidentSourceIdentity.key) {
        let identity = field.value.text.trimmingWhitespace()
        if let other = identities[identity] {
          findings.append(
            Diagnostic(
              rule: IncidentFindings.duplicateSource.id, severity: .error, file: page.path,
              range: field.value.range,
              message: "\(incident.id) and \(other.id) are both imported from \(identity)"))
        } else if !identity.isEmpty {
          identities[identity] = incident
        }
      }
      guard !incident.isStale else { continue }
      exported["stix:" + STIXIdentifiers.id("campaign", for: incident.id)] = incident
      exported["misp:event--" + MISPIdentifiers.value(incident.id).description.lowercased()] = incident
    }
    byIdentity = identities
    byExportIdentity = exported
    self.findings = findings
  }

  /// The incident `record` updates, if any.
  func match(_ record: IncidentRecord) -> DisarmObject? {
    byIdentity[record.identity] ?? byExportIdentity[record.identity]
  }

  /// Whether `record` is matched as this knowledge base's own export (no page records its identity).
  func isOwnExport(_ record: IncidentRecord) -> Bool {
    byIdentity[record.identity] == nil && byExportIdentity[record.identity] != nil
  }
}
