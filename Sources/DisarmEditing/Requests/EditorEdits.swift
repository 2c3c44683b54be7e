import DisarmRegeneration
import DisarmSupport
import Foundation

/// The language server's changes (a finding's fix-it, a page regenerated, a name or identifier renamed), computed on
/// the text the editor holds: byte ranges of pages replaced, and pages renamed. What is its own is only which bytes
/// change; the plan is the same ``ChangePlan`` every writer makes, handed to the editor instead of written.
public struct EditorEdits: EditRequest {
  /// One byte range of a page replaced.
  public struct Replacement: Sendable, Equatable {
    /// Page-folder-relative path.
    public var path: String
    /// The bytes replaced, in the page's text as the editor holds it.
    public var range: Range<Int>
    /// The new text.
    public var text: String

    public init(path: String, range: Range<Int>, text: String) {
      self.path = path
      self.range = range
      self.text = text
    }
  }

  /// The page folder.
  public var folder: URL
  /// Each page's text as the editor holds it (open pages' unsaved text), by path: what the edits apply to.
  public var pages: [String: [UInt8]]
  /// The replacements, in any order.
  public var replacements: [Replacement]
  /// Pages renamed (an identifier renamed renames its page's file).
  public var moves: [PageMove]

  public init(folder: URL, pages: [String: [UInt8]], replacements: [Replacement], moves: [PageMove] = []) {
    self.folder = folder
    self.pages = pages
    self.replacements = replacements
    self.moves = moves
  }

  /// Every replacement within its page, none overlapping another of the same page; every move from a known page to
  /// a free page-folder-relative path.
  public func validate() throws(EditRefusal) {
    for (path, edits) in Dictionary(grouping: replacements, by: \.path) {
      guard let bytes = pages[path] else { throw EditRefusal("\(path): not a page of this knowledge base") }
      var end = 0
      for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
        guard edit.range.lowerBound >= end, edit.range.upperBound <= bytes.count else {
          throw EditRefusal("\(path): edits overlap or fall outside the page")
        }
        end = edit.range.upperBound
      }
    }
    for move in moves {
      guard pages[move.from] != nil else { throw EditRefusal("\(move.from): not a page of this knowledge base") }
      guard pages[move.to] == nil else { throw EditRefusal("\(move.to) exists already") }
      do {
        _ = try SafePath.resolvePath(move.to, in: folder.path)
      } catch {
        throw EditRefusal(error.description)
      }
    }
  }

  /// The plan: each edited page's new bytes (its edits applied, from the end backwards) replacing its text, each
  /// moved page created under its new path and removed from the old one, and the edits themselves kept for the
  /// editor.
  public static func plan(_ validated: Validated<Self>) -> ChangePlan {
    let request = validated.request
    var edits: [String: [ByteEdit]] = [:]
    for replacement in request.replacements {
      edits[replacement.path, default: []].append(
        ByteEdit(range: replacement.range, replacement: Array(replacement.text.utf8)))
    }
    var changes: [PageSync.Change] = []
    var newBytes: [String: [UInt8]] = [:]
    for path in edits.keys.sorted() {
      edits[path]!.sort { $0.range.lowerBound < $1.range.lowerBound }
      var bytes = request.pages[path]!
      for edit in edits[path]!.reversed() { bytes.replaceSubrange(edit.range, with: edit.replacement) }
      newBytes[path] = bytes
    }
    let moved = Dictionary(uniqueKeysWithValues: request.moves.map { ($0.from, $0.to) })
    for path in newBytes.keys.sorted() where moved[path] == nil {
      let old = request.pages[path]!
      changes.append(
        PageSync.Change(page: RenderedPage(path: path, bytes: newBytes[path]!, basis: .bytes(old)), current: old))
    }
    var removals: [PageRemoval] = []
    for move in request.moves {
      let old = request.pages[move.from]!
      changes.append(
        PageSync.Change(
          page: RenderedPage(path: move.to, bytes: newBytes[move.from] ?? old, basis: .absent), current: nil))
      removals.append(PageRemoval(path: move.from, bytes: old))
    }
    return ChangePlan(
      for: validated, folder: request.folder, changes: changes, removals: removals, verification: .inTheEditor,
      textEdits: edits, moves: request.moves)
  }
}
