import DisarmFramework
import DisarmParser
import DisarmSupport
import Foundation

/// Which framework description a command reads a tree with when the user names none: the built-in one that fits
/// best (``FrameworkDetection``). A tree with no page folder of any framework at all (a new, empty knowledge base)
/// is read as DISARM 1.x; a tree whose pages fit no description is an error that says what each one expected.
public enum FrameworkChoice {
  /// The description to read the page folder `folder` with: the one `explicit` names (`--framework`: a built-in
  /// name or a path to a description file), else the one the `framework:` key of `.disarm.yml` (in the page folder
  /// or its parent) names, else the detected one.
  /// An extension (`extends:`) without a `framework:` key is read with the description its upstream's pages fit.
  public static func choose(
    pageFolder folder: URL, path: String, explicit: String?, upstream: UpstreamRelease? = nil
  ) throws(LoadError) -> FrameworkDescription {
    if let explicit { return try resolve(explicit, relativeTo: FileManager.default.currentDirectoryPath) }
    if let (value, configuration) = try configured(in: folder) {
      // The knowledge base's own setting: only a built-in name or a file inside its tree.
      let root = configuration.deletingLastPathComponent().path
      return try resolve(value, relativeTo: root, confinedTo: (root, configuration.path))
    }
    if let upstream { return try detect(pageFolder: upstream.pageFolder, path: upstream.setting.label) }
    return try detect(pageFolder: folder, path: path)
  }

  /// A built-in description by name, or a description file (a path, relative to `base` when not absolute).
  /// With `confinedTo` (the tree's root and the setting's file), a file that resolves outside the root is refused
  /// without being read: the setting comes from the knowledge base, which anyone may have written.
  public static func resolve(
    _ value: String, relativeTo base: String, confinedTo tree: (root: String, setting: String)? = nil
  ) throws(LoadError) -> FrameworkDescription {
    if let builtIn = BuiltInFrameworks.named(value) { return builtIn }
    let isPath = value.contains("/") || value.hasSuffix(".yml") || value.hasSuffix(".yaml")
    guard isPath else {
      throw .unknownFramework(BoundedYAML.inert(value, limit: 60), known: BuiltInFrameworks.all.map(\.name))
    }
    let file = value.hasPrefix("/") ? value : base + "/" + value
    if let tree, !TreeBoundary.contains(root: tree.root, file) {
      throw .outsideTree(setting: "framework", value: BoundedYAML.inert(value, limit: 60), file: tree.setting)
    }
    guard let data = FileManager.default.contents(atPath: file) else { throw .notFound(value) }
    do {
      return try FrameworkDescription.read(String(decoding: data, as: UTF8.self), path: value)
    } catch {
      throw .badDescription(error)
    }
  }

  /// The `framework:` value of the `.disarm.yml` in `folder` or its parent, with the file it came from. A
  /// `.disarm.yml` that is a link to a file outside its folder is refused, not read.
  static func configured(in folder: URL) throws(LoadError) -> (value: String, file: URL)? {
    guard let file = try configurationFile(in: folder), let data = FileManager.default.contents(atPath: file.path)
    else { return nil }
    // Only the one key is read here; the lint configuration reads and checks the rest of the file.
    if let value = FrameworkDescription.configuredName(inConfiguration: String(decoding: data, as: UTF8.self)) {
      return (value, file)
    }
    return nil
  }

  /// The knowledge base's `.disarm.yml`: in the page folder, else in its parent (a repository holding
  /// `generated_pages/`); nil when there is none. A link to a file outside its folder is refused, not read.
  public static func configurationFile(in folder: URL) throws(LoadError) -> URL? {
    for directory in [folder, folder.deletingLastPathComponent()] {
      let file = directory.appendingPathComponent(".disarm.yml")
      guard FileManager.default.fileExists(atPath: file.path) || TreeBoundary.isSymbolicLink(file.path) else {
        continue
      }
      guard TreeBoundary.contains(root: directory.path, file.path) else {
        throw .outsideTree(setting: ".disarm.yml", value: nil, file: file.path)
      }
      return file
    }
    return nil
  }

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
