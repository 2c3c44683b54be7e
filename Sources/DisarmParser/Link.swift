/// A markdown inline link `[text](destination)` found in page text.
public struct Link: Hashable, Sendable {
  /// The link text between the brackets.
  public let text: SourceText
  /// The destination between the parentheses, as written.
  public let destination: SourceText
  /// The whole link, from `[` to `)`.
  public let whole: SourceText
  /// The identifier a DISARM link points at: the file name of `../../generated_pages/techniques/T0151.004.md`
  /// without `.md`, or nil for links that do not end in `.md`. Read once when the link is found.
  public let targetFileStem: String?
  /// The folder the destination names just before the file (`techniques`), if any.
  public let targetFolder: String?

  init(text: SourceText, destination: SourceText, whole: SourceText) {
    self.text = text
    self.destination = destination
    self.whole = whole
    let bytes = destination.utf8
    var lastSlash: Int?
    var previousSlash: Int?
    for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
      previousSlash = lastSlash
      lastSlash = index
    }
    let nameStart = lastSlash.map { $0 + 1 } ?? bytes.startIndex
    let suffix = Array(".md".utf8)
    if bytes.count - (nameStart - bytes.startIndex) >= suffix.count, bytes.suffix(3).elementsEqual(suffix) {
      targetFileStem = String(decoding: bytes[nameStart..<(bytes.endIndex - 3)], as: UTF8.self)
    } else {
      targetFileStem = nil
    }
    if let lastSlash {
      let folderStart = previousSlash.map { $0 + 1 } ?? bytes.startIndex
      targetFolder = String(decoding: bytes[folderStart..<lastSlash], as: UTF8.self)
    } else {
      targetFolder = nil
    }
  }

  /// The whole link's range.
  public var range: SourceRange { whole.range }
}
