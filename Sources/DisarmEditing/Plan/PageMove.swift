/// A page renamed: its file moves from one page-folder-relative path to another (an identifier renamed). Written as
/// the new page created and the old one removed, each compare-and-swapped; for an editor, a file rename.
public struct PageMove: Sendable, Equatable {
  public var from: String
  public var to: String

  public init(from: String, to: String) {
    self.from = from
    self.to = to
  }
}
