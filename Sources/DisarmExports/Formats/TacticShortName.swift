import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration

/// The short name of a tactic (`select-channels-and-affordances`): the `x_mitre_shortname` of its STIX
/// `x-mitre-tactic`, the `phase_name` of the techniques' kill-chain phases, and the `tactic` of Navigator layer
/// entries. It is the DISARM Foundation's own rule (the name lower-cased, spaces as hyphens), with any other run of
/// characters that are neither letters nor digits also turned into one hyphen, which gives the same short names for
/// every tactic of the four published releases.
public enum TacticShortName {
  /// The short name made from a tactic name.
  public static func make(_ name: String) -> String {
    var result = ""
    var pendingHyphen = false
    for character in name.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingHyphen && !result.isEmpty { result.append("-") }
        pendingHyphen = false
        result.append(character)
      } else {
        pendingHyphen = true
      }
    }
    return result
  }

  /// The short name of every exported tactic. Two tactics whose names give the same short name (which no release
  /// has) would make one kill-chain phase of two; the later one in framework order gets its ID appended
  /// (`develop-narratives-ta14`).
  public static func all(in kb: KnowledgeBase) -> [DisarmID: String] {
    var result: [DisarmID: String] = [:]
    var taken = Set<String>()
    for tactic in STIXSelection.tactics(in: kb) {
      var name = make(tactic.name)
      if name.isEmpty || taken.contains(name) {
        name = (name.isEmpty ? "" : name + "-") + tactic.id.string.lowercased()
      }
      taken.insert(name)
      result[tactic.id] = name
    }
    return result
  }
}
