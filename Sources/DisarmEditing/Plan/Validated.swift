/// A request that has passed ``EditRequest/validate()``. Its initialiser is internal to this target, so the only way
/// to hold one is ``EditRequest/validated()``; ``ChangePlan`` asks for one, which makes "check before writing"
/// structural rather than a convention each command must remember.
public struct Validated<Request: EditRequest>: Sendable {
  /// The checked request.
  public let request: Request

  init(checked request: Request) { self.request = request }
}
