import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// An object page's first line, `# Technique T0151.008: Microblogging Platform`: the kind's heading word, the
/// identifier, and the name exactly as the page's heading writes it (trailing spaces kept).
enum HeadingLine {
  static func text(_ object: DisarmObject, page: ObjectPage) -> String {
    "# \(object.kind.headingWord) \(object.id): \(page.heading?.name?.text ?? object.name)"
  }
}
