import Foundation

/// A sheet inflated by one task and filtered (``EmptyElementFilter``) by another as its pieces come, so that the two
/// run on two cores at once (``WorkbookReading``: DISARM's data workbook has one part of 28 MB, whose inflating alone
/// is the longest task of a read).
///
/// The inflating side never waits for the filtering side: it queues each piece, and once more than
/// ``waitingLimit`` pieces wait (the filtering task has not started, or is slower) it filters them itself. So the
/// two tasks cannot wait for each other whatever the number of cores, and the pieces waiting never hold more than
/// 16 MiB (on one core the part is filtered as it is inflated, as a reading in order does). Whoever filters
/// holds the filter's lock; the pieces go through it in order.
final class FilterPipeline: @unchecked Sendable {
  /// Guards the queue.
  private let condition = NSCondition()
  /// Pieces queued, each the part of its buffer after ``headroom`` that holds inflated bytes.
  private var pieces: [(buffer: UnsafeMutableBufferPointer<UInt8>, count: Int)] = []
  private var next = 0
  private var spare: [UnsafeMutableBufferPointer<UInt8>] = []
  private var ended = false
  /// How the inflation ended, once it has: nil when it inflated the whole part.
  private var outcome: WorkbookError?

  /// Guards the filter, which only its holder touches.
  private let filtering = NSLock()
  private var stream: EmptyElementFilter.Stream
  private var finished = false

  let pieceSize: Int
  /// Bytes free in front of each piece, where the element the last piece ended in is copied so that the piece is
  /// filtered where it was inflated.
  static let headroom = 4096
  /// How many pieces may wait before the inflating side filters them itself (16 MiB of 128 KiB pieces: the other
  /// core reads the rest of DISARM's two workbooks before it turns to this sheet's pieces).
  static let waitingLimit = 128

  init(pieceSize: Int, expecting size: Int) {
    self.pieceSize = pieceSize
    stream = EmptyElementFilter.Stream(pieceSize: pieceSize, expecting: size)
  }

  deinit {
    for piece in pieces[next...] { Self.deallocate(piece.buffer) }
    for buffer in spare { Self.deallocate(buffer) }
  }

  /// A buffer of ``pieceSize`` bytes to inflate the next piece into (with ``headroom`` bytes in front of it).
  func emptyPiece() -> UnsafeMutableBufferPointer<UInt8> {
    condition.lock()
    defer { condition.unlock() }
    if let buffer = spare.popLast() { return buffer }
    let allocation = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Self.headroom + pieceSize)
    return UnsafeMutableBufferPointer(rebasing: allocation[Self.headroom...])
  }

  private static func deallocate(_ piece: UnsafeMutableBufferPointer<UInt8>) {
    (piece.baseAddress! - headroom).deallocate()
  }

  /// Queues `count` inflated bytes at the start of `buffer` (from ``emptyPiece()``); filters the waiting pieces
  /// when too many wait.
  func put(_ buffer: UnsafeMutableBufferPointer<UInt8>, count: Int) {
    condition.lock()
    pieces.append((buffer, count))
    let waiting = pieces.count - next
    condition.broadcast()
    condition.unlock()
    if waiting > Self.waitingLimit {
      filtering.lock()
      filterWaiting()
      filtering.unlock()
    }
  }

  /// Gives back a piece's buffer that was not queued.
  func giveBack(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
    condition.lock()
    spare.append(buffer)
    condition.unlock()
  }

  /// Ends the part: every piece is queued, or the inflation failed with `failure`.
  func finish(_ failure: WorkbookError?) {
    condition.lock()
    ended = true
    outcome = failure
    condition.broadcast()
    condition.unlock()
  }

  /// The filtering task: filters the pieces as they come, until the part has ended. Returns what the inflation
  /// ended with (a failure, else nil) and the filtered part, nil when it has a CDATA section.
  func filterAll() -> (failure: WorkbookError?, bytes: [UInt8]?) {
    while true {
      filtering.lock()
      filterWaiting()
      let done = finished
      filtering.unlock()
      if done { break }
      condition.lock()
      while next == pieces.count && !ended { condition.wait() }
      condition.unlock()
    }
    condition.lock()
    let failure = outcome
    condition.unlock()
    return (failure, stream.filter.foundCDATA ? nil : stream.filter.output)
  }

  /// Filters every piece waiting, and once the part has ended and none waits, its end. Call holding `filtering`.
  private func filterWaiting() {
    while true {
      condition.lock()
      let piece = next < pieces.count ? pieces[next] : nil
      if piece != nil { next += 1 }
      let atEnd = piece == nil && ended
      condition.unlock()
      guard let piece else {
        if atEnd && !finished {
          stream.feed(UnsafeBufferPointer(start: nil, count: 0), isLast: true)
          finished = true
        }
        return
      }
      // After a CDATA section nothing more is filtered: the part is read again whole.
      if !stream.filter.foundCDATA {
        stream.filterInPlace(
          UnsafeMutableBufferPointer(
            start: piece.buffer.baseAddress! - Self.headroom, count: Self.headroom + pieceSize),
          headroom: Self.headroom, count: piece.count, isLast: false)
      }
      condition.lock()
      spare.append(piece.buffer)
      condition.unlock()
    }
  }
}
