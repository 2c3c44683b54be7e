/// Migrates files from one release to another: each file read under the bounds, recognised, and rewritten by its
/// format's migration, in memory. Writing is the caller's (all or nothing, after the review check).
public enum FileMigration {
  /// The files at `paths`, migrated with `mapping`.
  public static func migrate(_ paths: [String], mapping: ReleaseMapping) throws(MigrationFailure) -> MigrationResult {
    var files: [MigrationResult.File] = []
    for path in paths {
      let bytes = try MigratedFormat.load(path)
      let (format, document) = try MigratedFormat.recognise(bytes, path: path)
      var file: MigrationResult.File
      switch format {
      case .navigator: file = LayerMigration.migrate(bytes, document!.root, file: path, mapping: mapping)
      case .stix: file = STIXMigration.migrate(bytes, document!.root, file: path, mapping: mapping)
      case .misp: file = MISPMigration.migrate(bytes, document!.root, file: path, mapping: mapping)
      case .csv: file = TextMigration.migrate(bytes, file: path, header: true, mapping: mapping)
      case .text: file = TextMigration.migrate(bytes, file: path, header: false, mapping: mapping)
      }
      file.document = document
      files.append(file)
    }
    return MigrationResult(from: mapping.diff.old.label, to: mapping.diff.new.label, files: files)
  }
}
