import DisarmParser

/// Reports relations and references that point at nothing, and names written differently from the heading.
enum ResolutionCheck {
  static func diagnostics(relations: [Relation], claims: [NameClaim], objects: [DisarmID: DisarmObject]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Table rows are checked link by link (LinkCheck), which covers derived tables too.
    for relation in relations where !relation.isResolved && relation.origin != .tableRow {
      // Index-only kinds may be absent when the knowledge base has no index for them.
      let severity: Severity = relation.target.kind.hasPages ? .error : .warning
      var diagnostic = Rules.unresolvedLink.diagnostic(
        file: relation.file, at: relation.position,
        "\(relation.source) names \(relation.target.kind.headingWord.lowercased()) \(relation.target), which does not exist")
      diagnostic.severity = severity
      diagnostics.append(diagnostic)
    }
    for claim in claims {
      guard let object = objects[claim.target], !object.name.isEmpty, claim.written != object.name else { continue }
      diagnostics.append(
        Rules.nameMismatch.diagnostic(
          file: claim.file, at: claim.position, "\(claim.target) is written '\(claim.written)' but is named '\(object.name)'"))
    }
    return diagnostics
  }

  /// Whether text written after `ID: ` is meant as the object's name rather than a sentence that happens to follow a
  /// colon: not much longer than the name, or close to it. Keeps `name-mismatch` from crying wolf on prose.
  static func looksLikeName(_ written: String, of name: String) -> Bool {
    if written.count <= name.count + 12 { return true }
    return EditDistance.between(String(written.prefix(name.count + 12)).lowercased(), name.lowercased()) <= name.count / 3
  }

  static func diagnostics(references: [ResolvedReference], file: String, objects: [DisarmID: DisarmObject])
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    for reference in references {
      let position = reference.reference.code.range.start
      guard reference.isResolved, let id = reference.id, let object = objects[id] else {
        diagnostics.append(
          Rules.unresolvedReference.diagnostic(
            file: file, at: position, "\(reference.reference.code.text) is mentioned but no such object exists"))
        continue
      }
      if let written = reference.reference.name?.text, !object.name.isEmpty, !written.hasPrefix(object.name),
        looksLikeName(written, of: object.name)
      {
        diagnostics.append(
          Rules.nameMismatch.diagnostic(
            file: file, at: reference.reference.name!.range.start, "\(id) is written '\(written)' but is named '\(object.name)'"))
      }
    }
    return diagnostics
  }
}
