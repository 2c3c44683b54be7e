import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmSupport

/// `disarm export sqlite`: the knowledge base as a SQLite database for ad-hoc questions (schema in docs/EXPORTS.md).
///
/// - A table per kind with every field the kind's pages carry: `phase`, `tactic`, `technique`, `task`, `counter`,
///   `detection`, `metatechnique`, `responsetype`, `actor_type`, `incident`. The tables the DISARM Foundation's own
///   `DISARM_database.sqlite` has keep its names and columns (`disarm_id`, `tactic_id`, `phase_id`, `summary`,
///   `year_started`, `found_in_country`, `objecttype`, …), with this export's own columns after them.
/// - The relations: `incident_technique` (with the description given for the pair), `counter_technique`,
///   `counter_tactic`, `detection_tactic`, `counter_incident`, `counter_actor_type`, `technique_associated`; a
///   technique's tactic and parent are columns of `technique`; `relation` holds every relation of every kind.
/// - `field`: every field of every page as written; `finding`: what the model rules find (docs/DIAGNOSTICS.md).
/// - `search`: a full-text index (FTS5) over names, summaries and incident descriptions.
///
/// Only live objects are exported (stale pages, relations from or to them, and relations to objects that do not exist
/// are left out), rows are in identifier order, and the database is built in memory in one transaction before its
/// bytes are taken, so exporting the same pages twice gives the same bytes (with the same SQLite library).
public enum SQLiteExport {
  /// A failure of SQLite while building the database.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// The schema version (`PRAGMA user_version`), raised when a table or column changes.
  public static let schemaVersion = 1

  /// The database file's bytes: `tables` (``SQLiteTables/all(for:findings:)``) and the search index of `kb`.
  public static func bytes(_ tables: [SQLiteTable], for kb: KnowledgeBase) throws(Failure) -> [UInt8] {
    let database = try build(tables, for: kb)
    do {
      return try database.withBytes { Array($0) }
    } catch {
      throw Failure(description: error.description)
    }
  }

  /// Writes the database to `path` with `AtomicFile` (its bytes streamed from SQLite's memory, never copied). The
  /// tables are consumed: each one's rows are freed once inserted, so that a large knowledge base never holds its rows
  /// and the whole database at once.
  public static func write(_ tables: consuming [SQLiteTable], for kb: KnowledgeBase, to path: String) throws(Failure) {
    let database = try build(tables, for: kb)
    let result: Result<Bool, WriteError>
    do {
      result = try database.withBytes { buffer in
        Result { () throws(WriteError) in try AtomicFile.stream(toPath: path, durable: false) { $0.write(buffer) } }
      }
    } catch {
      throw Failure(description: error.description)
    }
    if case .failure(let error) = result { throw Failure(description: "\(error.path): \(error.reason)") }
  }

  static func build(_ tables: consuming [SQLiteTable], for kb: KnowledgeBase) throws(Failure) -> SQLiteDatabase {
    var tables = tables
    do {
      let database = try SQLiteDatabase()
      try database.execute(
        "PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA user_version = \(schemaVersion); BEGIN;")
      for index in tables.indices {
        try database.execute(tables[index].createStatement)
        try database.insert(tables[index].insertStatement, rows: tables[index].rows, numbered: true)
        tables[index].rows = []
      }
      for index in SQLiteTables.indexes { try database.execute(index) }
      try database.execute(SQLiteSearchIndex.createStatement)
      try database.insert(
        SQLiteSearchIndex.insertStatement, rows: SQLiteSearchIndex.rows(for: kb).map { $0.map { .text($0) } },
        numbered: false)
      // One transaction into a fresh database leaves no free pages: no VACUUM (which would copy the whole file once
      // more); the full-text index is merged into one segment, which keeps it small and its queries fast.
      try database.execute("INSERT INTO search(search) VALUES ('optimize'); COMMIT;")
      return database
    } catch {
      throw Failure(description: error.description)
    }
  }
}
