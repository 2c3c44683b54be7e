import DisarmParser

/// An object page that did not become an object: its file name is not an identifier of its folder's kind, or
/// another page already defines the identifier. The page is kept (its text is never lost) and reported by
/// `file-name-not-id`, `wrong-folder` or `duplicate-id`.
public struct UnassignedPage: Sendable {
  /// Why the page did not become an object; each case is reported by one rule.
  public enum Reason: Sendable, Hashable {
    /// The file name is not an identifier of the folder's kind (`incidents/.md`).
    case notAnIdentifier
    /// The file name is an identifier of another kind (`counters/I00001.md`).
    case wrongFolder(DisarmID)
    /// The file name is an identifier written with other case or spaces (`T0039 .md`), which `definedBy` defines.
    case variantSpelling(DisarmID, definedBy: String)
    /// Another page, `definedBy`, already defines the identifier.
    case duplicate(DisarmID, definedBy: String)
  }

  /// The page as parsed, kept whole so that its text is still checked and never lost.
  public let page: ObjectPage
  /// `file-name-not-id` reports `notAnIdentifier`, `wrong-folder` `wrongFolder`, `duplicate-id` the other two.
  public let reason: Reason
}
