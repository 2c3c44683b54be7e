/// One range of a page's bytes replaced: how a plan made of precise edits (the language server's) keeps them, so
/// that the editor is sent the edits themselves rather than whole pages.
public struct ByteEdit: Sendable, Equatable {
  /// The bytes replaced, in the text the plan replaces.
  public var range: Range<Int>
  /// The new bytes.
  public var replacement: [UInt8]

  public init(range: Range<Int>, replacement: [UInt8]) {
    self.range = range
    self.replacement = replacement
  }

  /// `bytes` with `edits` applied, later ranges first so that earlier offsets stay valid; an edit overlapping one
  /// already applied is skipped rather than guessed at. Fix-its (`lint --fix`) and migrated files are applied here.
  public static func applied(_ edits: [ByteEdit], to bytes: [UInt8]) -> [UInt8] {
    guard !edits.isEmpty else { return bytes }
    // The edits that apply, then the result built once from the first: replacing ranges one after the other in
    // place moved the rest of a 20 MB bundle for every name that changed length.
    let kept = applying(edits, toCount: bytes.count)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + kept.reduce(0) { $0 + $1.replacement.count - $1.range.count })
    var copied = 0
    bytes.withUnsafeBufferPointer { source in
      for edit in kept {
        result.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<edit.range.lowerBound]))
        result.append(contentsOf: edit.replacement)
        copied = edit.range.upperBound
      }
      result.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...]))
    }
    return result
  }

  /// The edits of `edits` that ``applied(_:to:)`` applies to bytes of `count`, first to last: chosen from the last
  /// range, an edit overlapping one already chosen (or reaching past the end) left out.
  public static func applying(_ edits: [ByteEdit], toCount count: Int) -> [ByteEdit] {
    var kept: [ByteEdit] = []
    var applied = count + 1
    for edit in edits.sorted(by: {
      ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound)
    }) {
      guard edit.range.upperBound <= applied, edit.range.upperBound <= count else { continue }
      kept.append(edit)
      applied = edit.range.lowerBound
    }
    return kept.reversed()
  }
}
