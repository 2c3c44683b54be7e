import Foundation

/// The pieces of a part handed from the task that inflates it to the task that filters it, in order, so that the two
/// run on two cores at once (``WorkbookReading``: DISARM's data workbook has one part of 28 MB, whose inflating alone
/// is the longest task of a read).
///
/// The inflating side never waits: a piece is queued however many are waiting, so the two tasks cannot wait for
/// each other whatever the number of cores (on one core the part is inflated whole, then filtered; the queue then
/// holds at most the part's declared size, the bound the part was admitted under). The filtering side waits for
/// the next piece, or for the end.
final class PieceQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var pieces: [(buffer: UnsafeMutableBufferPointer<UInt8>, count: Int)] = []
  private var next = 0
  private var spare: [UnsafeMutableBufferPointer<UInt8>] = []
  private var ended = false
  /// How the inflation ended, once it has: nil when it inflated the whole part.
  private var outcome: WorkbookError?
  let pieceSize: Int

  init(pieceSize: Int) { self.pieceSize = pieceSize }

  deinit {
    for piece in pieces[next...] { piece.buffer.deallocate() }
    for buffer in spare { buffer.deallocate() }
  }

  /// A buffer of ``pieceSize`` bytes to inflate the next piece into (a piece already filtered, or a new one).
  func emptyPiece() -> UnsafeMutableBufferPointer<UInt8> {
    condition.lock()
    defer { condition.unlock() }
    return spare.popLast() ?? .allocate(capacity: pieceSize)
  }

  /// Queues `count` inflated bytes at the start of `buffer` (from ``emptyPiece()``).
  func put(_ buffer: UnsafeMutableBufferPointer<UInt8>, count: Int) {
    condition.lock()
    pieces.append((buffer, count))
    condition.signal()
    condition.unlock()
  }

  /// Ends the part: every piece is queued, or the inflation failed with `failure`.
  func finish(_ failure: WorkbookError?) {
    condition.lock()
    ended = true
    outcome = failure
    condition.signal()
    condition.unlock()
  }

  /// The next piece, waiting for it; nil once every piece was taken and the part has ended. Give the buffer back
  /// with ``recycle(_:)`` once read.
  func take() -> (buffer: UnsafeMutableBufferPointer<UInt8>, count: Int)? {
    condition.lock()
    defer { condition.unlock() }
    while next == pieces.count && !ended { condition.wait() }
    guard next < pieces.count else { return nil }
    next += 1
    return pieces[next - 1]
  }

  func recycle(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
    condition.lock()
    spare.append(buffer)
    condition.unlock()
  }

  /// Waits for the end of the part, then says how the inflation ended (nil: the whole part was inflated).
  func failure() -> WorkbookError? {
    condition.lock()
    defer { condition.unlock() }
    while !ended { condition.wait() }
    return outcome
  }
}
