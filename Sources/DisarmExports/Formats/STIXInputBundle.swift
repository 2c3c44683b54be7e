import DisarmDiagnostics
import Foundation

/// A STIX bundle given to `disarm export stix` by the user (`--ids-from`, `--previous`): read as untrusted input,
/// under bounds, with each problem an error at the file's line and column.
///
/// The bundles come from other people's platforms and files (the DISARM Foundation's `DISARM.json`, an OpenCTI
/// export, an earlier export of this tool), so nothing in them is assumed: the document must be a JSON object with
/// an `objects` array, and each object a JSON object with a `type` and an `id` of the form `type--UUID`; anything
/// else is refused with its place rather than skipped, since a silently skipped object would give a platform a
/// duplicate.
public struct STIXInputBundle: Sendable {
  /// Reads the file at `path`, refusing one larger than ``maximumFileBytes`` before reading it.
  public static func read(contentsOf path: String) throws(ExportInputError) -> STIXInputBundle {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    if let size, size > maximumFileBytes {
      throw ExportInputError(
        path: path, line: 1, column: 1,
        message: "the bundle is \(size) bytes, more than the \(maximumFileBytes) a bundle may have")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ExportInputError(path: path, line: 1, column: 1, message: "cannot read the file")
    }
    return try STIXInputBundle(bytes: Array(data), path: path)
  }

  /// The largest bundle read: the DISARM Foundation's is under 1 MB, an OpenCTI export of a whole platform's DISARM
  /// objects a few MB.
  public static let maximumFileBytes = 64 << 20
  /// Bounds of the JSON document: values (the Foundation's bundle holds about 40,000), nesting (STIX needs fewer
  /// than ten levels) and the length of one string.
  public static let limits = JSONParser.Limits(maximumDepth: 64, maximumValues: 4_000_000, maximumStringBytes: 1 << 20)
  /// The most objects a bundle may hold.
  public static let maximumObjects = 200_000

  /// One object of the bundle, with where it starts.
  public struct Object: Sendable {
    public var type: String
    public var id: String
    public var members: [String: JSONValue]
    public var line: Int
    public var column: Int
  }

  /// The file as named on the command line.
  public var path: String
  /// The objects, in file order.
  public var objects: [Object]

  /// Reads `bytes`, the contents of the file `path`.
  public init(bytes: [UInt8], path: String) throws(ExportInputError) {
    self.path = path
    guard bytes.count <= Self.maximumFileBytes else {
      throw ExportInputError(
        path: path, line: 1, column: 1,
        message: "the bundle is \(bytes.count) bytes, more than the \(Self.maximumFileBytes) a bundle may have")
    }
    let source = SourceFile(path: path, bytes: bytes)
    let located: JSONParser.Located
    do {
      located = try JSONParser.parse(bytes, limits: Self.limits, indexing: ["id"])
    } catch {
      let position = source.position(at: min(error.offset, bytes.count))
      throw ExportInputError(
        path: path, line: position.line, column: position.column, message: "not readable as JSON: \(error.reason)")
    }
    guard let root = located.value.objectValue else {
      throw ExportInputError(path: path, line: 1, column: 1, message: "a STIX bundle must be a JSON object")
    }
    guard let list = root["objects"]?.arrayValue else {
      throw ExportInputError(path: path, line: 1, column: 1, message: "a STIX bundle needs an 'objects' array")
    }
    guard list.count <= Self.maximumObjects else {
      throw ExportInputError(
        path: path, line: 1, column: 1,
        message: "the bundle has \(list.count) objects, more than the \(Self.maximumObjects) a bundle may have")
    }
    var objects: [Object] = []
    objects.reserveCapacity(list.count)
    for (index, element) in list.enumerated() {
      guard let members = element.objectValue else {
        throw ExportInputError(
          path: path, line: 1, column: 1, message: "object \(index + 1) of 'objects' is not a JSON object")
      }
      let id = members["id"]?.stringValue
      let position = id.flatMap { located.offset(ofObjectWhere: "id", is: $0) }.map { source.position(at: $0) }
      let line = position?.line ?? 1
      let column = position?.column ?? 1
      guard let type = members["type"]?.stringValue, !type.isEmpty else {
        throw ExportInputError(path: path, line: line, column: column, message: "object \(index + 1) has no 'type'")
      }
      guard let id else {
        throw ExportInputError(
          path: path, line: line, column: column, message: "object \(index + 1) (\(type)) has no 'id'")
      }
      guard Self.isIdentifier(id, of: type) else {
        throw ExportInputError(
          path: path, line: line, column: column,
          message: "'\(id)' is not a STIX identifier of type \(type) (\(type)--UUID)")
      }
      objects.append(Object(type: type, id: id, members: members, line: line, column: column))
    }
    self.objects = objects
  }

  /// Whether `id` is `type--` followed by a UUID in its canonical form (8-4-4-4-12 hexadecimal digits).
  public static func isIdentifier(_ id: String, of type: String) -> Bool {
    let prefix = type + "--"
    guard id.hasPrefix(prefix) else { return false }
    let uuid = Array(id.utf8.dropFirst(prefix.utf8.count))
    guard uuid.count == 36 else { return false }
    for (index, byte) in uuid.enumerated() {
      if [8, 13, 18, 23].contains(index) {
        guard byte == UInt8(ascii: "-") else { return false }
      } else {
        let isHex =
          (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
          || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        guard isHex else { return false }
      }
    }
    return true
  }
}
