import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// `heading-id-mismatch`: the heading names another identifier than the file name other pages link to.
public struct HeadingIDMismatchRule: PageRule {
  public static let description = RuleDescription(
    category: .structure,
    id: RuleID("heading-id-mismatch"), severity: .error,
    summary: "The identifier in a page's heading differs from its file name.",
    explanation: """
      The file name is the identifier other pages link to; the heading must repeat it exactly, with no extra spaces.
      In frameworks whose headings hold only the name (AMITT 2019), the identifier field (`* Id: T0007`) must.
      """)

  public static let examples = pair(
    "The heading says I00010 but the file is I00001.md.",
    ["incidents/I00001.md": Page.incident(headingID: "↓I00010")],
    "The heading repeats the file name's identifier.",
    ["incidents/I00001.md": Page.incident()])

  public static func check(page: ObjectPage, of object: DisarmObject?, in context: LintContext) -> [Diagnostic] {
    guard let object else { return [] }
    if let label = context.kb.framework.identifierField { return checkField(label, page: page, of: object) }
    guard let heading = page.heading else { return [] }
    let written = heading.identifier?.text ?? ""
    let range = heading.identifier?.range ?? heading.line.range
    if written.trimmingWhitespace().isEmpty {
      let name = heading.name?.trimmed ?? "Name"
      return [
        diagnostic(
          file: page.path, range: range,
          "heading has no identifier; write '# \(context.kb.words(page.kind).heading ?? "") \(object.id): \(name)'")
      ]
    }
    guard written != object.id.string else { return [] }
    return [
      diagnostic(
        file: page.path, range: range, "heading identifier '\(written)' differs from the file name '\(object.id).md'")
    ]
  }

  /// The identifier field (`* Id: T0007`) of a page, against its file name.
  static func checkField(_ label: String, page: ObjectPage, of object: DisarmObject) -> [Diagnostic] {
    let key = label.lowercased()
    guard let field = page.fields.first(where: { $0.key == key }) else {
      return [diagnostic(file: page.path, line: 1, column: 1, "page has no '* \(label): \(object.id)' field")]
    }
    let written = field.value.trimmed
    guard written != object.id.string else { return [] }
    return [
      diagnostic(
        file: page.path, range: field.value.range,
        "'\(label)' field '\(written)' differs from the file name '\(object.id).md'")
    ]
  }
}
