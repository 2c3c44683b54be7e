import DisarmParser
import Foundation

/// Which framework description a command reads a tree with when the user names none: the built-in one that fits
/// best (``FrameworkDetection``). A tree with no page folder of any framework at all (a new, empty knowledge base)
/// is read as DISARM 1.x; a tree whose pages fit no description is an error that says what each one expected.
public enum FrameworkChoice {
  /// The description for the page folder `folder` (`path` as the user gave it, for the message).
  public static func detect(pageFolder folder: URL, path: String) throws(LoadError) -> FrameworkDescription {
    let matches = FrameworkDetection.matches(pageFolder: folder.path)
    if let best = matches.first(where: \.fits) { return best.description }
    // No sampled page in any description's shape (a damaged tree, or pages without headings yet): read it with the
    // description whose folders it has, so that every page's problem is reported rather than none.
    let byFolders = matches.filter { $0.presentFolders > 0 && !$0.isRuledOut }
    if let most = byFolders.map(\.presentFolders).max() {
      let candidates = byFolders.filter { $0.presentFolders == most }
      return (candidates.first { $0.description.name == BuiltInFrameworks.standard.name } ?? candidates[0])
        .description
    }
    // Nothing to tell from: an empty knowledge base.
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    guard entries.contains(where: { $0.hasSuffix(".md") }) else { return BuiltInFrameworks.standard }
    let tried = matches.map { match in
      "\(match.description.name): " + (match.misses.first ?? "no page in its shape")
    }
    throw .noFramework(path, tried: tried)
  }
}
