import DisarmDiagnostics
import DisarmModel
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

  /// The configuration at `url`, or the default when the file does not exist.
  public static func load(_ url: URL) throws(ConfigurationError) -> LintConfiguration {
    guard let data = FileManager.default.contents(atPath: url.path) else { return LintConfiguration() }
    let text = String(decoding: data, as: UTF8.self)
    let root: Any?
    do {
      root = try Yams.load(yaml: text)
    } catch {
      throw ConfigurationError(path: url.path, message: "not valid YAML: \(error)")
    }
    guard let root else { return LintConfiguration() }
    guard let mapping = root as? [String: Any] else {
      throw ConfigurationError(path: url.path, message: "the top level must be a mapping with 'rules' and 'exclude'")
    }
    var configuration = LintConfiguration()
    // `framework` names the framework description; the loader reads it (FrameworkChoice), the linter only allows it.
    for key in mapping.keys where !["rules", "exclude", "framework"].contains(key) {
      throw ConfigurationError(
        path: url.path, message: "unknown key '\(key)' (expected 'rules', 'exclude' or 'framework')")
    }
    if let framework = mapping["framework"], !(framework is String) {
      throw ConfigurationError(path: url.path, message: "'framework' must name a framework description or a .yml file")
    }
    if let rules = mapping["rules"] {
      guard let rules = rules as? [String: Any] else {
        throw ConfigurationError(path: url.path, message: "'rules' must map rule ids to off, note, warning or error")
      }
      for (id, value) in rules {
        guard RuleRegistry.rule(named: id) != nil else {
          throw ConfigurationError(path: url.path, message: "unknown rule '\(id)' (see disarm lint --list-rules)")
        }
        // YAML reads a bare `off` as false.
        let text = (value as? Bool).map { $0 ? "on" : "off" } ?? "\(value)"
        guard let level = LintConfiguration.Level(rawValue: text) else {
          throw ConfigurationError(
            path: url.path, message: "rule '\(id)': '\(text)' is not off, note, warning or error")
        }
        configuration.rules[RuleID(id)] = level
      }
    }
    if let exclude = mapping["exclude"] {
      guard let patterns = exclude as? [String] else {
        throw ConfigurationError(path: url.path, message: "'exclude' must be a list of path patterns")
      }
      configuration.exclude = patterns
    }
    return configuration
  }

  /// Shell-style glob matching of a relative path.
  /// The configuration for the page folder `folder`: `explicit` when given, else `.disarm.yml` in the folder or its
  /// parent, else the defaults.
  public static func find(explicit: String?, pageFolder folder: URL) throws(ConfigurationError) -> LintConfiguration {
    if let explicit { return try load(URL(fileURLWithPath: explicit)) }
    for candidate in [folder, folder.deletingLastPathComponent()] {
      let url = candidate.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: url.path) { return try load(url) }
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
