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
    let components = relative.split(separator: "/", omittingEmptySubsequences: false)
    guard !relative.hasPrefix("/"), !relative.isEmpty, !components.contains(".."), !relative.contains("\0") else {
      throw WriteError(path: relative, reason: "refusing to write outside \(folder)")
    }
    return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
  }
}
