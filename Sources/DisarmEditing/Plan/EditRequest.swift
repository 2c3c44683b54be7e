/// A request to change a knowledge base: `build --write`, `lint --fix`, `disarm new`, `disarm import`, and the
/// language server's code actions and renames.
///
/// Every writer is the same three steps, and this protocol is the first: a request is checked on its own (options
/// that exclude each other, names, paths, the folder) before anything is read or written. Only a checked request
/// becomes a ``Validated`` value, and a ``ChangePlan`` can only be made from one, so no writer can write before its
/// request has passed every check (the bug this shape rules out: `lint --fix --since A --against B` once fixed pages
/// and only then refused the options).
public protocol EditRequest: Sendable {
  /// Checks everything about the request that needs no planning: throws ``EditRefusal`` naming what is wrong.
  func validate() throws(EditRefusal)
}

extension EditRequest {
  /// The request, checked: the only way to obtain the ``Validated`` value that planning needs.
  public func validated() throws(EditRefusal) -> Validated<Self> {
    try validate()
    return Validated(checked: self)
  }
}
