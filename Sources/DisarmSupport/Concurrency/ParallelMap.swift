import Dispatch

/// Maps over an array on all cores, keeping the input order. `transform` must be safe to call concurrently.
public enum ParallelMap {
  /// `transform` of every input, in input order; returns once every call has finished.
  public static func map<Input, Output: Sendable>(_ inputs: [Input], _ transform: (Input) -> Output) -> [Output] {
    let slots = Slots<Output>(count: inputs.count)
    inputs.withUnsafeBufferPointer { buffer in
      nonisolated(unsafe) let buffer = buffer
      withoutActuallyEscaping(transform) { transform in
        nonisolated(unsafe) let transform = transform
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
          slots.set(index, transform(buffer[index]))
        }
      }
    }
    return slots.values()
  }

  /// One write-once slot per input; each index is written by exactly one iteration, so no lock is needed.
  private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int
    init(count: Int) {
      self.count = count
      storage = .allocate(capacity: max(count, 1))
      storage.initialize(repeating: nil, count: count)
    }
    deinit {
      storage.deinitialize(count: count)
      storage.deallocate()
    }
    func set(_ index: Int, _ value: Value) { storage[index] = value }
    func values() -> [Value] { (0..<count).map { storage[$0]! } }
  }
}
