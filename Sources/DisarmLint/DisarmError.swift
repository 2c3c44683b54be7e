import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration
import DisarmSupport

/// Every failure a command reports with exit code 2 (I/O, configuration), so that the CLI has one error path:
/// print the description once, exit 2. Findings in the knowledge base are diagnostics, never errors.
public enum DisarmError: Error, CustomStringConvertible {
  case load(LoadError)
  case write(WriteError)
  case configuration(ConfigurationError)
  /// A request that cannot be carried out (`lint` of a file outside the knowledge base).
  case usage(String)

  /// The message printed after `disarm: error:`, naming the file (and line, where known).
  public var description: String {
    switch self {
    case .load(let error): error.description
    case .write(let error): error.description
    case .configuration(let error): error.description
    case .usage(let message): message
    }
  }
}

extension DisarmError {
  /// Runs `body`, turning its load error into a ``DisarmError``.
  public static func loading<T>(_ body: () throws(LoadError) -> T) throws(DisarmError) -> T {
    do { return try body() } catch { throw .load(error) }
  }

  /// Runs `body`, turning its write error into a ``DisarmError``.
  public static func writing<T>(_ body: () throws(WriteError) -> T) throws(DisarmError) -> T {
    do { return try body() } catch { throw .write(error) }
  }

  /// Runs `body`, turning its configuration error into a ``DisarmError``.
  public static func configuring<T>(_ body: () throws(ConfigurationError) -> T) throws(DisarmError) -> T {
    do { return try body() } catch { throw .configuration(error) }
  }
}
