import DisarmDiagnostics
import DisarmExports
import DisarmModel

/// Finds the technique of this knowledge base an incident's source names, in order of trust: a DISARM identifier
/// (retired ones replaced through `retired.yml`), the STIX id of an attack-pattern (the DISARM Foundation's
/// published bundles, `disarm export stix` of this knowledge base, bundles given with `--stix-ids`), and only then
/// the name (a warning). Whatever is not found is an error.
struct TechniqueResolver {
  let kb: KnowledgeBase
  /// STIX id → DISARM identifier as written, from every source of ids.
  let stixIDs: [String: String]
  /// Live techniques by their name folded (case and spacing ignored); nil for a name two techniques share.
  let byName: [String: DisarmID?]

  init(kb: KnowledgeBase, extraSTIXIDs: [String: String] = [:]) {
    self.kb = kb
    var ids = FoundationSTIXIdentifiers.techniques
    for technique in kb.objects(of: .technique) {
      ids[STIXIdentifiers.id("attack-pattern", for: technique.id)] = technique.id.string
    }
    ids.merge(extraSTIXIDs) { _, given in given }
    stixIDs = ids
    var names: [String: DisarmID?] = [:]
    for technique in kb.objects(of: .technique) where !technique.isStale {
      let key = Self.folded(technique.name)
      names[key] = names[key] == nil ? technique.id : .some(nil)
    }
    byName = names
  }

  /// `name` lower-cased with runs of white space as one space, trimmed: how two spellings of a name are compared.
  static func folded(_ name: String) -> String {
    name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
      .joined(separator: " ")
  }

  /// The technique `reference` names, or nil with an error; warnings for a retired identifier or a name.
  func resolve(_ reference: TechniqueReference, at place: InputPlace, findings: inout [Diagnostic]) -> DisarmID? {
    var written = reference.identifiers
    if let stixID = reference.stixID, let known = stixIDs[stixID] { written.append(known) }
    for text in written {
      guard let id = identifier(text) else { continue }
      return live(id, written: text, at: place, findings: &findings)
    }
    if let name = reference.name, let match = byName[Self.folded(name)] {
      if let match {
        findings.append(
          IncidentFindings.finding(
            IncidentFindings.techniqueByName, place,
            "technique '\(name)' has no DISARM identifier or known STIX id here; found by its name: \(match)"))
        return match
      }
      findings.append(
        IncidentFindings.finding(
          IncidentFindings.unknownTechnique, place,
          "technique '\(name)' has no DISARM identifier or known STIX id here, and several techniques have that name"))
      return nil
    }
    let tried =
      reference.identifiers.isEmpty
      ? (reference.stixID.map { "STIX id \($0) is not one of DISARM's or of --stix-ids" } ?? "nothing to find it by")
      : "\(reference.identifiers.joined(separator: ", ")) is not a technique identifier"
    findings.append(
      IncidentFindings.finding(
        IncidentFindings.unknownTechnique, place, "unknown technique \(reference.shown): \(tried)"))
    return nil
  }

  /// A technique identifier in `text` (`T0049.003`, ` t0049.003 `), whatever the case and spaces around it.
  func identifier(_ text: String) -> DisarmID? {
    let trimmed = text.trimmingWhitespace()
    guard let id = DisarmID(caseInsensitive: trimmed, in: kb.framework.identifiers), id.kind == .technique else {
      return nil
    }
    return id
  }

  /// `id` if it is a live technique, else its replacement in the register of retired identifiers.
  private func live(_ id: DisarmID, written: String, at place: InputPlace, findings: inout [Diagnostic]) -> DisarmID? {
    if let object = kb[id], !object.isStale { return id }
    if let entry = kb.register[id] {
      if let replacement = entry.replacedBy, let object = kb[replacement], !object.isStale {
        findings.append(
          IncidentFindings.finding(
            IncidentFindings.retiredTechnique, place,
            "\(id) is retired\(entry.retired.map { " (\($0))" } ?? ""); its replacement \(replacement) "
              + "(\(object.name)) is used"))
        return replacement
      }
      findings.append(
        IncidentFindings.finding(
          IncidentFindings.retiredTechnique, place, "\(id) is retired and retired.yml names no live replacement",
          severity: .error))
      return nil
    }
    let state = kb[id] == nil ? "no page and no entry in retired.yml" : "only a stale page (its index does not list it)"
    findings.append(
      IncidentFindings.finding(IncidentFindings.unknownTechnique, place, "unknown technique \(written): \(state)"))
    return nil
  }
}
