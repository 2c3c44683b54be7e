/// One leaf block of a page's markdown, as libcmark found it, with its line span.
///
/// Only what the page reader needs is kept: the kind of block, whether it sits in a list item, and its
/// 1-based start and end positions (end inclusive, as libcmark reports them).
public struct MarkdownBlock: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case heading(level: Int)
    case paragraph
    case htmlBlock
    case codeBlock
    case thematicBreak
  }

  public var kind: Kind
  /// Whether the block is inside a list item (DISARM's `* **Label**: value` bullets).
  public var inListItem: Bool
  public var startLine: Int
  public var startColumn: Int
  public var endLine: Int
  public var endColumn: Int
}
