/// One leaf block of a page's markdown, as libcmark found it, with its line span.
///
/// Only what the page reader needs is kept: the kind of block, whether it sits in a list item, and its
/// 1-based start and end positions (end inclusive, as libcmark reports them).
public struct MarkdownBlock: Hashable, Sendable {
  /// The leaf blocks the page reader tells apart; libcmark's containers (lists, quotes) are looked into, not kept.
  public enum Kind: Hashable, Sendable {
    /// An ATX or setext heading; a level-1 one is the page heading.
    case heading(level: Int)
    /// A paragraph: where fields and pipe tables are found (plain libcmark has no tables).
    case paragraph
    /// Raw HTML, which libcmark leaves unparsed.
    case htmlBlock
    /// A fenced or indented code block.
    case codeBlock
    /// A `---`, `***` or `___` line.
    case thematicBreak
  }

  /// What libcmark made of the block.
  public var kind: Kind
  /// Whether the block is inside a list item (DISARM's `* **Label**: value` bullets).
  public var inListItem: Bool
  /// Line of the block's first character.
  public var startLine: Int
  /// Byte column of the block's first character, counted after a byte-order mark on line 1 (callers add it back).
  public var startColumn: Int
  /// Line of the block's last character.
  public var endLine: Int
  /// Byte column of the block's last character.
  public var endColumn: Int
}
