import DisarmEditing

/// A file's bytes with a set of precise replacements: the only way a migration changes a file, so that every byte
/// it does not mean to change stays as the user wrote it.
struct EditedBytes {
  let original: [UInt8]
  private(set) var edits: [ByteEdit] = []

  init(_ original: [UInt8]) { self.original = original }

  /// Replaces `range` with `replacement`, unless it equals what is there already.
  mutating func replace(_ range: Range<Int>, with replacement: [UInt8]) {
    guard Array(original[range]) != replacement else { return }
    edits.append(ByteEdit(range: range, replacement: replacement))
  }
}

extension EditedBytes {
  /// Removes the elements at `indices` of `array` with the separators that join them to their neighbours: an
  /// element followed by another loses the bytes up to that one; a trailing run goes with the separator before it.
  mutating func removeElements(_ indices: Set<Int>, of array: JSONSpan) {
    let elements = array.elements
    guard !indices.isEmpty else { return }
    // Edits inside a removed element (its code already rewritten) go with it.
    for index in indices {
      let range = elements[index].range
      edits.removeAll { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound }
    }
    var trailing = elements.count
    while trailing > 0, indices.contains(trailing - 1) { trailing -= 1 }
    for index in indices.sorted() where index < trailing {
      replace(elements[index].range.lowerBound..<elements[index + 1].range.lowerBound, with: [])
    }
    if trailing < elements.count {
      let start = trailing > 0 ? elements[trailing - 1].range.upperBound : elements[trailing].range.lowerBound
      replace(start..<elements[elements.count - 1].range.upperBound, with: [])
    }
  }

  /// Inserts `bytes` at `offset`.
  mutating func insert(at offset: Int, _ bytes: [UInt8]) {
    edits.append(ByteEdit(range: offset..<offset, replacement: bytes))
  }

  /// Sets member `key` of `object` to the raw JSON `value`: the value replaced when the member exists, else the
  /// member inserted first.
  mutating func setMember(_ key: String, of object: JSONSpan, to value: [UInt8]) {
    if let member = object.members.first(where: { $0.key == key }) {
      replace(member.value.range, with: value)
    } else {
      let at = object.range.lowerBound + 1
      let separator: [UInt8] = object.members.isEmpty ? [] : Array(", ".utf8)
      edits.append(ByteEdit(range: at..<at, replacement: jsonLiteral(key) + Array(": ".utf8) + value + separator))
    }
  }
}
