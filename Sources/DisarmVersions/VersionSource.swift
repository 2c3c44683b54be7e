import DisarmModel
import DisarmSupport
import Foundation

/// One side of a version comparison as the user names it: a folder holding a knowledge base, or a git revision
/// (`v1.5`, `HEAD~3`, a commit) of the repository that holds the current one.
public enum VersionSource {
  /// Why a version could not be loaded: the message names the folder or revision.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// Loads `argument`: the folder of that name if there is one, else the knowledge base at `current` as it was at
  /// the revision `argument` (read through git into a temporary folder, removed before returning). `framework`
  /// forces a framework description as `--framework` does.
  public static func load(_ argument: String, revisionOf current: String, framework: String? = nil)
    throws(Failure) -> KnowledgeBase
  {
    if FileManager.default.fileExists(atPath: argument) {
      do {
        return try KnowledgeBaseLoader.load(from: argument, framework: framework)
      } catch {
        throw Failure(description: error.description)
      }
    }
    let checkout: (root: URL, path: String)
    do {
      checkout = try GitRevision.checkout(argument, of: current)
    } catch {
      throw Failure(description: "'\(argument)' is not a folder, and as a git revision: \(error.description)")
    }
    defer { try? FileManager.default.removeItem(at: checkout.root) }
    do {
      return try KnowledgeBaseLoader.load(from: checkout.path, framework: framework)
    } catch {
      throw Failure(description: "\(argument): \(error.description)")
    }
  }
}
