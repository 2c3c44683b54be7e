import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// An object page's first line, `# Technique T0151.008: Microblogging Platform`: the kind's heading word, the
/// identifier, and the name exactly as the page's heading writes it (trailing spaces kept).
enum HeadingLine {
  static func text(_ object: DisarmObject, page: ObjectPage, in kb: KnowledgeBase) -> String {
    let name = page.heading?.name?.text ?? object.name
    guard let word = kb.words(object.kind).heading else { return "# \(name)" }
    return "# \(word) \(object.id): \(name)"
  }
}
