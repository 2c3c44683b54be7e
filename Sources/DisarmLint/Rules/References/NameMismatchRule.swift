import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `name-mismatch`: a place that writes an object's name next to its identifier (a link text, a field, an inline
/// `ID: Name`) with another name than the object's heading. The note points at the heading. Not fixable
/// mechanically: derived places are rewritten by `--fix` as `derived-out-of-date`, prose must be edited.
public struct NameMismatchRule: Rule {
  public static let description = RuleDescription(
    category: .references,
    id: RuleID("name-mismatch"), severity: .warning,
    summary: "A reference gives an object another name than its heading.",
    explanation: """
      Link texts, fields and inline `ID: Name` mentions repeat the object's name as its heading gives it. In derived \
      tables the name is rewritten by regeneration (`derived-out-of-date`, fixed by `--fix`); in fields and prose it \
      must be edited by hand.
      """, fixedByRegenerating: true)

  public static let examples = pair(
    "The technique's Tactic field misspells the tactic's name.",
    base(["techniques/T0001.md": Page.technique(tactic: "↓TA01 Plan Stratgy")]),
    "The field repeats the name as the tactic's heading gives it.",
    base())

  public static func check(_ context: LintContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let objects = context.kb.objects
    func report(_ id: DisarmID, written: String, file: String, at position: SourcePosition, range: SourceRange?) {
      let name = objects[id]?.name ?? ""
      let message = "\(id) is written '\(written)' but is named '\(name)'"
      let notes = context.headingNote(of: id, "\(id) is named '\(name)' here")
      if let range {
        diagnostics.append(diagnostic(file: file, range: range, message, notes: notes))
      } else {
        diagnostics.append(
          diagnostic(file: file, line: position.line, column: position.column, message, notes: notes))
      }
    }
    // Fields: `**Tactic**: TA07 Select Channels…`.
    for claim in context.kb.nameClaims {
      guard let object = objects[claim.target], !object.name.isEmpty, claim.written != object.name else { continue }
      report(claim.target, written: claim.written, file: claim.file, at: claim.position, range: nil)
    }
    // Prose: `T0151.004: Chat Platform`.
    for (file, reference) in context.proseReferences {
      guard reference.isResolved, let id = reference.id, let object = objects[id], !object.name.isEmpty,
        let written = reference.reference.name, !written.text.hasPrefix(object.name),
        looksLikeName(written.text, of: object.name)
      else { continue }
      report(id, written: written.text, file: file, at: written.range.start, range: written.range)
    }
    // Link texts: `[T0151.004 Chat Platform](…)`.
    for link in context.pageLinks {
      guard let id = link.target, link.targetExists, let target = objects[id], !target.name.isEmpty,
        !isExactly(link.link.text.utf8, id: id, name: target.name),
        let (written, rest) = context.kb.leadingID(in: link.link.text.text), written == id, !rest.isEmpty,
        rest != target.name.trimmingWhitespace()
      else { continue }
      report(id, written: rest, file: link.page, at: link.link.text.range.start, range: link.link.text.range)
    }
    return diagnostics
  }

  /// Whether a link text is exactly `ID Name`: nearly every link is, and telling so from the bytes saves decoding
  /// and splitting the text of every link of the knowledge base.
  static func isExactly(_ text: ArraySlice<UInt8>, id: DisarmID, name: String) -> Bool {
    // Compared through buffers: the strings' UTF-8 views read through the generic sequence methods byte by byte.
    var idString = id.string
    var nameString = name
    return idString.withUTF8 { idBytes in
      nameString.withUTF8 { nameBytes in
        guard text.count == idBytes.count + 1 + nameBytes.count else { return false }
        return text.withUnsafeBufferPointer { text in
          text[idBytes.count] == UInt8(ascii: " ")
            && UnsafeBufferPointer(rebasing: text[..<idBytes.count]).elementsEqual(idBytes)
            && UnsafeBufferPointer(rebasing: text[(idBytes.count + 1)...]).elementsEqual(nameBytes)
        }
      }
    }
  }

  /// Whether text written after `ID: ` is meant as the object's name rather than a sentence that happens to follow a
  /// colon: not much longer than the name, or close to it. Keeps the rule from crying wolf on prose.
  static func looksLikeName(_ written: String, of name: String) -> Bool {
    if written.count <= name.count + 12 { return true }
    return EditDistance.between(String(written.prefix(name.count + 12)).lowercased(), name.lowercased())
      <= name.count / 3
  }
}
