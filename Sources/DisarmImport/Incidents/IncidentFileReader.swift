import DisarmDiagnostics
import Foundation

/// Reads one incident file under ``IncidentInputBounds``: the format named, else the one the content shows (a file
/// whose first character is `{` or `[` is JSON: with `objects` a STIX bundle, with `Event` or `response` MISP's
/// export; anything else is a CSV dataset).
enum IncidentFileReader {
  struct Read {
    var records: [IncidentRecord]
    var findings: [Diagnostic]
    /// `bundle.json: STIX bundle, 3 incidents`.
    var remark: String
  }

  /// What the files are read with: the CSV column map, the knowledge base's techniques, and the MISP galaxy types
  /// whose clusters and tags name techniques.
  struct Context {
    var map: CSVColumnMap
    var resolver: TechniqueResolver
    var galaxyTypes: Set<String>
    /// The CSV delimiter `--delimiter` names; nil to tell it from each dataset's header row.
    var delimiter: CSVDelimiter? = nil
  }

  static func read(_ path: String, format: IncidentImport.InputFormat?, context: Context) -> Read {
    let bytes: [UInt8]
    switch load(path) {
    case .success(let loaded): bytes = loaded
    case .failure(let failure): return Read(records: [], findings: [failure.finding], remark: "\(path): not read")
    }
    if format == .csv || (format == nil && !looksLikeJSON(bytes)) {
      let read = CSVDatasetReader(
        path: path, bytes: bytes, map: context.map, resolver: context.resolver, delimiter: context.delimiter
      ).read()
      return Read(records: read.records, findings: read.findings, remark: read.remark)
    }
    let document: IncidentJSONDocument
    switch IncidentJSONDocument.read(bytes, path: path, indexing: ["id", "uuid", "name"]) {
    case .success(let read): document = read
    case .failure(let failure): return Read(records: [], findings: [failure.finding], remark: "\(path): not read")
    }
    let chosen =
      format
      ?? (STIXIncidentReader.recognises(document.root)
        ? .stix : MISPEventReader.recognises(document.root) ? .misp : nil)
    switch chosen {
    case .stix:
      let read = STIXIncidentReader.read(document)
      return Read(
        records: read.records, findings: read.findings, remark: "\(path): STIX bundle, \(count(read.records))")
    case .misp:
      let read = MISPEventReader.read(document, galaxyTypes: context.galaxyTypes)
      return Read(
        records: read.records, findings: read.findings, remark: "\(path): MISP events, \(count(read.records))")
    case .csv, nil:  // `.csv` was read above
      let finding = document.shapeError(
        "neither a STIX bundle ('objects') nor a MISP export ('Event', 'response'); name the format with --input-format"
      )
      return Read(records: [], findings: [finding], remark: "\(path): not recognised")
    }
  }

  /// Whether the first character (after a byte-order mark and white space) opens a JSON object or array.
  static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < bytes.count, [9, 10, 13, 32].contains(bytes[index]) { index += 1 }
    return index < bytes.count && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "["))
  }

  static func count(_ records: [IncidentRecord]) -> String {
    records.count == 1 ? "1 incident" : "\(records.count) incidents"
  }

  /// The file's bytes, refused beyond the size bound before they are read.
  static func load(_ path: String) -> Result<[UInt8], IncidentFindings.Failure> {
    let place = InputPlace.whole(path)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
      return .failure(IncidentFindings.failure(IncidentFindings.malformed, place, "no such file"))
    }
    let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    guard size <= IncidentInputBounds.maximumFileBytes else {
      return .failure(
        IncidentFindings.failure(
          IncidentFindings.malformed, place,
          "the file is \(size) bytes, over the bound of \(IncidentInputBounds.maximumFileBytes) bytes"))
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      return .failure(IncidentFindings.failure(IncidentFindings.malformed, place, "cannot be read"))
    }
    defer { try? handle.close() }
    // Read one byte past the bound, so that a file that grew after it was measured is refused too.
    let data = (try? handle.read(upToCount: IncidentInputBounds.maximumFileBytes + 1)) ?? Data()
    guard data.count <= IncidentInputBounds.maximumFileBytes else {
      return .failure(
        IncidentFindings.failure(
          IncidentFindings.malformed, place,
          "the file is over the bound of \(IncidentInputBounds.maximumFileBytes) bytes"))
    }
    return .success([UInt8](data))
  }
}
