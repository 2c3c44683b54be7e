/// One table of the SQLite export: its name, what it holds, its columns and its rows. The DDL, the Datasette
/// metadata and the schema in docs/EXPORTS.md are all drawn from these descriptions.
public struct SQLiteTable: Sendable {
  /// One column: `id` and numbers are INTEGER, everything else TEXT NOT NULL (`''` for a value the page lacks), as in
  /// the DISARM Foundation's `DISARM_database.sqlite`, so that its queries (`WHERE tactic_id = 'TA01'`) keep working.
  public struct Column: Sendable {
    public enum Kind: String, Sendable {
      case text = "TEXT NOT NULL"
      case integer = "INTEGER NOT NULL"
    }
    public var name: String
    public var kind: Kind
    public var description: String

    /// A TEXT column.
    public init(_ name: String, _ description: String) {
      self.init(name, .text, description)
    }

    public init(_ name: String, _ kind: Kind, _ description: String) {
      self.name = name
      self.kind = kind
      self.description = description
    }
  }

  /// One cell.
  public enum Cell: Sendable, Equatable {
    case text(String)
    case integer(Int)
  }

  public var name: String
  public var description: String
  /// The columns after `id` (an INTEGER PRIMARY KEY numbered from 1 in row order).
  public var columns: [Column]
  public var rows: [[Cell]]

  public init(name: String, description: String, columns: [Column], rows: [[Cell]] = []) {
    self.name = name
    self.description = description
    self.columns = columns
    self.rows = rows
  }

  /// `CREATE TABLE`.
  var createStatement: String {
    let list = ["id INTEGER PRIMARY KEY"] + columns.map { "\($0.name) \($0.kind.rawValue)" }
    return "CREATE TABLE \(name) (\(list.joined(separator: ", ")));"
  }

  /// `INSERT` with one parameter per column.
  var insertStatement: String {
    let names = ["id"] + columns.map(\.name)
    return
      "INSERT INTO \(name) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")));"
  }
}
