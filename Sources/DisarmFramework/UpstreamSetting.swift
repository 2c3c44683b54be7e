import DisarmDiagnostics
import Yams

/// The `extends:` key of `.disarm.yml`: the upstream knowledge base a local one rides on. A team that extends DISARM
/// with its own techniques and incidents keeps only those pages; the upstream release is read beside them, never
/// copied into them, so that moving to the next release is a one-line change (`disarm upstream update`).
///
/// ```yaml
/// extends: upstream/disarm-2024-11-22          # a folder inside the knowledge base (a vendored copy, a submodule)
/// ```
/// ```yaml
/// extends:
///   repository: vendor/DISARMframeworks         # a git work tree inside the knowledge base
///   revision: v1.6                              # the commit, tag or branch whose pages are read
///   path: generated_pages                       # the page folder inside it (default: its root)
/// ```
public struct UpstreamSetting: Sendable, Equatable {
  /// Where the upstream pages are.
  public enum Source: Sendable, Equatable {
    /// A folder, relative to the configuration file's folder.
    case folder(String)
    /// A git repository (relative to the configuration file's folder) at a revision; `path` is the page folder
    /// inside the repository ("" for its root).
    case repository(String, revision: String, path: String)
  }

  public var source: Source
  /// Where the value naming the release (the folder, or the revision) is written in the configuration file: its
  /// byte range, so that `disarm upstream update` replaces exactly it and keeps every other byte of the file.
  public var releaseValue: Range<Int>
  /// 1-based line of that value, for messages.
  public var line: Int

  public init(source: Source, releaseValue: Range<Int>, line: Int) {
    self.source = source
    self.releaseValue = releaseValue
    self.line = line
  }

  /// The release as the configuration names it: the folder, or the revision.
  public var release: String {
    switch source {
    case .folder(let folder): folder
    case .repository(_, let revision, _): revision
    }
  }

  /// How output names the upstream: the folder, or `repository@revision`.
  public var label: String {
    switch source {
    case .folder(let folder): folder
    case .repository(let repository, let revision, _): "\(repository)@\(revision)"
    }
  }

  /// The `extends:` setting of a configuration file's text (nil when it has none), or the mistake with its line.
  public static func read(configuration text: String, path: String) throws(DescriptionError) -> UpstreamSetting? {
    guard let root = try BoundedYAML.compose(text, path: path), let mapping = root.mapping,
      let node = mapping["extends"]
    else { return nil }
    let bytes = Array(text.utf8)
    if let scalar = node.scalar {
      let folder = try checkedValue(scalar.string, key: "extends", node: node, path: path)
      return UpstreamSetting(
        source: .folder(folder), releaseValue: try valueRange(of: node, in: bytes, path: path), line: line(node))
    }
    guard let members = node.mapping else {
      throw Mapping.error(
        path: path, at: node.mark, "'extends' must name a folder, or be a mapping with 'repository' and 'revision'")
    }
    for key in members.keys {
      guard let name = key.scalar?.string, ["repository", "revision", "path"].contains(name) else {
        throw Mapping.error(
          path: path, at: key.mark,
          "unknown key '\(BoundedYAML.inert(key.scalar?.string ?? "?", limit: 40))' in 'extends' "
            + "(expected 'repository', 'revision' and 'path')")
      }
    }
    guard let repositoryNode = members["repository"], let repository = repositoryNode.scalar?.string else {
      throw Mapping.error(path: path, at: node.mark, "'extends' needs 'repository': the git work tree to read")
    }
    guard let revisionNode = members["revision"], let revision = revisionNode.scalar?.string else {
      throw Mapping.error(path: path, at: node.mark, "'extends' needs 'revision': the commit, tag or branch to read")
    }
    let pagesPath = try members["path"].map { pathNode throws(DescriptionError) in
      try checkedValue(pathNode.scalar?.string ?? "", key: "path", node: pathNode, path: path)
    }
    return UpstreamSetting(
      source: .repository(
        try checkedValue(repository, key: "repository", node: repositoryNode, path: path),
        revision: try checkedRevision(revision, node: revisionNode, path: path), path: pagesPath ?? ""),
      releaseValue: try valueRange(of: revisionNode, in: bytes, path: path), line: line(revisionNode))
  }

