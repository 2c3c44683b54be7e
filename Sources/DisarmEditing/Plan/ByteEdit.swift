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
    var bytes = bytes
    var applied = bytes.count + 1
    for edit in edits.sorted(by: {
      ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound)
    }) {
      guard edit.range.upperBound <= applied, edit.range.upperBound <= bytes.count else { continue }
      bytes.replaceSubrange(edit.range, with: edit.replacement)
      applied = edit.range.lowerBound
    }
    return bytes
  }
}
