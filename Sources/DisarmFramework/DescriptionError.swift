/// A mistake in a framework description or another YAML file the tool reads (the register of retired identifiers),
/// with where it is: `frameworks/mine.yml:12:5: error: …`.
public struct DescriptionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The description file as the user named it (or `built-in:<name>`).
  public var path: String
  /// 1-based line and column of the offending value or key; 0 when the file as a whole is at fault.
  public var line: Int
  /// 1-based column.
  public var column: Int
  /// What is wrong and what was expected.
  public var message: String

  /// An error at a position in `path`.
  public init(path: String, line: Int, column: Int, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  /// `path:line:column: error: message`, the form every `disarm` error takes.
  public var description: String {
    line > 0 ? "\(path):\(line):\(column): error: \(message)" : "\(path): error: \(message)"
  }
}
