import DisarmDiagnostics
import Yams

/// The one way `disarm` reads YAML (framework descriptions, `.disarm.yml`, the register of retired identifiers,
/// anything added later), so that no reader can forget the bounds: these files come from anyone's pull request.
///
/// Bounds: the text's size; the node count *as expanded* (every alias counts the whole subtree it stands for, so a
/// "billion laughs" of nested aliases is refused after at most ``Limits/nodes`` steps instead of being expanded into
/// gigabytes); and nesting depth. Yams composes aliases as shared values (cheap), and only expanding them costs, so
/// the walk below counts with a budget and stops at the first bound. A mistake's message carries the problem and its
/// line and column, never the file's text (Yams's own descriptions quote the input, which for a file outside the
/// tree, or `/proc/self/environ`, would leak it); callers may add a short ``excerpt(_:line:)`` of a file inside the
/// tree.
public enum BoundedYAML {
  /// What a YAML file may cost.
  public struct Limits: Sendable {
    /// Bytes of text.
    public var bytes: Int
    /// Nodes, counting each alias as the subtree it stands for.
    public var nodes: Int
    /// Nesting of mappings and sequences.
    public var depth: Int

    public init(bytes: Int, nodes: Int, depth: Int) {
      self.bytes = bytes
      self.nodes = nodes
      self.depth = depth
    }

    /// Configuration files and framework descriptions: a few kilobytes in practice.
    public static let settings = Limits(bytes: 1 << 20, nodes: 100_000, depth: 32)
    /// Registers (a list entry per retired identifier: thousands at most).
    public static let registers = Limits(bytes: 16 << 20, nodes: 2_000_000, depth: 32)
  }

  /// The document of `text` (nil when it is empty), or a ``DescriptionError`` at the first bound exceeded or the
  /// first syntax error, for the file `path`.
  public static func compose(_ text: String, path: String, limits: Limits = .settings) throws(DescriptionError)
    -> Node?
  {
    guard text.utf8.count <= limits.bytes else {
      throw DescriptionError(
        path: path, line: 0, column: 0,
        message: "the file is \(text.utf8.count) bytes; at most \(limits.bytes) are read")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw syntaxError(error, path: path)
    } catch {
      throw DescriptionError(path: path, line: 0, column: 0, message: "not valid YAML")
    }
    guard let root else { return nil }
    var budget = limits.nodes
    try measure(root, depth: 0, budget: &budget, limits: limits, path: path)
    return root
  }

  /// Walks `node` as expanded, spending one unit of `budget` per node; throws when it runs out or nesting is too deep.
  private static func measure(_ node: Node, depth: Int, budget: inout Int, limits: Limits, path: String)
    throws(DescriptionError)
  {
    budget -= 1
    guard budget >= 0 else {
      throw DescriptionError(
        path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
        message: "more than \(limits.nodes) values once aliases are expanded; refusing to read further")
    }
    guard depth <= limits.depth else {
      throw DescriptionError(
        path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
        message: "nested more than \(limits.depth) levels deep")
    }
    switch node {
    case .scalar: return
    case .sequence(let sequence):
      for child in sequence { try measure(child, depth: depth + 1, budget: &budget, limits: limits, path: path) }
    case .mapping(let mapping):
      for (key, value) in mapping {
        try measure(key, depth: depth + 1, budget: &budget, limits: limits, path: path)
        try measure(value, depth: depth + 1, budget: &budget, limits: limits, path: path)
      }
    }
  }

  /// A syntax error with its position and Yams's one-line problem, never the input text.
  static func syntaxError(_ error: YamlError, path: String) -> DescriptionError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
      return DescriptionError(
        path: path, line: mark.line, column: mark.column, message: "not valid YAML: \(inert(problem, limit: 80))")
    case .composer(_, let problem, let mark, _):
      return DescriptionError(
        path: path, line: mark.line, column: mark.column, message: "not valid YAML: \(inert(problem, limit: 80))")
    default:
      return DescriptionError(path: path, line: 0, column: 0, message: "not valid YAML (or not UTF-8 text)")
    }
  }

  /// A short excerpt of line `line` (1-based) of `text`, with control characters escaped and cut to 60 characters:
  /// what a message about a file inside the knowledge base may quote.
  public static func excerpt(_ text: String, line: Int) -> String? {
    guard line > 0 else { return nil }
    var current = 1
    for candidate in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == line { return inert(String(candidate), limit: 60) }
      current += 1
    }
    return nil
  }

  /// `text` with every control character (C0, DEL, C1, bidi overrides) made visible as terminal output shows it
  /// (``TerminalText/visible(_:)``) and cut to `limit` characters (an ellipsis marks the cut).
  public static func inert(_ text: String, limit: Int) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count >= limit {
        out += "…"
        break
      }
      out += TerminalText.visible(scalar) ?? String(scalar)
      count += 1
    }
    return out
  }

}
