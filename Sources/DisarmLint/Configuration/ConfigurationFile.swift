import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmSupport
import Foundation
import Yams

/// Reads `.disarm.yml` from a knowledge base:
///
/// ```yaml
/// rules:
///   name-mismatch: off        # off | note | warning | error
///   stale-page: error
/// exclude:
///   - "techniques/T0039 .md"
///   - "incidents/I001*.md"
/// ```
public enum ConfigurationFile {
  /// The file looked for in the page folder, then in its parent (a repository root holding `generated_pages/`).
  public static let name = ".disarm.yml"

  /// The configuration at `url`, or the default when the file does not exist. Read through ``BoundedYAML`` (size,
  /// aliases, depth); messages quote keys and values only as short, escaped excerpts.
  public static func load(_ url: URL) throws(ConfigurationError) -> LintConfiguration {
    guard let data = FileManager.default.contents(atPath: url.path) else { return LintConfiguration() }
    let text = String(decoding: data, as: UTF8.self)
    let root: Node?
    do {
      root = try BoundedYAML.compose(text, path: url.path)
    } catch {
      // `path:line:column: message`, the form editors and terminals link to the place.
      throw ConfigurationError(
        path: error.line > 0 ? "\(url.path):\(error.line):\(error.column)" : url.path, message: error.message)
    }
    guard let root else { return LintConfiguration() }
    guard let mapping = root.mapping else {
      throw ConfigurationError(path: url.path, message: "the top level must be a mapping with 'rules' and 'exclude'")
    }
    var configuration = LintConfiguration()
    for key in mapping.keys {
      guard let name = key.scalar?.string, ["rules", "exclude", "framework", "extends"].contains(name) else {
        throw ConfigurationError(
          path: url.path,
          message: "unknown key '\(quoted(key))' (expected 'rules', 'exclude', 'framework' or 'extends')")
      }
    }
    // `framework` names the framework description; the loader reads it (FrameworkChoice), the linter only allows it.
    if let framework = mapping["framework"], framework.scalar == nil {
      throw ConfigurationError(path: url.path, message: "'framework' must name a framework description or a .yml file")
    }
    if let rules = mapping["rules"] { configuration.rules = try levels(rules, path: url.path) }
    if let exclude = mapping["exclude"] {
      guard let patterns = exclude.sequence?.map({ $0.scalar?.string }), !patterns.contains(nil) else {
        throw ConfigurationError(path: url.path, message: "'exclude' must be a list of path patterns")
      }
      configuration.exclude = patterns.compactMap { $0 }
    }
    return configuration
  }

  /// The `rules:` mapping: rule id to `off`, `note`, `warning` or `error`.
  static func levels(_ node: Node, path: String) throws(ConfigurationError) -> [RuleID: LintConfiguration.Level] {
    guard let rules = node.mapping else {
      throw ConfigurationError(path: path, message: "'rules' must map rule ids to off, note, warning or error")
    }
    var levels: [RuleID: LintConfiguration.Level] = [:]
    for (key, value) in rules {
      guard let id = key.scalar?.string, RuleRegistry.rule(named: id) != nil else {
        throw ConfigurationError(
          path: path, message: "unknown rule '\(quoted(key))' (see disarm lint --list-rules)")
      }
      // YAML 1.1 spells `off` also as `false` or `no` (which earlier versions of this reader accepted as off).
      let text = value.scalar.map { ["false", "no"].contains($0.string.lowercased()) ? "off" : $0.string }
      guard let text, let level = LintConfiguration.Level(rawValue: text) else {
        throw ConfigurationError(
          path: path, message: "rule '\(id)': '\(quoted(value))' is not off, note, warning or error")
      }
      levels[RuleID(id)] = level
    }
    return levels
  }

  /// A key or value for a message: its text when it is a scalar, escaped and cut short; else its kind.
  static func quoted(_ node: Node) -> String {
    guard let text = node.scalar?.string else { return node.mapping != nil ? "(a mapping)" : "(a list)" }
    return BoundedYAML.inert(text, limit: 40)
  }

  /// Shell-style glob matching of a relative path.
  /// The configuration for the page folder `folder`: `explicit` when given, else `.disarm.yml` in the folder or its
  /// parent, else the defaults.
  public static func find(explicit: String?, pageFolder folder: URL) throws(ConfigurationError) -> LintConfiguration {
    if let explicit { return try load(URL(fileURLWithPath: explicit)) }
    for candidate in [folder, folder.deletingLastPathComponent()] {
      let url = candidate.appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: url.path) || TreeBoundary.isSymbolicLink(url.path) else { continue }
      // The knowledge base's own file (anyone's pull request): a link to a file outside it is not read.
      guard TreeBoundary.contains(root: candidate.path, url.path) else {
        throw ConfigurationError(
          path: url.path, message: "a link to a file outside the knowledge base; it is not read")
      }
      return try load(url)
    }
    return LintConfiguration()
  }
}

/// A configuration file that cannot be used; `disarm` exits 2 rather than lint with settings the user did not mean.
public struct ConfigurationError: Error, CustomStringConvertible {
  /// The configuration file, as given or found.
  public var path: String
  /// What is wrong, in words that say how to fix it.
  public var message: String
  /// `path: message`, the form editors and terminals link to the file.
  public var description: String { "\(path): \(message)" }
}
