import DisarmDiagnostics

/// The bounds every incident file is read under: files come from other people's platforms and are untrusted. Each
/// bound crossed is an `incident-input-malformed` error naming it, found before the whole file is held twice.
enum IncidentInputBounds {
  /// The largest file read (DISARM's own STIX bundle is under 1 MB; OpenCTI exports of thousands of incidents fit).
  static let maximumFileBytes = 64 << 20
  /// JSON: values in one document (the Foundation's bundle holds about 40,000).
  static let maximumJSONValues = 2_000_000
  /// JSON: nesting (STIX and MISP need fewer than ten levels).
  static let maximumJSONDepth = 64
  /// One JSON string or CSV cell (a report's description is a few kilobytes).
  static let maximumTextBytes = 1 << 20
  /// CSV: columns in a row (a dataset has one per technique: about 400).
  static let maximumCSVColumns = 10_000
  /// CSV: rows in a file.
  static let maximumCSVRows = 1_000_000

  static var jsonLimits: JSONParser.Limits {
    JSONParser.Limits(
      maximumDepth: maximumJSONDepth, maximumValues: maximumJSONValues, maximumStringBytes: maximumTextBytes)
  }
}
