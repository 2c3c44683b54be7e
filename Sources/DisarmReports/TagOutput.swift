import DisarmDiagnostics
import DisarmFramework
import DisarmLint
import DisarmModel
import DisarmRegeneration

/// The findings of `disarm tag` in each of its formats: the text report, and evidence tables in Markdown, CSV,
/// JSON (its schema: docs/schema/tag.schema.json) and SARIF.
public enum TagOutput {
  /// The formats of the evidence.
  public enum Format: String, Sendable, CaseIterable {
    case text, markdown, csv, json, sarif
  }

  /// The rules of the SARIF log: a mention, a retired identifier, an identifier that does not exist.
  public static let rules: [RuleDescription] = [
    RuleDescription(
      category: .references, id: RuleID("report-mention"), severity: .note,
      summary: "A report mentions an object of the framework.",
      explanation:
        "Found by `disarm tag`: the object, how it was found (identifier, name or close match) and the sentence."),
    RuleDescription(
      category: .references, id: RuleID("report-retired-id"), severity: .warning,
      summary: "A report mentions a retired identifier.",
      explanation: "The identifier is in the knowledge base's retired-ID register; cite its replacement instead."),
    RuleDescription(
      category: .references, id: RuleID("report-unknown-id"), severity: .error,
      summary: "A report mentions an identifier that does not exist.",
      explanation: "No object has the identifier and it was never retired: a typing mistake, or another framework's."),
  ]

  /// One line per mention: `report.md:12:40: T0049.003 Bots Amplify… (identifier) — "…sentence…"`.
  public static func lines(_ mentions: [Mention], in report: ReportDocument, kb: KnowledgeBase) -> [String] {
    mentions.map { mention in
      "\(report.path):\(place(mention.place)): \(summary(mention, kb: kb)) — \"\(mention.sentence)\""
    }
  }

  /// `12:40`, or `paragraph 7` style places for Word and PDF.
  static func place(_ place: ReportDocument.Place) -> String {
    switch place {
    case .lineColumn(let line, let column): "\(line):\(column)"
    case .paragraph(let paragraph, let column): "¶\(paragraph):\(column)"
    case .page(let page, let line): "p\(page):\(line)"
    }
  }

  /// `T0049.003 Bots Amplify via Automated Forwarding and Reposting (identifier)`, with what is wrong, if anything.
  static func summary(_ mention: Mention, kb: KnowledgeBase) -> String {
    var text = mention.id.string + (mention.name.map { " \($0)" } ?? "") + " (\(how(mention.method)))"
    switch mention.status {
    case .current: break
    case .retired(let replacement):
      text += replacement.map { "; retired, replaced by \($0)\(kb[$0].map { " \($0.name)" } ?? "")" } ?? "; retired"
    case .unknown(let nearest):
      text += "; no such \(kb.words(mention.id.kind).singular)"
      if !nearest.isEmpty { text += " (nearest: \(nearest.map(\.string).joined(separator: ", ")))" }
    }
    if mention.nameAgrees == false, let written = mention.writtenName { text += "; written as '\(written)'" }
    return text
  }

  static func how(_ method: Mention.Method) -> String {
    switch method {
    case .identifier: "identifier"
    case .name: "name"
    case .fuzzy(let score): "fuzzy \(score)"
    }
  }

  static func status(_ status: Mention.Status) -> String {
    switch status {
    case .current: "current"
    case .retired: "retired"
    case .unknown: "unknown"
    }
  }

