/// Why a file given to an export could not be used (a bundle of `disarm export stix --ids-from`/`--previous`, a
/// galaxy of `disarm export misp --previous`): the file, the line and column (1-based) of the problem, and what it
/// is, printed as `path:line:column: message`.
public struct ExportInputError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int
  public var message: String
  public var description: String { "\(path):\(line):\(column): \(message)" }

  public init(path: String, line: Int, column: Int, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }
}
