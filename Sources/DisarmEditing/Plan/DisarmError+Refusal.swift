import DisarmLint

extension DisarmError {
  /// Runs `body`, turning a refused change into a usage failure (exit 2, its message printed once).
  public static func refusing<T>(_ body: () throws(EditRefusal) -> T) throws(DisarmError) -> T {
    do { return try body() } catch { throw .usage(error.description) }
  }
}
