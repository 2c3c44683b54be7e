import Foundation

/// A file that could not be written.
public struct WriteError: Error, CustomStringConvertible {
  /// The file, or the folder that could not be created for it.
  public var path: String
  /// Why, in the system's words (`Permission denied`).
  public var reason: String
  /// `path: cannot write: reason`, for the command-line error message.
  public var description: String { "\(path): cannot write: \(reason)" }

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}
