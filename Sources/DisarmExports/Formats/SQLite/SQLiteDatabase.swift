import CSQLite

/// A SQLite database held in memory, just enough of the C API for the export: statements, prepared inserts, and the
/// finished database's bytes (`sqlite3_serialize`), which the caller writes with `AtomicFile` like every other export.
/// Building in memory leaves no half-written file behind and makes the bytes depend only on the statements run.
final class SQLiteDatabase {
  /// A failure of SQLite, with its message.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private var handle: OpaquePointer?

  /// An empty database in SQLite's `memdb` file system, whose memory ``withBytes(_:)`` can hand out without a copy.
  init() throws(Failure) {
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI
    guard sqlite3_open_v2("file:/disarm-export?vfs=memdb", &handle, flags, nil) == SQLITE_OK else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open an in-memory database"
      sqlite3_close(handle)
      throw Failure(description: message)
    }
  }

  deinit { sqlite3_close(handle) }

  /// Runs one or more statements without parameters.
  func execute(_ sql: String) throws(Failure) {
    var error: UnsafeMutablePointer<CChar>?
    guard sqlite3_exec(handle, sql, nil, nil, &error) == SQLITE_OK else {
      let message = error.map { String(cString: $0) } ?? "SQLite error"
      sqlite3_free(error)
      throw Failure(description: "\(message) in: \(sql.prefix(200))")
    }
  }

  /// Runs `sql` once per row of `rows`, binding `id` (when given, the row's number from 1) and then each row's
  /// cells to the statement's parameters in order; the rows are bound as they are, never copied.
  func insert(_ sql: String, rows: [[SQLiteTable.Cell]], numbered: Bool) throws(Failure) {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw failure(sql) }
    defer { sqlite3_finalize(statement) }
    // SQLITE_TRANSIENT: SQLite copies the text before the Swift string goes away.
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    let first: Int32 = numbered ? 2 : 1
    for (number, row) in rows.enumerated() {
      sqlite3_reset(statement)
      if numbered, sqlite3_bind_int64(statement, 1, Int64(number + 1)) != SQLITE_OK { throw failure(sql) }
      for (index, cell) in row.enumerated() {
        let position = first + Int32(index)
        let status: Int32
        switch cell {
        case .text(var text):
          status = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(statement, position, "", 0, transient) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
              sqlite3_bind_text(statement, position, characters, Int32(bytes.count), transient)
            }
          }
        case .integer(let number): status = sqlite3_bind_int64(statement, position, Int64(number))
        }
        guard status == SQLITE_OK else { throw failure(sql) }
      }
      guard sqlite3_step(statement) == SQLITE_DONE else { throw failure(sql) }
    }
  }

  /// Hands the database file's bytes to `body`: SQLite's own memory when it can (no copy of a database that may be
  /// hundreds of megabytes), else a serialised copy freed afterwards.
  func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) throws(Failure) -> Result {
    var size: sqlite3_int64 = 0
    if let bytes = sqlite3_serialize(handle, "main", &size, UInt32(SQLITE_SERIALIZE_NOCOPY)) {
      return body(UnsafeRawBufferPointer(start: bytes, count: Int(size)))
    }
    guard let copy = sqlite3_serialize(handle, "main", &size, 0) else {
      throw Failure(description: "SQLite could not serialise the database")
    }
    defer { sqlite3_free(copy) }
    return body(UnsafeRawBufferPointer(start: copy, count: Int(size)))
  }

  private func failure(_ sql: String) -> Failure {
    Failure(description: "\(String(cString: sqlite3_errmsg(handle))) in: \(sql.prefix(200))")
  }
}
