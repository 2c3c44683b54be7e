import DisarmDiagnostics
import Foundation

/// An earlier `disarm export misp` (`--previous DIR`), read to number this export's galaxies and clusters: MISP
/// replaces its copy of a galaxy only when the `version` grows, so a galaxy whose content changed must have a higher
/// version than the copy MISP holds, and one that did not change keeps its version (a higher one would make every
/// MISP instance reload it for nothing).
///
/// Only the files this export writes are looked for (`clusters/disarm-techniques.json`, …); each is untrusted input,
/// read under ``STIXInputBundle``'s bounds, and a file that is not a JSON object with an integer `version` is an
/// error with its place.
public struct MISPPreviousExport: Sendable {
  /// The previous files, by path relative to the folder, as read.
  public var files: [String: JSONValue]

  /// Reads, from `folder`, those of `paths` that exist.
  public static func read(folder: String, paths: [String]) throws(ExportInputError) -> MISPPreviousExport {
    var directory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &directory), directory.boolValue else {
      throw ExportInputError(path: folder, line: 1, column: 1, message: "not a folder of a MISP export")
    }
    var files: [String: JSONValue] = [:]
    for path in paths {
      let full = URL(fileURLWithPath: folder).appendingPathComponent(path).path
      guard FileManager.default.fileExists(atPath: full) else { continue }
      let size = (try? FileManager.default.attributesOfItem(atPath: full)[.size] as? Int) ?? nil
      if let size, size > STIXInputBundle.maximumFileBytes {
        throw ExportInputError(
          path: full, line: 1, column: 1,
          message: "the file is \(size) bytes, more than the \(STIXInputBundle.maximumFileBytes) one may have")
      }
      guard let data = FileManager.default.contents(atPath: full) else {
        throw ExportInputError(path: full, line: 1, column: 1, message: "cannot read the file")
      }
      let bytes = Array(data)
      let value: JSONValue
      do {
        value = try JSONParser.parse(bytes, limits: STIXInputBundle.limits, indexing: []).value
      } catch {
        let position = SourceFile(path: full, bytes: bytes).position(at: min(error.offset, bytes.count))
        throw ExportInputError(
          path: full, line: position.line, column: position.column, message: "not readable as JSON: \(error.reason)")
      }
      guard value.objectValue != nil, let version = value["version"]?.intValue, version >= 0 else {
        throw ExportInputError(
          path: full, line: 1, column: 1, message: "a MISP galaxy or cluster needs an integer 'version'")
      }
      files[path] = value
    }
    return MISPPreviousExport(files: files)
  }

  public init(files: [String: JSONValue]) { self.files = files }

  /// The version of a galaxy's pair of files (`clusters/T.json`, `galaxies/T.json`) given their new content: the
  /// previous version when both are unchanged (`version` aside), one more than the higher previous version when
  /// either changed, and `base` when the previous export had neither.
  func version(cluster: (path: String, value: JSONValue), galaxy: (path: String, value: JSONValue), base: Int) -> Int {
    let before = [files[cluster.path], files[galaxy.path]].compactMap { $0 }
    guard !before.isEmpty else { return base }
    let previousVersion = before.compactMap { $0["version"]?.intValue }.max() ?? base
    let unchanged =
      Self.content(files[cluster.path]) == Self.content(cluster.value)
      && Self.content(files[galaxy.path]) == Self.content(galaxy.value)
    return unchanged ? previousVersion : max(previousVersion + 1, base)
  }

  static func content(_ value: JSONValue?) -> [String: JSONValue]? {
    value?.objectValue?.filter { $0.key != "version" }
  }
}
