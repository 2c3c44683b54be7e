/// Unified diffs (`diff -u` format) between two versions of a file, for `disarm build --check --diff`.
public enum UnifiedDiff {
  /// One line of an edit script.
  enum Operation: Equatable {
    case same(old: Int, new: Int)
    case removed(old: Int)
    case inserted(new: Int)
  }

  /// The diff of `old` and `new` with `context` lines around each change, or "" when they are equal.
  public static func diff(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
    guard old != new else { return "" }
    let a = lines(old)
    let b = lines(new)
    let operations = editScript(a.map(\.text), b.map(\.text))
    var output = "--- \(oldName)\n+++ \(newName)\n"
    var index = 0
    while index < operations.count {
      // Find the next change, then extend the hunk while changes are within 2*context lines of each other.
      guard let firstChange = operations[index...].firstIndex(where: { if case .same = $0 { false } else { true } })
      else { break }
      let start = max(index, firstChange - context)
      var end = firstChange
      var lastChange = firstChange
      while end < operations.count {
        if case .same = operations[end] {
          if end - lastChange > 2 * context { break }
        } else {
          lastChange = end
        }
        end += 1
      }
      end = min(operations.count, lastChange + context + 1)
      output += hunk(operations[start..<end], a, b)
      index = end
    }
    return output
  }

  static func hunk(_ operations: ArraySlice<Operation>, _ a: [Line], _ b: [Line]) -> String {
    var oldStart: Int?
    var newStart: Int?
    var oldCount = 0
    var newCount = 0
    var body = ""
    func emit(_ prefix: String, _ line: Line) {
      body += prefix + line.text + "\n"
      if !line.terminated { body += "\\ No newline at end of file\n" }
    }
    for operation in operations {
      switch operation {
      case .same(let old, let new):
        oldStart = oldStart ?? old
        newStart = newStart ?? new
        oldCount += 1
        newCount += 1
        emit(" ", a[old])
      case .removed(let old):
        oldStart = oldStart ?? old
        oldCount += 1
        emit("-", a[old])
      case .inserted(let new):
        newStart = newStart ?? new
        newCount += 1
        emit("+", b[new])
      }
    }
    // Ranges are 1-based; an empty range names the line before it.
    let oldFrom = oldCount == 0 ? (oldStart ?? 0) : (oldStart ?? 0) + 1
    let newFrom = newCount == 0 ? (newStart ?? 0) : (newStart ?? 0) + 1
    return "@@ -\(oldFrom),\(oldCount) +\(newFrom),\(newCount) @@\n" + body
  }

  struct Line {
    var text: String
    var terminated: Bool
  }

  static func lines(_ bytes: [UInt8]) -> [Line] {
    var result: [Line] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      result.append(Line(text: String(decoding: bytes[start..<index], as: UTF8.self), terminated: true))
      start = index + 1
    }
    if start < bytes.count {
      result.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), terminated: false))
    }
    return result
  }

  /// A shortest edit script from the standard library's Myers difference.
  static func editScript(_ a: [String], _ b: [String]) -> [Operation] {
    let difference = b.difference(from: a)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var operations: [Operation] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, removed.contains(i) {
        operations.append(.removed(old: i))
        i += 1
      } else if j < b.count, inserted.contains(j) {
        operations.append(.inserted(new: j))
        j += 1
      } else {
        operations.append(.same(old: i, new: j))
        i += 1
        j += 1
      }
    }
    return operations
  }
}

extension UnifiedDiff {
  /// The diff of a page from its current bytes to its regenerated ones, as `a/PATH` and `b/PATH`.
  public static func diff(_ change: PageSync.Change) -> String {
    diff(
      old: change.current ?? [], new: change.page.bytes, oldName: "a/\(change.page.path)",
      newName: "b/\(change.page.path)")
  }
}
