/// A small deterministic random number generator (SplitMix64): the same seed gives the same knowledge base on
/// every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Starts the sequence at `seed`; any value works, zero included, because each step first adds a constant.
  public init(seed: UInt64) { state = seed }

  /// The reference SplitMix64 step, so a seed gives the same sequence here as in other implementations of it.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
