import DisarmDiagnostics
import DisarmModel
import DisarmParser
import Foundation

/// The pages `disarm lint PATHS…` reports on: the whole knowledge base is loaded (references resolve against all
/// of it), but only findings in these files, or under these folders, are shown. What a pre-commit hook needs.
public struct PageSelection: Sendable {
  /// Page-folder-relative paths of the selected files and folders.
  public private(set) var paths: Set<String> = []
  /// Selected paths that are folders: everything under them is selected.
  public private(set) var folders: Set<String> = []
  /// Given paths that are not inside the page folder (skipped).
  public private(set) var outside: [String] = []

  /// Resolves `paths` (as the user wrote them) against the page folder.
  public init(_ paths: [String], in folder: URL) throws(DisarmError) {
    for path in paths {
      guard let relative = KnowledgeBaseLocation.relative(path, to: folder) else {
        outside.append(path)
        continue
      }
      self.paths.insert(relative)
      if KnowledgeBaseLocation.isDirectory(folder.appendingPathComponent(relative).path) { folders.insert(relative) }
    }
    // A pre-commit hook passes every staged markdown file: those outside the knowledge base are skipped, but when
    // none is inside, the command was misused.
    if self.paths.isEmpty, let path = outside.first {
      throw .usage("\(path) is not inside the knowledge base \(folder.path)")
    }
  }

  /// Whether a finding is in a selected file or folder.
  public func contains(_ diagnostic: Diagnostic) -> Bool {
    paths.contains(diagnostic.file) || folders.contains { diagnostic.file.hasPrefix($0 + "/") }
  }
}
