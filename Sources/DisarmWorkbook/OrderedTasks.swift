import Dispatch
import Foundation

/// Tasks run on all cores, started in the order given, each once the earlier tasks it waits for have finished.
///
/// Reading a workbook is a small graph: a sheet's part can be inflated at any time, but scanned only once the
/// workbook's shared strings and styles are read. Ordering the independent work largest first, then the dependent
/// work, keeps every core busy: while one inflates DISARM's 28 MB sheet, the other reads everything else. Since a task
/// waits only for earlier ones, which were started before it, the tasks never wait for each other in a circle, on
/// any number of cores (on one they simply run in order).
enum OrderedTasks {
  struct Task {
    /// Indices of earlier tasks that must have finished first.
    var after: [Int]
    var run: () -> Void
  }

  static func run(_ tasks: [Task]) {
    guard !tasks.isEmpty else { return }
    let progress = Progress(count: tasks.count)
    nonisolated(unsafe) let tasks = tasks
    let workers = min(tasks.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let index = progress.claim() {
        let task = tasks[index]
        precondition(task.after.allSatisfy { $0 < index }, "a task waits only for earlier tasks")
        progress.wait(for: task.after)
        task.run()
        progress.finish(index)
      }
    }
  }

  /// Values that tasks write, one slot each, written once by one task and read by tasks that wait for it (or once
  /// every task has finished).
  final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    let count: Int

    init(count: Int) {
      self.count = count
      storage = .allocate(capacity: max(count, 1))
      storage.initialize(repeating: nil, count: count)
    }

    deinit {
      storage.deinitialize(count: count)
      storage.deallocate()
    }

    subscript(index: Int) -> Value? {
      get { storage[index] }
      set { storage[index] = newValue }
    }
  }

  /// Which task is next and which have finished, under one lock.
  private final class Progress: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    private var finished: [Bool]

    init(count: Int) { finished = Array(repeating: false, count: count) }

    func claim() -> Int? {
      condition.lock()
      defer { condition.unlock() }
      guard next < finished.count else { return nil }
      next += 1
      return next - 1
    }

    func wait(for indices: [Int]) {
      guard !indices.isEmpty else { return }
      condition.lock()
      while !indices.allSatisfy({ finished[$0] }) { condition.wait() }
      condition.unlock()
    }

    func finish(_ index: Int) {
      condition.lock()
      finished[index] = true
      condition.broadcast()
      condition.unlock()
    }
  }
}
