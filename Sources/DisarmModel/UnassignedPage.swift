import DisarmParser

/// An object page that did not become an object: its file name is not an identifier of its folder's kind, or
/// another page already defines the identifier. The page is kept (its text is never lost) and reported by
/// `file-name-not-id`, `wrong-folder` or `duplicate-id`.
public struct UnassignedPage: Sendable {
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

  public let page: ObjectPage
  public let reason: Reason
}