  /// A folder or path value: non-empty text without control characters, of a bounded length.
  static func checkedValue(_ value: String, key: String, node: Node, path: String) throws(DescriptionError) -> String {
    guard !value.isEmpty, value.utf8.count <= 1024, !value.unicodeScalars.contains(where: { $0.value < 0x20 })
    else {
      throw Mapping.error(path: path, at: node.mark, "'\(key)' must be a path (one line of text)")
    }
    return value
  }

  /// A revision git may be given: not an option (`--output=…` would be read as one), no spaces or control characters.
  public static func checkedRevision(_ value: String, node: Node? = nil, path: String) throws(DescriptionError)
    -> String
  {
    guard isRevision(value) else {
      throw Mapping.error(
        path: path, at: node?.mark,
        "'\(BoundedYAML.inert(value, limit: 40))' is not a git revision (a commit, tag or branch name)")
    }
    return value
  }

  /// Whether `value` can only be read by git as a revision: not empty, not starting with `-`, no whitespace or
  /// control characters, bounded.
  public static func isRevision(_ value: String) -> Bool {
    !value.isEmpty && !value.hasPrefix("-") && value.utf8.count <= 256
      && !value.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
  }

  private static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

  /// The offset of the quote that closes the quoted scalar opening at `start`, on the same line: `''` inside single
  /// quotes and a backslash escape inside double quotes do not close it.
  static func closingQuote(in bytes: [UInt8], from start: Int) -> Int? {
    let quote = bytes[start]
    var index = start + 1
    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
      if quote == UInt8(ascii: "\""), bytes[index] == UInt8(ascii: "\\") {
        // An escaped line break continues the value on the next line: not one line.
        guard index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") else { return nil }
        index += 2
        continue
      }
      if bytes[index] == quote {
        if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
          index += 2
          continue
        }
        return index
      }
      index += 1
    }
    return nil
  }

  /// The bytes a scalar's value occupies in `bytes`, quotes included, from its mark (libyaml's 1-based line and
  /// column in characters). Only single-line values can be rewritten in place; others are refused with a message
  /// saying how to write them.
  static func valueRange(of node: Node, in bytes: [UInt8], path: String) throws(DescriptionError) -> Range<Int> {
    guard let mark = node.mark, let scalar = node.scalar else {
      throw Mapping.error(path: path, at: node.mark, "the value must be one line of text")
    }
    var offset = 0
    var line = 1
    while line < mark.line, offset < bytes.count {
      if bytes[offset] == UInt8(ascii: "\n") { line += 1 }
      offset += 1
    }
    let lineText = String(decoding: bytes[offset...].prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    let before = lineText.unicodeScalars.prefix(max(mark.column - 1, 0))
    let start = offset + String(String.UnicodeScalarView(before)).utf8.count
    guard start < bytes.count else {
      throw Mapping.error(path: path, at: node.mark, "write this value on one line, plainly or in quotes")
    }
    let end: Int
    switch scalar.style {
    case .plain:
      end = start + scalar.string.utf8.count
      guard end <= bytes.count, Array(bytes[start..<end]) == Array(scalar.string.utf8) else {
        throw Mapping.error(path: path, at: node.mark, "write this value on one line, plainly or in quotes")
      }
    case .singleQuoted, .doubleQuoted:
      guard let closing = closingQuote(in: bytes, from: start) else {
        throw Mapping.error(path: path, at: node.mark, "write this value on one line, plainly or in quotes")
      }
      end = closing + 1
    default:
      throw Mapping.error(path: path, at: node.mark, "write this value on one line, plainly or in quotes")
    }
    return start..<end
  }
}
