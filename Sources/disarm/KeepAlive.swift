/// Holds what a command built until the process exits.
///
/// Freeing a whole knowledge base object by object costs a tenth of a run and gains nothing when the process is
/// about to end (compilers skip it for the same reason), so commands hand their model to ``keep(_:)``.
enum KeepAlive {
  nonisolated(unsafe) private static var values: [Any] = []

  static func keep(_ value: Any) { values.append(value) }
}
