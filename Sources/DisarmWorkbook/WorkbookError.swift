/// Why a workbook could not be read: not an xlsx file, a damaged zip, a part over the size bound, XML that is
/// not well formed or declares a document type. The message names the file and, where there is one, the part.
public struct WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(path: String, _ message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`, as every `disarm` error reads.
  public var description: String { "\(path): \(message)" }
}
