import DisarmEditing
import DisarmModel
import Foundation

/// One thing the migration did to a file, or one thing it left for a person to decide, with its place in the file.
public struct MigrationItem: Sendable, Equatable {
  /// What happened.
  public enum Change: String, Sendable, CaseIterable {
    /// The code was kept and the name the file writes was updated.
    case renamed
    /// The technique's tactic changed (a layer's `tactic`, a STIX kill-chain phase).
    case moved
    /// The code was replaced by its replacement from the register.
    case replaced
    /// Two entries landed on one object and were merged into one (or, in a CSV header, now stand for one).
    case merged
    /// Left as written for a person to decide.
    case review
  }

  /// The file, as the user named it.
  public var file: String
  /// Where in it: `line:column` for text, a JSON pointer (`/techniques/12/techniqueID`) for JSON.
  public var place: String
  public var change: Change
  /// The identifier as the file wrote it.
  public var old: String
  /// What it became (nil when left for review).
  public var new: String?
  /// In words: the names, tactics or the reason for review.
  public var detail: String

  public init(file: String, place: String, change: Change, old: String, new: String?, detail: String) {
    self.file = file
    self.place = place
    self.change = change
    self.old = old
    self.new = new
    self.detail = detail
  }
}

/// What migrating a set of files gave: each file's new bytes and every item, in file order.
public struct MigrationResult: Sendable {
  /// One file migrated.
  public struct File: Sendable {
    public var path: String
    /// The format it was read as.
    public var format: MigratedFormat
    public var original: [UInt8]
    /// The edits that make the migrated file of the original (``ByteEdit/applied(_:to:)``): kept rather than applied,
    /// so that a 20 MB bundle is written from its own bytes and a few hundred edits, never copied whole.
    public var edits: [ByteEdit]
    public var items: [MigrationItem]
    /// How many identifiers the file mentions, and how many of them were already right.
    public var identifiers: Int
    public var unchanged: Int
    /// The JSON document as read, kept so that the command can free it at exit rather than value by value.
    public var document: JSONDocument? = nil

    /// The migrated file's bytes.
    public var migrated: [UInt8] { ByteEdit.applied(edits, to: original) }

    /// The migrated file as runs of bytes in order: ranges of the original and the edits' new bytes.
    func pieces(_ body: (UnsafeRawBufferPointer) -> Void) {
      original.withUnsafeBytes { bytes in
        var copied = 0
        for edit in ByteEdit.applying(edits, toCount: original.count) {
          body(UnsafeRawBufferPointer(rebasing: bytes[copied..<edit.range.lowerBound]))
          edit.replacement.withUnsafeBytes { body($0) }
          copied = edit.range.upperBound
        }
        body(UnsafeRawBufferPointer(rebasing: bytes[copied...]))
      }
    }

    /// Whether the migrated bytes differ from the original, compared run by run.
    public var isChanged: Bool {
      var offset = 0
      var differs = false
      original.withUnsafeBytes { bytes in
        pieces { piece in
          guard !differs else { return }
          if offset + piece.count > bytes.count
            || (piece.count > 0 && memcmp(bytes.baseAddress! + offset, piece.baseAddress!, piece.count) != 0)
          {
            differs = true
          }
          offset += piece.count
        }
      }
      return differs || offset != original.count
    }
  }

  public var from: String
  public var to: String
  public var files: [File]

  public init(from: String, to: String, files: [File]) {
    self.from = from
    self.to = to
    self.files = files
  }

  public var items: [MigrationItem] { files.flatMap(\.items) }
  /// Whether anything is left for a person to decide.
  public var needsReview: Bool { items.contains { $0.change == .review } }

  /// Distinct identifiers per change, the numbers a report's summary gives (comparable with `disarm diff`).
  public func distinctIdentifiers(_ change: MigrationItem.Change) -> Int {
    Set(items.filter { $0.change == change }.map { $0.old.uppercased() }).count
  }
}
