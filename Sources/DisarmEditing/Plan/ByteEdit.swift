/// One range of a page's bytes replaced: how a plan made of precise edits (the language server's) keeps them, so
/// that the editor is sent the edits themselves rather than whole pages.
public struct ByteEdit: Sendable, Equatable {
  /// The bytes replaced, in the text the plan replaces.
  public var range: Range<Int>
  /// The new bytes.
  public var replacement: [UInt8]

  public init(range: Range<Int>, replacement: [UInt8]) {
    self.range = range
    self.replacement = replacement
  }
}
