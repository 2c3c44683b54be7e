import DisarmDiagnostics
import DisarmExports
import DisarmModel
import DisarmParser

/// What `disarm show` prints about one object, in text, markdown or JSON.
public struct ObjectView: Sendable {
  /// The object shown; its page supplies the fields and notes the views print.
  public let object: DisarmObject
  /// Worked out once, when the view is made (``KnowledgeBase/relatedGroups(of:)``), and shared by all three views.
  public let groups: [RelatedGroup]
  /// Kept for the JSON view, which writes the object exactly as `disarm.json` does.
  public let kb: KnowledgeBase

  /// Gathers the related groups up front, so that each view only renders.
  public init(_ object: DisarmObject, in kb: KnowledgeBase) {
    self.object = object
    self.kb = kb
    self.groups = kb.relatedGroups(of: object.id)
  }

  /// `Technique T0151.008: Microblogging Platform`.
  public var title: String { "\(kb.words(object.kind).title) \(object.id): \(object.name)" }

  /// Fields other than the summary and those shown as relations.
  var otherFields: [Field] {
    let relational: Set<String> = [
      "summary", "tactic", "belongs to tactic stage", "belongs to phase", "parent technique", "metatechnique",
    ]
    return object.fields.filter { !relational.contains($0.key) }
  }

  /// Where the object's page is, as the user opens it: an upstream page under the upstream's folder.
  var shownPath: String {
    guard let upstream = kb.upstream, let shown = upstream.files[object.file] else { return object.file }
    return shown
  }

  /// For an extension, which tree the object comes from: `local` or `upstream` (the path says which upstream).
  var origin: String? {
    switch kb.origin(of: object.id) {
    case .local?: "local"
    case .upstream?: "upstream"
    case nil: nil
    }
  }

  /// The text view: title, path, summary, fields, relations, notes; wrapped to `width`.
  /// Descriptions are shortened to `descriptionLimit` characters unless it is nil.
  public func text(width: Int, style: ANSIStyle, descriptionLimit: Int? = 300) -> String {
    let wrapper = TextWrapper(width: width, style: style)
    var out: [String] = []
    out.append(style.bold(TerminalText.inert(title)) + (object.isStale ? " " + style.yellow("(stale page)") : ""))
    out.append(
      style.dim(TerminalText.inert(shownPath) + (object.page == nil ? ":\(object.line)" : ""))
        + (origin.map { " " + style.cyan("(\(TerminalText.inert($0)))") } ?? ""))
    if let summary = object.summary?.text, !summary.trimmingWhitespace().isEmpty {
      out.append("")
      out += wrapper.wrap(StyledText.markup(summary.trimmingWhitespace()), indent: "  ")
    }
    let fields = otherFields.filter { !$0.value.trimmed.isEmpty }
    let attributes = object.attributes.filter { !$0.value.isEmpty }
    if !fields.isEmpty || !attributes.isEmpty {
      out.append("")
      let labels = fields.map(\.label) + attributes.map(\.key)
      let labelWidth = min(24, (labels.map(\.count).max() ?? 0) + 1)
      for (label, value) in zip(labels, fields.map(\.value.trimmed) + attributes.map(\.value)) {
        let padded = (TerminalText.inert(label) + ":").padding(toLength: labelWidth + 1, withPad: " ", startingAt: 0)
        let lines = wrapper.wrap(StyledText.markup(value), indent: String(repeating: " ", count: labelWidth + 3))
        out.append("  " + style.bold(padded) + " " + lines[0].dropFirst(labelWidth + 3))
        out += lines.dropFirst()
      }
    }
    for group in groups {
      out.append("")
      out.append(style.bold("\(group.title) (\(group.entries.count))"))
      for entry in group.entries {
        var plain = entry.id.string + " " + TerminalText.inert(entry.name ?? "(no such object)")
        if let remark = entry.remark { plain += "  " + TerminalText.inert(remark) }
        var lines = wrapper.wrap(StyledText(runs: [.init(text: plain)]), indent: "  ")
        // Colour the identifier, which starts the first line.
        lines[0] = "  " + style.cyan(entry.id.string) + lines[0].dropFirst(2 + entry.id.string.count)
        out += lines
        if let description = entry.description?.trimmingWhitespace(), !description.isEmpty {
          var text = StyledText.markup(description)
          if let limit = descriptionLimit { text = text.shortened(to: limit) }
          out += wrapper.wrap(text, indent: "      ")
        }
      }
    }
    if let notes = object.page?.notes?.text.trimmingWhitespace(), !notes.isEmpty {
      out.append("")
      out.append(style.bold("Notes"))
      for line in notes.split(separator: "\n", omittingEmptySubsequences: false) {
        out += wrapper.wrap(StyledText(runs: [.init(text: TerminalText.inert(String(line)))]), indent: "  ")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// The markdown view.
  public func markdown() -> String {
    var out = "# \(title)\n\n`\(shownPath)`" + (origin.map { " (\($0))" } ?? "") + "\n"
    if let summary = object.summary?.text.trimmingWhitespace(), !summary.isEmpty { out += "\n\(summary)\n" }
    let fields = otherFields.filter { !$0.value.trimmed.isEmpty }
    if !fields.isEmpty || !object.attributes.isEmpty {
      out += "\n"
      for field in fields { out += "- **\(field.label)**: \(field.value.trimmed)\n" }
      for attribute in object.attributes where !attribute.value.isEmpty {
        out += "- **\(attribute.key)**: \(attribute.value)\n"
      }
    }
    for group in groups {
      out += "\n## \(group.title)\n\n"
      for entry in group.entries {
        out += "- \(entry.id) \(entry.name ?? "(no such object)")" + (entry.remark.map { " (\($0))" } ?? "") + "\n"
        if let description = entry.description?.trimmingWhitespace(), !description.isEmpty {
          out += "  \(description.replacingAll("\n", "\n  "))\n"
        }
      }
    }
    if let notes = object.page?.notes?.text.trimmingWhitespace(), !notes.isEmpty { out += "\n## Notes\n\n\(notes)\n" }
    return TerminalText.inertKeepingNewlines(out)
  }

  /// The JSON view: the object as in `disarm.json`, and its related objects with names.
  public func json() -> JSONValue {
    .object([
      "object": KnowledgeBaseJSON.object(object, in: kb),
      "related": .object(
        Dictionary(
          uniqueKeysWithValues: groups.map { group in
            (
              group.key,
              JSONValue.array(
                group.entries.map { entry in
                  var members: [String: JSONValue] = ["id": .string(entry.id.string), "name": .optional(entry.name)]
                  if let description = entry.description { members["description"] = .string(description) }
                  if let remark = entry.remark { members["remark"] = .string(remark) }
                  return .object(members)
                })
            )
          })),
    ])
  }
}

extension StyledText {
  /// At most `limit` characters, ending with `…` when cut.
  func shortened(to limit: Int) -> StyledText {
    var remaining = limit
    var runs: [Run] = []
    for run in self.runs {
      guard remaining > 0 else {
        runs.append(Run(text: "…"))
        return StyledText(runs: runs)
      }
      if run.text.count <= remaining {
        runs.append(run)
        remaining -= run.text.count
      } else {
        var cut = run
        cut.text = String(run.text.prefix(remaining)) + "…"
        runs.append(cut)
        return StyledText(runs: runs)
      }
    }
    return StyledText(runs: runs)
  }
}

extension TerminalText {
  /// Like ``inert(_:)`` but keeps line feeds, for multi-line documents.
  public static func inertKeepingNewlines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { inert(String($0)) }.joined(separator: "\n")
  }
}
