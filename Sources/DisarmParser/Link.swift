import DisarmDiagnostics

/// A markdown inline link `[text](destination)` found in page text.
public struct Link: Hashable, Sendable {
  /// The whole link, from `[` to `)`.
  public let whole: SourceText
  /// Where the text ends (the `]`) and the destination starts, counted from the link's start. The three parts are
  /// cut from ``whole`` when asked for: one source reference instead of three halves the memory of the links of a
  /// large knowledge base.
  private let textEnd: Int32
  private let destinationStart: Int32

  /// The link text between the brackets.
  public var text: SourceText {
    let start = whole.offsets.lowerBound
    return whole.slice((start + 1)..<(start + Int(textEnd)))
  }

  /// The destination between the parentheses, as written.
  public var destination: SourceText {
    let start = whole.offsets.lowerBound
    return whole.slice((start + Int(destinationStart))..<(whole.offsets.upperBound - 1))
  }
  /// The identifier a DISARM link points at: the file name of `../../generated_pages/techniques/T0151.004.md`
  /// without `.md`, or nil for links that do not end in `.md`. Worked out when asked for, not stored: a large
  /// knowledge base holds hundreds of thousands of links.
  public var targetFileStem: String? {
    let bytes = destination.utf8
    let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? bytes.startIndex
    let end = bytes.endIndex
    guard end - nameStart >= 3, bytes[end - 3] == UInt8(ascii: "."), bytes[end - 2] == UInt8(ascii: "m"),
      bytes[end - 1] == UInt8(ascii: "d")
    else { return nil }
    return String(decoding: bytes[nameStart..<(bytes.endIndex - 3)], as: UTF8.self)
  }

  /// The folder the destination names just before the file (`techniques`), if any.
  public var targetFolder: String? {
    let bytes = destination.utf8
    guard let lastSlash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
    let folderStart = (bytes[..<lastSlash].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? bytes.startIndex
    return String(decoding: bytes[folderStart..<lastSlash], as: UTF8.self)
  }

  /// `whole` runs from `[` to `)`; the text ends at `textEnd` (its `]`) and the destination starts two bytes later.
  /// A link longer than 2 GiB cannot occur: the scanner stops at a line break inside the destination.
  init(whole: SourceText, textEnd: Int) {
    self.whole = whole
    self.textEnd = Int32(clamping: textEnd - whole.offsets.lowerBound)
    self.destinationStart = Int32(clamping: textEnd + 2 - whole.offsets.lowerBound)
  }

  /// The whole link's range.
  public var range: SourceRange { whole.range }
}
