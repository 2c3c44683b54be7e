import DisarmDiagnostics

/// What `disarm search` prints for its hits: per hit, the identifier, the name and the field that matched, then the
/// snippet on one indented line; text from the pages is made inert.
public struct SearchResultsView: Sendable {
  /// The hits, best first, as ``SearchIndex/search(_:limit:)`` returns them.
  public let hits: [SearchIndex.Hit]

  /// Keeps the hits in their order.
  public init(_ hits: [SearchIndex.Hit]) { self.hits = hits }

  /// The text view, two lines per hit, each ending with a line feed.
  public func text(style: ANSIStyle) -> String {
    var output = ""
    for hit in hits {
      let name = style.bold(TerminalText.inert(hit.object.name))
      output += "\(style.cyan(hit.object.id.string))  \(name)  \(style.dim("[\(hit.field)]"))\n"
      output += "    \(TerminalText.inert(Self.oneLine(StyledText.markup(hit.snippet).plain)))\n"
    }
    return output
  }

  /// `text` with every line feed a space, scalar by scalar (a CR LF pair keeps its CR, which ``TerminalText/inert(_:)``
  /// then makes visible).
  static func oneLine(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.map { $0 == "\n" ? " " : $0 })
    return String(scalars)
  }
}
