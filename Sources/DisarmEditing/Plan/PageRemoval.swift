/// A page a plan removes (`disarm import --prune`: a page of an object the spreadsheet no longer has).
public struct PageRemoval: Sendable, Equatable {
  /// Path relative to the page folder.
  public var path: String
  /// The bytes read: the page is removed only if it still holds exactly these.
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
