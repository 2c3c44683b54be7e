/// A MISP event (or MISP's `{"response": [...]}` export of several) carried to the new release. MISP names a DISARM
/// technique in three places: tags (`misp-galaxy:disarm-techniques="T0049.003 - Name"`, on the event and on
/// attributes), galaxy clusters (`value` "T0049.003 - Name", `tag_name`, `meta.external_id`), and nothing else that
/// this migration changes. Each is rewritten in place; a name is updated only where it is the old release's. Two tags
/// (or clusters) of one list that now name one technique are merged: the later one is removed. Cluster `uuid`s are
/// kept: MISP matches galaxy tags by their name, and the user's instance holds the uuids it has.
enum MISPMigration {
  static func migrate(_ bytes: [UInt8], _ event: JSONSpan, file: String, mapping: ReleaseMapping)
    -> MigrationResult.File
  {
    var state = State(file: file, mapping: mapping, edited: EditedBytes(bytes))
    state.walk(event, place: "", key: nil)
    return .init(
      path: file, format: .misp, original: bytes, edits: state.edited.edits, items: state.items,
      identifiers: state.identifiers, unchanged: state.unchanged)
  }

  private struct State {
    static let namingKeys: Set<String> = ["external_id", "value", "name", "tag_name"]
    static let galaxyPrefix = Array("misp-galaxy:".utf8)

    let file: String
    let mapping: ReleaseMapping
    var edited: EditedBytes
    var items: [MigrationItem] = []
    var identifiers = 0
    var unchanged = 0

    mutating func walk(_ span: JSONSpan, place: String, key: String?) {
      switch span.value {
      case .string(let content, _):
        // Only tags and the members that name clusters are read: an event's free text is never decoded.
        guard key.map(Self.namingKeys.contains) == true || span.source.bytes[content].starts(with: Self.galaxyPrefix),
          let text = span.string
        else { break }
        if let new = rewrite(text, place: place, key: key), new != text {
          edited.replace(span.range, with: jsonLiteral(new))
        }
      case .array(let elements):
        var seen: [String: Int] = [:]
        var removed: Set<Int> = []
        for (index, element) in elements.enumerated() {
          walk(element, place: place + "/\(index)", key: key)
          // Tags and clusters of one list that now name one technique: the later goes.
          guard key == "Tag" || key == "GalaxyCluster",
            let written = element["name"]?.string ?? element["value"]?.string
          else { continue }
          let now = rewritten(written)
          if let first = seen[now] {
            removed.insert(index)
            items.append(
              MigrationItem(
                file: file, place: place + "/\(index)", change: .merged, old: written, new: now,
                detail: "now the same as \(place)/\(first); removed"))
          } else {
            seen[now] = index
          }
        }
        edited.removeElements(removed, of: span)
      case .object(let members):
        for member in members { walk(member.value, place: place + "/" + pointerEscaped(member.key), key: member.key) }
      case .scalar, .skipped: break
      }
    }

    /// `text` as it reads in the new release, without recording anything (to compare tags after migration).
    func rewritten(_ text: String) -> String {
      var copy = State(file: file, mapping: mapping, edited: EditedBytes([]))
      return copy.rewrite(text, place: "", key: nil) ?? text
    }

    /// The new text of a string that names a framework object, nil for any other string.
    mutating func rewrite(_ text: String, place: String, key: String?) -> String? {
      if text.hasPrefix("misp-galaxy:"), let equals = text.range(of: "=\""), text.hasSuffix("\"") {
        let inner = String(text[equals.upperBound..<text.index(before: text.endIndex)])
        guard let new = rewriteValue(inner, place: place) else { return nil }
        return String(text[..<equals.upperBound]) + new + "\""
      }
      if let key, Self.namingKeys.contains(key) {
        return rewriteValue(text, place: place)
      }
      return nil
    }

    /// `ID - Name` or `ID` alone, rewritten; nil when `value` is neither.
    mutating func rewriteValue(_ value: String, place: String) -> String? {
      let code: String
      let name: String?
      if let dash = value.range(of: " - ") {
        code = String(value[..<dash.lowerBound])
        name = String(value[dash.upperBound...])
      } else {
        code = value
        name = nil
      }
      guard mapping.outcome(of: code) != nil else { return nil }
      let writtenName = name
      guard
        let rewrite = IdentifierRewrite(
          code: code, writtenName: writtenName, mapping: mapping, file: file, place: place)
      else { return nil }
      identifiers += 1
      if let item = rewrite.item { items.append(item) } else { unchanged += 1 }
      let newCode = rewrite.code ?? code
      guard let name else { return newCode }
      return newCode + " - " + (rewrite.name ?? name)
    }
  }
}

/// A JSON pointer's escaping of one key (RFC 6901).
func pointerEscaped(_ key: String) -> String {
  key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
}
