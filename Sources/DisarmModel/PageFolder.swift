import DisarmFramework
import DisarmParser
import DisarmSupport
import Foundation

/// Finds the folder that holds the pages: the given folder, or its `generated_pages/` child.
public enum PageFolder {
  /// The page folder for `path`, or an error naming the path when it does not exist or is not a folder.
  public static func resolve(_ path: String) throws(LoadError) -> URL {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
    guard isDirectory.boolValue else { throw .notADirectory(path) }
    let url = URL(fileURLWithPath: path, isDirectory: true)
    let nested = url.appendingPathComponent("generated_pages", isDirectory: true)
    var nestedIsDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: nested.path, isDirectory: &nestedIsDirectory), nestedIsDirectory.boolValue
    {
      // The tree's own page folder: a link to a folder outside it is not read.
      guard TreeBoundary.contains(root: url.path, nested.path) else {
        throw .outsideTree(setting: "generated_pages", value: nil, file: nested.path)
      }
      return nested
    }
    return url
  }
}

/// Why a knowledge base could not be loaded at all.
public enum LoadError: Error, Equatable, CustomStringConvertible {
  /// Nothing exists at the path.
  case notFound(String)
  /// The path is a file, not the folder of pages the commands expect.
  case notADirectory(String)
  /// The folder could not be listed: its path, then the system's reason.
  case unreadable(String, String)
  /// The pages fit no framework description: the path, then for each description tried what it expected.
  case noFramework(String, tried: [String])
  /// `--framework` or `.disarm.yml` names no built-in description and no file.
  case unknownFramework(String, known: [String])
  /// The framework description file has a mistake.
  case badDescription(DescriptionError)
  /// The register of retired identifiers (`retired.yml`) has a mistake.
  case badRegister(DescriptionError)
  /// A setting of the knowledge base (`framework` in `.disarm.yml`, or the file itself) resolves outside the tree:
  /// refused without reading it. The value is already escaped and cut short.
  case outsideTree(setting: String, value: String?, file: String)
  /// The upstream knowledge base `extends:` names cannot be read: the whole message, with the file and line.
  case badUpstream(String)

  /// One line naming the path and what went wrong, for the command-line error message.
  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file or folder"
    case .notADirectory(let path): "\(path): not a folder (give the knowledge base's page folder)"
    case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
    case .unknownFramework(let name, let known):
      "no framework description '\(name)' (built-in: \(known.joined(separator: ", ")); or give a .yml file)"
    case .badDescription(let error), .badRegister(let error):
      error.line > 0
        ? "\(error.path):\(error.line):\(error.column): \(error.message)" : "\(error.path): \(error.message)"
    case .outsideTree(let setting, let value?, let file):
      "\(file): '\(setting): \(value)' names a file outside the knowledge base; only a built-in name or a file inside "
        + "the knowledge base is read"
    case .outsideTree(let setting, nil, let file):
      "\(file): \(setting) is a link to something outside the knowledge base; it is not read"
    case .badUpstream(let message): message
    case .noFramework(let path, let tried):
      "\(path): the pages fit no framework description (run 'disarm frameworks \(path)' for details); tried:\n"
        + tried.map { "  \($0)" }.joined(separator: "\n")
    }
  }
}
