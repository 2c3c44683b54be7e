import Foundation

/// Keeps writes inside the folder they are meant for.
public enum SafePath {
  /// `folder/relative`, refusing absolute paths and any `..` component, so that no path taken from page content can
  /// lead outside `folder`.
  public static func resolve(_ relative: String, in folder: URL) throws(WriteError) -> URL {
    URL(fileURLWithPath: try resolvePath(relative, in: folder.path))
  }

  /// ``resolve(_:in:)`` for paths, without Foundation's URL (which is slow for thousands of pages).
  public static func resolvePath(_ relative: String, in folder: String) throws(WriteError) -> String {
    guard !relative.hasPrefix("/"), !relative.isEmpty, !hasParentComponentOrNUL(relative) else {
      throw WriteError(path: relative, reason: "refusing to write outside \(folder)")
    }
    return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
  }

  /// Whether a `/`-separated component of `path` is `..`, or `path` holds a NUL: read on the UTF-8 bytes, in one
  /// pass without making the components (an import checks 800 paths twice).
  package static func hasParentComponentOrNUL(_ path: String) -> Bool {
    var componentLength = 0
    var dots = 0
    for byte in path.utf8 {
      switch byte {
      case 0: return true
      case UInt8(ascii: "/"):
        if componentLength == 2 && dots == 2 { return true }
        componentLength = 0
        dots = 0
      default:
        componentLength += 1
        if byte == UInt8(ascii: ".") { dots += 1 }
      }
    }
    return componentLength == 2 && dots == 2
  }
}
