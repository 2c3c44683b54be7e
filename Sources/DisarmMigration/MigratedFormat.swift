import DisarmDiagnostics
import Foundation

/// The kinds of file `disarm migrate` carries across releases, recognised from the content (JSON by its shape) and,
/// for text, the extension (`.csv`, `.tsv`: a dataset whose first line names its columns).
public enum MigratedFormat: String, Sendable, CaseIterable {
  /// An ATT&CK Navigator layer: `techniques` with `techniqueID`, `tactic`, `score`, `comment`, `color`, ….
  case navigator
  /// A STIX 2.1 bundle: attack patterns (and tactics, courses of action) carrying DISARM identifiers.
  case stix
  /// A MISP event (or MISP's `{"response": [...]}` export): galaxy clusters and tags of the DISARM galaxies.
  case misp
  /// A CSV dataset or tag list.
  case csv
  /// Markdown or plain text: identifiers in prose.
  case text
}

/// Why a file cannot be migrated: the message names the file and, for malformed JSON, the line and column.
public struct MigrationFailure: Error, Sendable, CustomStringConvertible {
  public var description: String
}

/// The bounds every migrated file is read under: files come from other people's platforms and are untrusted.
public enum MigrationBounds {
  /// The largest file read (a 10,000-incident bundle is about 20 MB).
  public static let maximumFileBytes = 64 << 20
  /// JSON: values, nesting and the longest string.
  public static let json = JSONParser.Limits(maximumDepth: 64, maximumValues: 4_000_000, maximumStringBytes: 8 << 20)
}

extension MigratedFormat {
  /// Every member a migration reads, in any format: layers' entries, bundles' identifiers, names and kill-chain
  /// phases, MISP events' tags and clusters (on the event, its attributes and objects). Other members are kept as
  /// written and never read.
  static let readKeys: Set<String> = STIXMigration.readKeys.union([
    "techniques", "techniqueID", "tactic", "comment", "score", "color", "metadata", "links",
    "Event", "response", "Tag", "Galaxy", "GalaxyCluster", "value", "tag_name", "meta", "Attribute", "Object",
  ])

  /// Reads `path` under the bounds.
  static func load(_ path: String) throws(MigrationFailure) -> [UInt8] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
      throw MigrationFailure(description: "\(path): no such file")
    }
    guard let bytes = readBounded(path, limit: MigrationBounds.maximumFileBytes) else {
      throw MigrationFailure(description: "\(path): cannot be read")
    }
    guard bytes.count <= MigrationBounds.maximumFileBytes else {
      throw MigrationFailure(description: "\(path): over the bound of \(MigrationBounds.maximumFileBytes) bytes")
    }
    return bytes
  }

  /// The file's bytes, at most `limit` + 1 of them (one past the bound, so that a file over it is refused without
  /// being held whole), read with `read` into an array of the file's size (reading through `FileHandle` and copying
  /// out of its `Data` took a tenth of a 20 MB bundle's migration); nil when it cannot be read.
  static func readBounded(_ path: String, limit: Int) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    var result: [UInt8] = []
    var capacity = min(max(Int(status.st_size), 0), limit) + 1
    // A file that grows while it is read is read again into a larger array, up to the bound.
    while true {
      var failed = false
      var offset = 0
      let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
        while offset < capacity {
          let read = Foundation.read(descriptor, buffer.baseAddress! + offset, capacity - offset)
          if read < 0 && errno == EINTR { continue }
          if read < 0 { failed = true }
          if read <= 0 { break }
          offset += read
        }
        count = offset
      }
      if failed { return nil }
      if result.isEmpty { result = bytes } else { result += bytes }
      if bytes.count < capacity || result.count > limit { return result }
      capacity = min(capacity * 2, limit + 1 - result.count)
    }
  }

  /// Asks the kernel to back the whole 2 MiB pages inside `buffer` with huge pages: a 20 MB bundle read into fresh
  /// memory otherwise takes 5,000 page faults, a tenth of its migration's time.
  static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
      let huge = 2 << 20
      guard let base = buffer.baseAddress, buffer.count >= 2 * huge else { return }
      let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
      let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
      // MADV_HUGEPAGE (14), which Glibc's Swift module does not export.
      if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, 14) }
    #endif
  }

  /// The format of `bytes` (the file `path`), with the JSON document read when it is one.
  static func recognise(_ bytes: [UInt8], path: String) throws(MigrationFailure) -> (MigratedFormat, JSONDocument?) {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count, [9, 10, 13, 32].contains(bytes[index]) { index += 1 }
    let opensJSON = index < bytes.count && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "["))
    let lowered = path.lowercased()
    guard opensJSON || lowered.hasSuffix(".json") else {
      guard String(validating: bytes, as: UTF8.self) != nil else {
        throw MigrationFailure(description: "\(path): not UTF-8 text, JSON, nor a format disarm migrate reads")
      }
      return (lowered.hasSuffix(".csv") || lowered.hasSuffix(".tsv") ? .csv : .text, nil)
    }
    // One reading, building only the members some format's migration reads (a large bundle is mostly descriptions
    // and relationships, checked but not built); the top-level keys tell the format.
    let document: JSONDocument
    do {
      document = try JSONSpan.read(
        bytes, limits: MigrationBounds.json, keeping: readKeys,
        skippingObjectsOfOtherTypes: STIXMigration.migratedTypes)
    } catch {
      let place = SourceFile(path: path, bytes: bytes).place(min(error.offset, bytes.count))
      throw MigrationFailure(description: "\(path):\(place): not valid JSON: \(error.reason)")
    }
    let root = document.root
    if root["techniques"] != nil, root["objects"] == nil { return (.navigator, document) }
    if root["type"]?.string == "bundle" || root["objects"] != nil { return (.stix, document) }
    if root["Event"] != nil || root["response"] != nil { return (.misp, document) }
    throw MigrationFailure(
      description:
        "\(path): JSON, but neither an ATT&CK Navigator layer (`techniques`), a STIX bundle (`objects`) nor a MISP "
        + "event (`Event`)")
  }
}
