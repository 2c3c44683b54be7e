import Foundation

/// A STIX 2.1 bundle carried to the new release: every attack pattern, tactic and course of action that carries a
/// DISARM identifier (in `x_mitre_id` or an external reference's `external_id`, under any source name) gets the new
/// identifier (and the page address in that reference), its name when it still had the old release's, its
/// kill-chain phase when its tactic moved or was renamed, and `x_mitre_is_subtechnique` when that changed. Objects'
/// STIX ids are kept, so every relationship and report that refers to them still does. Two objects that now stand
/// for one technique are merged: every reference to the second is pointed at the first and the second is removed.
enum STIXMigration {
  /// The members a bundle's migration reads: the rest of a bundle is checked but not built.
  static let readKeys: Set<String> = [
    "objects", "type", "id", "name", "x_mitre_id", "external_references", "external_id", "url", "source_name",
    "kill_chain_phases", "phase_name", "kill_chain_name", "x_mitre_is_subtechnique", "x_mitre_shortname",
  ]

  /// The object types whose identifiers are framework objects.
  static let migratedTypes: Set<String> = ["attack-pattern", "x-mitre-tactic", "course-of-action"]

  /// The objects of the bundle a migration looks at, by index in its `objects`, with their type: those of the
  /// ``migratedTypes``. Found while the releases load (``FileMigration/read(_:)``): a 10,000-incident bundle has
  /// 60,000 objects and 300 of them are attack patterns, and going through all of them was most of the migration.
  static func migratedObjects(of bundle: JSONSpan) -> [(index: Int, type: String)] {
    guard let objects = bundle["objects"] else { return [] }
    let types = migratedTypes.sorted().map { (name: $0, bytes: Array($0.utf8)) }
    let typeKey = Array("type".utf8)
    var found: [(index: Int, type: String)] = []
    // Each object's first `type` member compared on the bytes where they lie (the objects and members read in place:
    // a copy of each counted references to every array inside it); a key or value with escapes is decoded.
    objects.source.bytes.withUnsafeBufferPointer { source in
      func equal(_ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        range.count == bytes.count && memcmp(source.baseAddress! + range.lowerBound, bytes, bytes.count) == 0
      }
      objects.elements.withUnsafeBufferPointer { objects in
        for index in objects.indices {
          guard case .object(let members) = objects[index].value else { continue }
          members.withUnsafeBufferPointer { members in
            guard
              let member = members.firstIndex(where: {
                $0.keyEscaped ? $0.key == "type" : equal($0.keyText, typeKey)
              })
            else { return }
            let value = members[member].value
            guard case .string(let range, let escaped) = value.value else { return }
            let type = types.first { escaped ? value.isString($0.name) : equal(range, $0.bytes) }
            if let type { found.append((index, type.name)) }
          }
        }
      }
    }
    return found
  }

