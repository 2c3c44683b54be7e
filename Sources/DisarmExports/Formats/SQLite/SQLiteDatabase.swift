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

  init() throws(Failure) {
    guard sqlite3_open_v2(":memory:", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
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

  /// A value to bind.
  enum Value {
    case text(String)
    case integer(Int)
    case real(Double)
    case null
  }

  /// Runs `sql` once per row of `rows`, binding each row's values to the statement's parameters in order.
  func insert(_ sql: String, rows: [[Value]]) throws(Failure) {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else { throw failure(sql) }
    defer { sqlite3_finalize(statement) }
    for row in rows {
      sqlite3_reset(statement)
      sqlite3_clear_bindings(statement)
      for (index, value) in row.enumerated() {
        let position = Int32(index + 1)
        let status: Int32
        switch value {
        case .text(let text):
          // SQLITE_TRANSIENT: SQLite copies the text before the Swift string goes away.
          status = sqlite3_bind_text(statement, position, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        case .integer(let number): status = sqlite3_bind_int64(statement, position, Int64(number))
        case .real(let number): status = sqlite3_bind_double(statement, position, number)
        case .null: status = sqlite3_bind_null(statement, position)
        }
        guard status == SQLITE_OK else { throw failure(sql) }
      }
      guard sqlite3_step(statement) == SQLITE_DONE else { throw failure(sql) }
    }
  }

  /// The database file's bytes.
  func serialized() throws(Failure) -> [UInt8] {
    var size: sqlite3_int64 = 0
    guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else {
      throw Failure(description: "SQLite could not serialise the database")
    }
    defer { sqlite3_free(bytes) }
    return Array(UnsafeBufferPointer(start: bytes, count: Int(size)))
  }

  private func failure(_ sql: String) -> Failure {
    Failure(description: "\(String(cString: sqlite3_errmsg(handle))) in: \(sql.prefix(200))")
  }
}
