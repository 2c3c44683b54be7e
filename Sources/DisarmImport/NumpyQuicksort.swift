/// The order numpy's default `argsort(kind='quicksort')` gives, which DISARM's generator got from pandas'
/// `sort_values` on its tables: an introsort that is not stable, so rows with equal keys come out in an order that
/// depends only on how many there are (a counter's techniques, all keyed by the counter's own identifier, come out
/// `T0002, T0049, T0048, …` rather than as the cell lists them once there are more than 16).
///
/// Written here, line for line after numpy's `aquicksort_` and `aheapsort_` (numpy/_core/src/npysort), because no
/// package reproduces numpy's tie order and a release can only be reproduced byte for byte with it.
enum NumpyQuicksort {
  /// numpy's `SMALL_QUICKSORT`: partitions this small or smaller are finished by insertion sort.
  static let smallQuicksort = 16

  /// The indices of `keys` in the order `numpy.argsort(keys, kind='quicksort')` gives, comparing with `less`.
  static func argsort<Key>(_ keys: [Key], by less: (Key, Key) -> Bool) -> [Int] {
    var order = Array(keys.indices)
    guard order.count > 1 else { return order }
    func lt(_ a: Int, _ b: Int) -> Bool { less(keys[a], keys[b]) }
    var stack: [(Int, Int, Int)] = []
    var pl = 0
    var pr = order.count - 1
    var depth = mostSignificantBit(order.count) * 2
    while true {
      if depth < 0 {
        heapsort(&order, from: pl, count: pr - pl + 1, lt)
      } else {
        while pr - pl > smallQuicksort {
          let pm = pl + ((pr - pl) >> 1)
          if lt(order[pm], order[pl]) { order.swapAt(pm, pl) }
          if lt(order[pr], order[pm]) { order.swapAt(pr, pm) }
          if lt(order[pm], order[pl]) { order.swapAt(pm, pl) }
          let pivot = order[pm]
          var pi = pl
          var pj = pr - 1
          order.swapAt(pm, pj)
          while true {
            repeat { pi += 1 } while lt(order[pi], pivot)
            repeat { pj -= 1 } while lt(pivot, order[pj])
            if pi >= pj { break }
            order.swapAt(pi, pj)
          }
          order.swapAt(pi, pr - 1)
          // The larger partition waits on the stack.
          depth -= 1
          if pi - pl < pr - pi {
            stack.append((pi + 1, pr, depth))
            pr = pi - 1
          } else {
            stack.append((pl, pi - 1, depth))
            pl = pi + 1
          }
        }
        // Insertion sort of what is left.
        var pi = pl + 1
        while pi <= pr {
          let vi = order[pi]
          var pj = pi
          while pj > pl && lt(vi, order[pj - 1]) {
            order[pj] = order[pj - 1]
            pj -= 1
          }
          order[pj] = vi
          pi += 1
        }
      }
      guard let (left, right, savedDepth) = stack.popLast() else { break }
      pl = left
      pr = right
      depth = savedDepth
    }
    return order
  }

  /// numpy's `npy_get_msb`: the index of the highest set bit.
  static func mostSignificantBit(_ number: Int) -> Int {
    var number = number >> 1
    var bit = 0
    while number > 0 {
      bit += 1
      number >>= 1
    }
    return bit
  }

  /// numpy's `aheapsort_` on `order[start ..< start + count]` (1-based heap indexing, as there).
  static func heapsort(_ order: inout [Int], from start: Int, count: Int, _ lt: (Int, Int) -> Bool) {
    var n = count
    func at(_ i: Int) -> Int { order[start + i - 1] }
    func set(_ i: Int, _ value: Int) { order[start + i - 1] = value }
    var l = n >> 1
    while l > 0 {
      let tmp = at(l)
      var i = l
      var j = l << 1
      while j <= n {
        if j < n && lt(at(j), at(j + 1)) { j += 1 }
        if lt(tmp, at(j)) {
          set(i, at(j))
          i = j
          j += j
        } else {
          break
        }
      }
      set(i, tmp)
      l -= 1
    }
    while n > 1 {
      let tmp = at(n)
      set(n, at(1))
      n -= 1
      var i = 1
      var j = 2
      while j <= n {
        if j < n && lt(at(j), at(j + 1)) { j += 1 }
        if lt(tmp, at(j)) {
          set(i, at(j))
          i = j
          j += j
        } else {
          break
        }
      }
      set(i, tmp)
    }
  }

  /// Python's string order: by code point.
  static func pythonLess(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
  }
}
