/// A file or folder the loader found but could not use as a page. Reported by `unreadable-file`, `unexpected-file`
/// and `outside-tree`; an unreadable page makes every command exit 2, because its content is unknown.
public struct SkippedFile: Sendable, Hashable {
  /// Why the file could not be used; `unexpected-file` reports `notMarkdown`, `unreadable-file` the rest.
  public enum Reason: Sendable, Hashable {
    /// The page could not be read; the system's reason (`Permission denied`, `Is a directory`).
    case unreadablePage(String)
    /// A kind folder could not be listed; the system's reason.
    case unlistableFolder(String)
    /// A file in a kind folder that is not a `.md` page.
    case notMarkdown
    /// A page, kind folder or register that is a link resolving outside the knowledge base: not read (`outside-tree`).
    case outsideTree
  }

  /// Path relative to the page folder.
  public var path: String
  /// What went wrong, with the system's reason where there is one.
  public var reason: Reason
}
