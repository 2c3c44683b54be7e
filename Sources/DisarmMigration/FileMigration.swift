/// Migrates files from one release to another: each file read under the bounds, recognised, and rewritten by its
/// format's migration, in memory. Writing is the caller's (all or nothing, after the review check).
///
/// Reading and recognising a file needs no release, and for a large bundle it is most of a migration's own work: it
/// can run while the releases load (``FileReading``), and the migration proper then takes the files read.
public enum FileMigration {
  /// A file read under the bounds and recognised (its JSON document read, a bundle's objects to migrate found), not
  /// yet migrated.
  public struct ReadFile: Sendable {
    public var path: String
    var bytes: [UInt8]
    var format: MigratedFormat
    var document: JSONDocument?
    /// A bundle's objects that carry framework identifiers (``STIXMigration/migratedObjects(of:)``).
    var objectsOfMigratedTypes: [(index: Int, type: String)]?
  }

  /// Reads and recognises the files at `paths`, in order; throws the first failure.
  public static func read(_ paths: [String]) throws(MigrationFailure) -> [ReadFile] {
    var files: [ReadFile] = []
    for path in paths {
      let bytes = try MigratedFormat.load(path)
      let (format, document) = try MigratedFormat.recognise(bytes, path: path)
      files.append(
        ReadFile(
          path: path, bytes: bytes, format: format, document: document,
          objectsOfMigratedTypes: format == .stix ? document.map { STIXMigration.migratedObjects(of: $0.root) } : nil))
    }
    return files
  }

  /// The files read, migrated with `mapping`.
  public static func migrate(_ files: [ReadFile], mapping: ReleaseMapping) -> MigrationResult {
    var migrated: [MigrationResult.File] = []
    for read in files {
      let (bytes, path, document) = (read.bytes, read.path, read.document)
      var file: MigrationResult.File
      switch read.format {
      case .navigator: file = LayerMigration.migrate(bytes, document!.root, file: path, mapping: mapping)
      case .stix:
        file = STIXMigration.migrate(
          bytes, document!.root, file: path, mapping: mapping, objectsOfMigratedTypes: read.objectsOfMigratedTypes)
      case .misp: file = MISPMigration.migrate(bytes, document!.root, file: path, mapping: mapping)
      case .csv: file = TextMigration.migrate(bytes, file: path, header: true, mapping: mapping)
      case .text: file = TextMigration.migrate(bytes, file: path, header: false, mapping: mapping)
      }
      file.document = document
      migrated.append(file)
    }
    return MigrationResult(from: mapping.diff.old.label, to: mapping.diff.new.label, files: migrated)
  }

  /// The files at `paths`, read and migrated with `mapping`.
  public static func migrate(_ paths: [String], mapping: ReleaseMapping) throws(MigrationFailure) -> MigrationResult {
    migrate(try read(paths), mapping: mapping)
  }
}
