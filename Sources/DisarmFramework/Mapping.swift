import DisarmDiagnostics
import Yams

/// A YAML mapping of a framework description, read with its keys checked and every error placed at its node.
struct Mapping {
  let node: Node
  let members: [(key: String, value: Node, keyMark: Mark?)]
  let path: String

  /// Reads `node` as a mapping whose keys are all in `allowed`; `what` names it in messages ("a kind").
  init(_ node: Node, path: String, what: String, allowed: Set<String>) throws(DescriptionError) {
    self.node = node
    self.path = path
    guard let mapping = node.mapping else {
      throw Self.error(path: path, at: node.mark, "\(what) must be a mapping of keys to values")
    }
    var members: [(key: String, value: Node, keyMark: Mark?)] = []
    for (key, value) in mapping {
      guard let name = key.string else { throw Self.error(path: path, at: key.mark, "a key must be text") }
      guard allowed.contains(name) else {
        let expected = allowed.sorted().joined(separator: ", ")
        throw Self.error(
          path: path, at: key.mark,
          "unknown key '\(BoundedYAML.inert(name, limit: 40))' in \(what) (expected one of \(expected))")
      }
      members.append((name, value, key.mark))
    }
    self.members = members
  }

  var keys: [String] { members.map(\.key) }

  func node(_ key: String) -> Node? { members.first { $0.key == key }?.value }

  func required(_ key: String) throws(DescriptionError) -> Node {
    guard let value = node(key) else {
      throw Self.error(path: path, at: node.mark, "missing key '\(key)'")
    }
    return value
  }

  func string(_ key: String) throws(DescriptionError) -> String {
    let value = try required(key)
    guard let scalar = value.scalar else { throw Self.error(path: path, at: value.mark, "'\(key)' must be text") }
    return try plain(scalar.string, key: key, at: value)
  }

  /// A description's words reach terminals, reports and the site: control characters (C0 but line feed, DEL, C1) and
  /// bidirectional overrides are refused where they are written.
  func plain(_ text: String, key: String, at node: Node) throws(DescriptionError) -> String {
    let refused = text.unicodeScalars.contains { $0 != "\n" && TerminalText.visible($0) != nil }
    guard !refused else {
      throw Self.error(path: path, at: node.mark, "'\(key)' holds a control character or a bidirectional override")
    }
    return text
  }

  func optionalString(_ key: String) throws(DescriptionError) -> String? {
    guard let value = node(key) else { return nil }
    if value.scalar?.string == "~" || value.scalar?.string == "null" { return nil }
    guard let scalar = value.scalar else { throw Self.error(path: path, at: value.mark, "'\(key)' must be text") }
    return try plain(scalar.string, key: key, at: value)
  }

  func strings(_ key: String) throws(DescriptionError) -> [String] {
    let value = try required(key)
    if let scalar = value.scalar { return [try plain(scalar.string, key: key, at: value)] }
    guard let sequence = value.sequence else {
      throw Self.error(path: path, at: value.mark, "'\(key)' must be a list of text")
    }
    var result: [String] = []
    for item in sequence {
      guard let scalar = item.scalar else { throw Self.error(path: path, at: item.mark, "'\(key)' must list text") }
      result.append(try plain(scalar.string, key: key, at: item))
    }
    return result
  }

  func optionalStrings(_ key: String) throws(DescriptionError) -> [String]? {
    node(key) == nil ? nil : try strings(key)
  }

  func sequence(_ key: String) throws(DescriptionError) -> [Node] {
    let value = try required(key)
    guard let sequence = value.sequence else { throw Self.error(path: path, at: value.mark, "'\(key)' must be a list") }
    return Array(sequence)
  }

  func integer(_ key: String, in range: ClosedRange<Int>) throws(DescriptionError) -> Int {
    let value = try required(key)
    guard let number = value.int, range.contains(number) else {
      throw Self.error(
        path: path, at: value.mark, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return number
  }

  func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(DescriptionError) -> Int? {
    node(key) == nil ? nil : try integer(key, in: range)
  }

  /// An error at the value of `key` (or at the mapping when the key is absent).
  func error(at key: String, _ message: String) -> DescriptionError {
    Self.error(path: path, at: node(key)?.mark ?? node.mark, message)
  }

  static func error(path: String, at mark: Mark?, _ message: String) -> DescriptionError {
    DescriptionError(path: path, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message)
  }
}
