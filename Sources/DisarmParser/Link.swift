/// A markdown inline link `[text](destination)` found in page text.
public struct Link: Hashable, Sendable {
  /// The link text between the brackets.
  public var text: SourceText
  /// The destination between the parentheses, as written.
  public var destination: SourceText
  /// The whole link, from `[` to `)`.
  public var range: SourceRange

  /// The identifier a DISARM link points at: the file name of `../../generated_pages/techniques/T0151.004.md`
  /// without `.md`, or nil for links that do not end in `.md`.
  public var targetFileStem: String? {
    let path = destination.text
    guard path.hasSuffix(".md") else { return nil }
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    return String(name.dropLast(3))
  }

  /// The folder the destination names just before the file (`techniques`), if any.
  public var targetFolder: String? {
    let parts = destination.text.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count >= 2 ? String(parts[parts.count - 2]) : nil
  }
}
