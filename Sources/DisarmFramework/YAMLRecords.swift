import Yams

/// A YAML file that is a list of flat records (`- id: T0090.001` / `  name: …`), read with Yams and with every value's
/// line and column, for the knowledge base's own small data files (the register of retired identifiers). Mistakes
/// are ``DescriptionError``s placed where they are, as in framework descriptions.
public struct YAMLRecords: Sendable {
  /// One value of a record, exactly as YAML gives it, with where it is.
  public struct Value: Sendable, Equatable {
    public var text: String
    public var line: Int
    public var column: Int
  }

  /// One record: its values by key, and where it starts.
  public struct Record: Sendable {
    public var values: [String: Value]
    public var line: Int
    public var column: Int

    public subscript(key: String) -> Value? { values[key] }
  }

  public var records: [Record]

  /// Reads `text` (the file at `path`) as a list of mappings whose keys are all in `allowed` and include every key of
  /// `required`; `what` names a record in messages ("an entry"). An empty file is an empty list.
  public static func read(
    _ text: String, path: String, what: String, allowed: Set<String>, required: [String]
  ) throws(DescriptionError) -> YAMLRecords {
    let root = try BoundedYAML.compose(text, path: path, limits: .registers)
    guard let root else { return YAMLRecords(records: []) }
    guard let sequence = root.sequence else {
      throw Mapping.error(path: path, at: root.mark, "the file must be a list of \(what)s (lines starting with '- ')")
    }
    var records: [Record] = []
    for node in sequence {
      let mapping = try Mapping(node, path: path, what: what, allowed: allowed)
      var values: [String: Value] = [:]
      for member in mapping.members {
        guard let scalar = member.value.scalar else {
          throw Mapping.error(path: path, at: member.value.mark, "'\(member.key)' must be text")
        }
        let mark = member.value.mark
        values[member.key] = Value(text: scalar.string, line: mark?.line ?? 0, column: mark?.column ?? 0)
      }
      for key in required where values[key] == nil || values[key]!.text.isEmpty {
        throw Mapping.error(path: path, at: node.mark, "\(what) without '\(key)'")
      }
      records.append(Record(values: values, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0))
    }
    return YAMLRecords(records: records)
  }
}
