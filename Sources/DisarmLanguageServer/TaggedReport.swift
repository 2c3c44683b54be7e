import DisarmDiagnostics
import DisarmReports

/// A report as the server last tagged it: a Markdown file of the workspace that is not a page of a knowledge base,
/// its text (the editor's, when it is open), the knowledge base it is tagged against, and what `disarm tag`'s
/// ``Tagger`` found in it.
struct TaggedReport {
  let uri: String
  /// The text tagged, with its lines (positions are converted through it, in UTF-16 as for pages).
  let file: SourceFile
  /// The knowledge base the report is tagged against (see ``LanguageServer/knowledgeBase(forReport:)``).
  let workspace: Workspace
  /// The mentions, in order of place; none when the report is too large to tag.
  let mentions: [Mention]
  /// The largest report the editor tags (``Reports/largestTagged``), when this one is larger: then it has one
  /// diagnostic saying so, and no mentions.
  let exceededLimit: Int?
  /// The report's size in bytes.
  let size: Int

  /// The name written after a mention's identifier and its range, without the full stop, `!` or `?` that ends the
  /// sentence after it (the scanner's name runs to the line's end when the stop is the line's last character),
  /// unless the object's own name ends with it.
  func writtenName(of mention: Mention) -> (text: String, range: Range<Int>)? {
    guard var range = mention.writtenNameRange else { return nil }
    let bytes = file.bytes
    let own = mention.name?.utf8.last
    while range.count > 1, let last = range.last.map({ bytes[$0] }), last != own,
      last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
    {
      range = range.lowerBound..<(range.upperBound - 1)
    }
    return (String(decoding: bytes[range], as: UTF8.self), range)
  }

  /// The mention at byte `offset`: the one whose identifier or name holds it (its end included, where the cursor
  /// stands after typing it); an identifier before the name written after another one's (`… T0151.007: Chat
  /// Broadcast Group`, whose name hides an identifier).
  func mention(at offset: Int) -> Mention? {
    var found: Mention?
    for mention in mentions {
      if mention.range.lowerBound > offset { break }
      if mention.range.lowerBound <= offset && offset <= mention.range.upperBound { return mention }
      if let name = mention.writtenNameRange, name.lowerBound <= offset && offset <= name.upperBound {
        found = mention
      }
    }
    return found
  }
}