  static func migrate(
    _ bytes: [UInt8], _ bundle: JSONSpan, file: String, mapping: ReleaseMapping,
    objectsOfMigratedTypes: [(index: Int, type: String)]? = nil
  ) -> MigrationResult.File {
    var edited = EditedBytes(bytes)
    var items: [MigrationItem] = []
    var identifiers = 0
    var unchanged = 0
    let objects = bundle["objects"]?.elements ?? []
    var landed: [String: (index: Int, stixID: String)] = [:]
    var mergedInto: [Int: String] = [:]
    let oldTacticByShortName = Dictionary(
      mapping.oldShortNames.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
    for (index, type) in objectsOfMigratedTypes ?? migratedObjects(of: bundle) {
      let object = objects[index]
      let place = "/objects/\(index)"
      var codeSpans: [(JSONSpan, String)] = []
      if let span = object["x_mitre_id"], span.string != nil { codeSpans.append((span, place + "/x_mitre_id")) }
      var references: [(Int, JSONSpan)] = []
      for (number, reference) in (object["external_references"]?.elements ?? []).enumerated() {
        guard let span = reference["external_id"], let code = span.string, mapping.outcome(of: code) != nil else {
          continue
        }
        codeSpans.append((span, place + "/external_references/\(number)/external_id"))
        references.append((number, reference))
      }
      guard let code = codeSpans.first?.0.string, mapping.outcome(of: code) != nil else { continue }
      identifiers += 1
      let writtenName = object["name"]?.string
      guard
        let rewrite = IdentifierRewrite(
          code: code, writtenName: writtenName, mapping: mapping, file: file, place: codeSpans[0].1,
          listsUnwrittenRenames: true)
      else { continue }
      if let item = rewrite.item { items.append(item) }
      var changed = rewrite.item != nil
      if let new = rewrite.code {
        for (span, _) in codeSpans where span.string == code { edited.replace(span.range, with: jsonLiteral(new)) }
        for (_, reference) in references {
          if let url = reference["url"], let text = url.string, text.contains(code) {
            edited.replace(url.range, with: jsonLiteral(text.replacingOccurrences(of: code, with: new)))
          }
        }
      }
      if let newName = rewrite.name, let span = object["name"] {
        edited.replace(span.range, with: jsonLiteral(newName))
      }
      if let target = rewrite.target {
        if type == "attack-pattern", let flag = object["x_mitre_is_subtechnique"], case .scalar = flag.value {
          edited.replace(flag.range, with: Array((target.id.parentTechnique != nil ? "true" : "false").utf8))
        }
        if type == "x-mitre-tactic", let span = object["x_mitre_shortname"], let written = span.string,
          let shortName = mapping.newShortName(of: target.id), written != shortName
        {
          edited.replace(span.range, with: jsonLiteral(shortName))
          changed = true
        }
        for (number, phase) in (object["kill_chain_phases"]?.elements ?? []).enumerated() {
          guard let span = phase["phase_name"], let written = span.string, mapping.isOldTacticShortName(written),
            let shortName = target.tacticShortName, written != shortName
          else { continue }
          edited.replace(span.range, with: jsonLiteral(shortName))
          let oldTactic = oldTacticByShortName[written]
          let renamedTactic = oldTactic != nil && oldTactic == target.tactic
          items.append(
            MigrationItem(
              file: file, place: place + "/kill_chain_phases/\(number)/phase_name",
              change: renamedTactic ? .renamed : .moved, old: renamedTactic ? oldTactic!.string : code,
              new: renamedTactic ? oldTactic!.string : target.id.string,
              detail: "kill-chain phase '\(written)' is now '\(shortName)'"
                + (renamedTactic ? " (the tactic was renamed)" : "")))
          changed = true
        }
        let key = type + "\u{0}" + target.id.string
        if let first = landed[key], changed || rewrite.code != nil, let stixID = object["id"]?.string {
          mergedInto[index] = first.stixID
          items.append(
            MigrationItem(
              file: file, place: place, change: .merged, old: code, new: target.id.string,
              detail: "\(stixID) now stands for \(target.id), as \(first.stixID) does: its references now point "
                + "to \(first.stixID) and it is removed"))
          continue
        } else if landed[key] == nil, let stixID = object["id"]?.string {
          landed[key] = (index, stixID)
        }
      }
      if !changed { unchanged += 1 }
    }
    // Redirecting references reads every string of every object: the bundle is read again whole for it (merges
    // are rare; the ranges are the same).
    if !mergedInto.isEmpty, let whole = try? JSONSpan.read(bytes, limits: MigrationBounds.json),
      let array = whole.root["objects"]
    {
      let objects = array.elements
      var redirect: [String: String] = [:]
      for (index, first) in mergedInto { if let id = objects[index]["id"]?.string { redirect[id] = first } }
      edited.removeElements(Set(mergedInto.keys), of: array)
      for (index, object) in objects.enumerated() where mergedInto[index] == nil {
        redirectReferences(in: object, redirect, edited: &edited)
      }
      withExtendedLifetime(whole) {}
    }
    return .init(
      path: file, format: .stix, original: bytes, edits: edited.edits, items: items, identifiers: identifiers,
      unchanged: unchanged)
  }

  /// Every string in `span` (but the object's own `id`) that is a redirected STIX id, pointed at its new object.
  private static func redirectReferences(
    in span: JSONSpan, _ redirect: [String: String], edited: inout EditedBytes, isTop: Bool = true
  ) {
    switch span.value {
    case .string:
      if let text = span.string, let to = redirect[text] { edited.replace(span.range, with: jsonLiteral(to)) }
    case .array(let elements):
      for element in elements { redirectReferences(in: element, redirect, edited: &edited, isTop: false) }
    case .object(let members):
      for member in members where !(isTop && member.key == "id") {
        redirectReferences(in: member.value, redirect, edited: &edited, isTop: false)
      }
    case .scalar, .skipped: break
    }
  }
}
