import DisarmSupport
import Foundation

/// The writer lock of one knowledge base, held by a writing command. The executor is the only code that takes
/// ``WriterLock``: a command that must hold it before it reads (`build --write` and `lint --fix`, so that the pages
/// they read are the pages they replace) takes it here and hands it to ``VerifiedChangePlan/write(holding:)``.
public final class EditLock {
  let folder: URL
  private let lock: WriterLock

  /// Takes the lock of the page folder `folder` (waiting a moment for another writer; then a ``WriteError`` naming
  /// it). Released when the last reference goes.
  public init(_ folder: URL) throws(WriteError) {
    self.folder = folder
    lock = try WriterLock.acquire(in: folder)
  }
}