  /// A Markdown evidence table for each report.
  public static func markdown(_ reports: [(ReportDocument, [Mention])], kb: KnowledgeBase) -> String {
    var lines: [String] = []
    for (report, mentions) in reports {
      lines += [
        "## \(cell(report.path))", "", "| Place | Identifier | Name | Found by | Status | Sentence |",
        "| --- | --- | --- | --- | --- | --- |",
      ]
      for mention in mentions {
        lines.append(
          "| \(place(mention.place)) | \(mention.id) | \(cell(mention.name ?? "")) | \(how(mention.method)) | "
            + "\(cell(statusText(mention.status))) | \(cell(mention.sentence)) |")
      }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  static func statusText(_ status: Mention.Status) -> String {
    switch status {
    case .current: "current"
    case .retired(let replacement): replacement.map { "retired, replaced by \($0)" } ?? "retired"
    case .unknown(let nearest):
      nearest.isEmpty ? "unknown" : "unknown (nearest: \(nearest.map(\.string).joined(separator: ", ")))"
    }
  }

  /// Text safe in a Markdown table cell: `|` escaped, line breaks as spaces.
  static func cell(_ text: String) -> String {
    text.replacingAll("|", "\\|").replacingAll("\n", " ")
  }

  /// The CSV evidence table: one row per mention, every field neutralised against formula injection.
  public static func csv(_ reports: [(ReportDocument, [Mention])]) -> String {
    var rows = [
      "file,line,column,paragraph,page,identifier,name,found_by,score,status,replaced_by,nearest,written,sentence"
    ]
    for (report, mentions) in reports {
      for mention in mentions {
        var line = ""
        var column = ""
        var paragraph = ""
        var page = ""
        switch mention.place {
        case .lineColumn(let l, let c): (line, column) = (String(l), String(c))
        case .paragraph(let p, let c): (paragraph, column) = (String(p), String(c))
        case .page(let p, let l): (page, line) = (String(p), String(l))
        }
        var score = ""
        if case .fuzzy(let value) = mention.method { score = String(value) }
        var replacement = ""
        var nearest = ""
        switch mention.status {
        case .current: break
        case .retired(let by): replacement = by?.string ?? ""
        case .unknown(let ids): nearest = ids.map(\.string).joined(separator: " ")
        }
        let fields = [
          report.path, line, column, paragraph, page, mention.id.string, mention.name ?? "", mention.method.label,
          score,
          status(mention.status), replacement, nearest, mention.written, mention.sentence,
        ]
        rows.append(fields.map(CSVTable.field).joined(separator: ","))
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }

  /// The JSON evidence (schema: docs/schema/tag.schema.json).
  public static func json(_ reports: [(ReportDocument, [Mention])], kb: KnowledgeBase) -> JSONValue {
    .object([
      "framework": .string(kb.framework.name),
      "reports": .array(
        reports.map { report, mentions in
          .object([
            "file": .string(report.path), "format": .string(report.format.rawValue),
            "mentions": .array(mentions.map { mentionJSON($0, kb: kb) }),
          ])
        }),
    ])
  }

  static func mentionJSON(_ mention: Mention, kb: KnowledgeBase) -> JSONValue {
    var object: [String: JSONValue] = [
      "id": .string(mention.id.string), "kind": .string(kb.words(mention.id.kind).singular),
      "written": .string(mention.written), "found_by": .string(mention.method.label),
      "status": .string(status(mention.status)), "sentence": .string(mention.sentence),
      "start": .int(mention.range.lowerBound), "end": .int(mention.range.upperBound),
    ]
    if let name = mention.name { object["name"] = .string(name) }
    if case .fuzzy(let score) = mention.method { object["score"] = .number(score) }
    switch mention.place {
    case .lineColumn(let line, let column):
      object["line"] = .int(line)
      object["column"] = .int(column)
    case .paragraph(let paragraph, let column):
      object["paragraph"] = .int(paragraph)
      object["column"] = .int(column)
    case .page(let page, let line):
      object["page"] = .int(page)
      object["line"] = .int(line)
    }
    if let written = mention.writtenName {
      object["written_name"] = .string(written)
      if let agrees = mention.nameAgrees { object["name_agrees"] = .bool(agrees) }
    }
    switch mention.status {
    case .current: break
    case .retired(let replacement): if let replacement { object["replaced_by"] = .string(replacement.string) }
    case .unknown(let nearest): object["nearest"] = .array(nearest.map { .string($0.string) })
    }
    return .object(object)
  }

  /// Diagnostics for the SARIF log: each mention at its line and column (Word and PDF places at line 1 of the file,
  /// with the place in the message).
  public static func diagnostics(_ reports: [(ReportDocument, [Mention])], kb: KnowledgeBase) -> [Diagnostic] {
    reports.flatMap { report, mentions in
      mentions.map { mention in
        let (rule, severity): (String, Severity) =
          switch mention.status {
          case .current: ("report-mention", .note)
          case .retired: ("report-retired-id", .warning)
          case .unknown: ("report-unknown-id", .error)
          }
        var line = 1
        var column = 1
        var message = summary(mention, kb: kb) + ": \"\(mention.sentence)\""
        switch mention.place {
        case .lineColumn(let l, let c): (line, column) = (l, c)
        default: message = "\(mention.place): " + message
        }
        return Diagnostic(
          rule: RuleID(rule), severity: severity, file: report.path, line: line, column: column, message: message)
      }
    }
  }
}
