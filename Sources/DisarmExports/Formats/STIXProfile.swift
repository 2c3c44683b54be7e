/// Which consumer the STIX bundle is shaped for (`disarm export stix --profile`). Each profile answers what one
/// consumer reads; `docs/EXPORTS.md` says which behaviour of the consumer each property answers.
public enum STIXProfile: String, Sendable, CaseIterable {
  /// A drop-in for the DISARM Foundation's own bundle (kill chain `mitre-attack`), as the export always was.
  case disarm
  /// OpenCTI (pycti's importer): kill chain `disarm`, each kill-chain phase and tactic with its `x_opencti_order`
  /// (the column OpenCTI's matrix puts it in), every technique and counter with `x_mitre_id` (the identifier pycti
  /// reads: `x_mitre_id`, else only references named `mitre-attack`, `mitre-pre-attack`, … `amitt-attack`), and
  /// sub-techniques in their parent's phases, where OpenCTI's matrix nests them.
  case opencti
  /// The ATT&CK Navigator loading the bundle as a domain: every object with `x_mitre_domains` (the domain
  /// identifier a Navigator configuration gives it), the matrix's first reference the domain, every technique with
  /// kill-chain phases and sub-techniques in their parent's phases (the Navigator places a sub-technique under its
  /// parent's cell, and refuses one that is not in that tactic).
  case navigator

  /// The kill chain the profile names when `--kill-chain` is not given.
  public var defaultKillChain: STIXKillChain { self == .opencti ? .disarm : .mitreAttack }

  /// Whether sub-techniques take their parent's kill-chain phases.
  var phasesFromParent: Bool { self != .disarm }
}
