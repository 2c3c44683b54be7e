import Foundation

/// Why a change to a knowledge base was refused before anything was written, in words the user can act on:
/// an option that does not apply, an unknown kind or parent, a name already taken, a page the change would break.
/// Commands print it once and exit 2. (A page that changed on disk while the command ran is not a refusal but a
/// conflict: ``PageSync/Conflict``, reported in the ``EditReport``.)
public struct EditRefusal: Error, Sendable, Equatable, CustomStringConvertible {
  /// The message, naming the file (and line) where there is one.
  public var description: String

  public init(_ description: String) { self.description = description }
}

extension EditRefusal {
  /// Refuses a request whose page folder is not an existing folder.
  static func requireFolder(_ folder: URL) throws(EditRefusal) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw EditRefusal("\(folder.path): no such folder")
    }
  }

  /// Runs `body`, turning any error it throws (a load or write error while planning) into a refusal with its
  /// message, so that planning code has one error type.
  public static func refusing<T>(_ body: () throws -> T) throws(EditRefusal) -> T {
    do {
      return try body()
    } catch let refusal as EditRefusal {
      throw refusal
    } catch {
      throw EditRefusal(String(describing: error))
    }
  }
}
