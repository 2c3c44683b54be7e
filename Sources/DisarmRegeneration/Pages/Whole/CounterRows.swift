import DisarmModel
import Foundation

/// The counters' listed rows (``ListedRow/rows(of:in:)``), worked out once for the whole pages rendered together:
/// the blue matrix, both response-type tables and the counters' index all read them, and each used to read the
/// counters' index table again (a quarter of the whole pages' rendering).
final class CounterRows: @unchecked Sendable {
  private let lock = NSLock()
  private let kb: KnowledgeBase
  private var rows: [ListedRow]?

  init(_ kb: KnowledgeBase) { self.kb = kb }

  /// The rows; the first caller works them out while the others wait.
  var all: [ListedRow] {
    lock.lock()
    defer { lock.unlock() }
    if let rows { return rows }
    let made = ListedRow.rows(of: .counter, in: kb)
    rows = made
    return made
  }
}
