import DisarmDiagnostics
import DisarmFramework
import DisarmParser

/// The identifiers a knowledge base has retired, read from `retired.yml` in its page folder, so that an identifier
/// once issued is never issued again (as ATT&CK never reuses one and Atomic Red Team keeps every one it gave out).
///
/// ```yaml
/// # Identifiers retired from this knowledge base; disarm never issues them again.
/// - id: T0090.001
///   name: Create Anonymous Accounts
///   retired: v1.6            # the version or date it was retired
///   reason: Merged into the account techniques of T0146.
///   replaced-by: T0146.003   # optional
/// ```
///
/// `disarm new` skips these identifiers, `disarm show` says an identifier is retired and what replaces it, `disarm
/// diff` tells retired from merely removed, the STIX export marks the objects revoked or deprecated, and the lint
/// rules `retired-id-reused`, `retired-replacement-missing` and `removed-without-retirement` check the register.
public struct RetiredRegister: Sendable {
  /// The register's file name, in the page folder.
  public static let fileName = "retired.yml"

  /// One retired identifier.
  public struct Entry: Sendable {
    public var id: DisarmID
    /// The object's last name, when the register gives it.
    public var name: String?
    /// The version or date it was retired (`v1.6`, `2024-11-22`), as written.
    public var retired: String?
    /// Why it was retired.
    public var reason: String?
    /// The object that replaces it, if any.
    public var replacedBy: DisarmID?
    /// Where the entry starts and where its `replaced-by` value is, in the register file.
    public var line: Int
    public var replacedByPosition: (line: Int, column: Int)?
    /// Whether the entry comes from an extension's upstream register (``inheriting(_:)``): its line is in that
    /// file, which is upstream's, not in ``RetiredRegister/file``.
    public var isUpstream = false
  }

  /// The register file as read (for source excerpts), or nil when the knowledge base has none.
  public var file: SourceFile?
  /// The entries, in file order.
  public var entries: [Entry]
  private var byID: [DisarmID: Int]

  /// An empty register (the knowledge base has no `retired.yml`).
  public init() {
    self.file = nil
    self.entries = []
    self.byID = [:]
  }

  /// The register read from `bytes` (the file at `path`, relative to the page folder), with identifiers read in
  /// `syntax`. A mistake (not YAML, an unknown key, an entry without an `id`, a value that is not an identifier, an
  /// identifier listed twice) is an error at its line and column.
  public init(bytes: [UInt8], path: String, syntax: IdentifierSyntax) throws(DescriptionError) {
    let records = try YAMLRecords.read(
      String(decoding: bytes, as: UTF8.self), path: path, what: "an entry",
      allowed: ["id", "name", "retired", "reason", "replaced-by"], required: ["id"])
    var entries: [Entry] = []
    var byID: [DisarmID: Int] = [:]
    func identifier(_ value: YAMLRecords.Value, _ key: String) throws(DescriptionError) -> DisarmID {
      guard let id = DisarmID(value.text, in: syntax) else {
        throw DescriptionError(
          path: path, line: value.line, column: value.column,
          message:
            "'\(key)' must be an identifier of this knowledge base (like T0001 or T0001.001), not '\(value.text)'"
        )
      }
      return id
    }
    for record in records.records {
      let idValue = record["id"]!
      let id = try identifier(idValue, "id")
      if byID[id] != nil {
        throw DescriptionError(
          path: path, line: idValue.line, column: idValue.column, message: "\(id) is listed twice")
      }
      let replacement = record["replaced-by"]
      byID[id] = entries.count
      entries.append(
        Entry(
          id: id, name: record["name"]?.text, retired: record["retired"]?.text, reason: record["reason"]?.text,
          replacedBy: try replacement.map { value throws(DescriptionError) in try identifier(value, "replaced-by") },
          line: record.line, replacedByPosition: replacement.map { ($0.line, $0.column) }))
    }
    self.file = SourceFile(path: path, bytes: bytes)
    self.entries = entries
    self.byID = byID
  }

  /// The entry of `id`, if it is retired.
  public subscript(id: DisarmID) -> Entry? { byID[id].map { entries[$0] } }

  /// Whether `id` is retired.
  public func contains(_ id: DisarmID) -> Bool { byID[id] != nil }

  /// This register with `upstream`'s entries added (an extension's: an identifier upstream retired is retired for
  /// the extension too, and never issued again), each marked ``Entry/isUpstream``; the local entry wins for an
  /// identifier both record.
  public func inheriting(_ upstream: RetiredRegister) -> RetiredRegister {
    var merged = self
    for var entry in upstream.entries where merged.byID[entry.id] == nil {
      entry.isUpstream = true
      merged.byID[entry.id] = merged.entries.count
      merged.entries.append(entry)
    }
    return merged
  }
}
