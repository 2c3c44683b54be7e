import DisarmDiagnostics
import DisarmRegeneration
import Foundation

/// Every change one request makes to a knowledge base, worked out and not yet written: the one shape every writer
/// produces and the one executor writes.
///
/// The stages, in order: a validated request (``Validated``) → this plan (each page's new bytes with the bytes
/// they replace, pages to remove) → ``verified()`` (the whole knowledge base checked with the plan read from
/// memory) → ``VerifiedChangePlan/write(holding:)`` (under the writer lock, each page compared-and-swapped) → an
/// ``EditReport`` of what was written, skipped or removed. The language server stops before writing: it hands the
/// verified plan to the editor as a workspace edit.
public struct ChangePlan: Sendable {
  /// The page folder the paths are relative to.
  public let folder: URL
  /// The pages to create or rewrite, each with the bytes it replaces (its ``RenderedPage/Basis``).
  public let changes: [PageSync.Change]
  /// The pages to remove, each only if it still holds exactly these bytes.
  public let removals: [PageRemoval]
  /// Whether the folder may be created when it does not exist yet (an import into a new folder).
  public let createsFolder: Bool
  /// How the plan is checked before it is written.
  let verification: Verification
  /// For plans made of precise edits (the language server's): each page's edits, by path, in order. Empty otherwise.
  public let textEdits: [String: [ByteEdit]]
  /// Pages renamed; each is also a creation in ``changes`` and a removal in ``removals``.
  public let moves: [PageMove]

  /// How a plan is checked against the whole knowledge base before anything is written.
  public enum Verification: Sendable {
    /// The executor loads the knowledge base with the plan's pages read from memory and refuses the plan when a
    /// planned page would have an error that `errorsBefore` (the findings of the knowledge base as read) does not
    /// have. For regenerations and fixes, whose pages are derived from a model already checked.
    case overlay(framework: String?, errorsBefore: [Diagnostic])
    /// The request already read the knowledge base with its planned pages from memory and checked it while
    /// planning (`disarm new` derives the other pages from that check; `disarm import` checks the spreadsheet and
    /// regenerates the whole tree from memory).
    case checkedWhilePlanning
    /// The language server's plans: the editor shows the edit to its user, who applies it or not, and the server
    /// checks the result as soon as the editor sends the changed text. Never written by the executor.
    case inTheEditor
  }

  /// A plan for a validated request: the only initialiser, so no plan exists for a request that was not checked.
  public init<Request: EditRequest>(
    for request: Validated<Request>, folder: URL, changes: [PageSync.Change], removals: [PageRemoval] = [],
    createsFolder: Bool = false, verification: Verification, textEdits: [String: [ByteEdit]] = [:],
    moves: [PageMove] = []
  ) {
    self.folder = folder
    self.changes = changes
    self.removals = removals
    self.createsFolder = createsFolder
    self.verification = verification
    self.textEdits = textEdits
    self.moves = moves
  }

  /// Whether the plan changes nothing.
  public var isEmpty: Bool { changes.isEmpty && removals.isEmpty }

  /// The planned pages by path, as the knowledge base reads them from memory during verification.
  public var overlay: [String: [UInt8]] {
    Dictionary(changes.map { ($0.page.path, $0.page.bytes) }, uniquingKeysWith: { _, last in last })
  }
}
