import DisarmDiagnostics
import DisarmModel

/// What `disarm show` prints for a retired identifier (an entry of `retired.yml`), in text, markdown or JSON. A
/// retired identifier is an answer, not a miss: what it was, when and why it went, and what replaced it.
public struct RetiredObjectView: Sendable {
  /// The register's entry for the identifier.
  public let entry: RetiredRegister.Entry
  /// The live object the entry names as its replacement, when the knowledge base has it.
  public let replacement: DisarmObject?
  /// The kind in the framework's own words (`technique`, `assessment`).
  public let kindName: String

  /// Looks up the kind's word once, so that each view only renders.
  public init(_ entry: RetiredRegister.Entry, replacement: DisarmObject?, in kb: KnowledgeBase) {
    self.entry = entry
    self.replacement = replacement
    self.kindName = kb.words(entry.id.kind).singular
  }

  /// `T0001 Old Name is a retired technique (retired in 2025-02-10)`, then the reason and the replacement, each on
  /// its own line; text from the register is made inert.
  var lines: [String] {
    var lines = ["\(entry.id) \(TerminalText.inert(entry.name ?? "")) is a retired \(kindName)"]
    lines[0] += entry.retired.map { " (retired in \(TerminalText.inert($0)))" } ?? ""
    if let reason = entry.reason { lines.append("Reason: \(TerminalText.inert(reason))") }
    if let target = entry.replacedBy {
      lines.append(
        "Replaced by \(target)" + (replacement.map { " \(TerminalText.inert($0.name)) (disarm show \(target))" } ?? ""))
    }
    return lines
  }

  /// The text view: one line each for what it was, the reason and the replacement.
  public func text() -> String { lines.joined(separator: "\n") + "\n" }

  /// The markdown view: the same lines as paragraphs.
  public func markdown() -> String { lines.map { $0 + "\n" }.joined(separator: "\n") }

  /// The JSON view: the identifier, its kind and name, and the register's `retired` facts.
  public func json() -> JSONValue {
    .object([
      "id": .string(entry.id.string), "kind": .string(kindName), "name": .optional(entry.name),
      "retired": .object([
        "when": .optional(entry.retired), "reason": .optional(entry.reason),
        "replacedBy": .optional(entry.replacedBy?.string),
      ]),
    ])
  }
}
