import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration
import Foundation

/// The `value` of each cluster value: the object's name, unique within its cluster.
///
/// MISP refuses a cluster in which two values have the same `value` (its tag is `misp-galaxy:TYPE="VALUE"`), and
/// DISARM has objects that share a name. Objects whose names are the same once letter case, Unicode compatibility
/// forms and runs of white space are ignored are all written `Name - ID` (`Censorship - C00016`); none is dropped.
/// An object with no name is written as its identifier.
public enum MISPValueNames {
  /// The value of every object in `objects` (one cluster's), by identifier.
  public static func names(for objects: [DisarmObject]) -> [DisarmID: String] {
    var names: [DisarmID: String] = [:]
    var suffixed = Set<DisarmID>()
    for object in objects {
      let name = object.name.trimmingWhitespace()
      names[object.id] = name.isEmpty ? object.id.string : name
    }
    // A suffixed name can in principle meet another object's literal name; each round suffixes at least one more
    // object, and an object is suffixed at most once, so this ends.
    while true {
      var groups: [String: [DisarmID]] = [:]
      for object in objects { groups[key(names[object.id]!), default: []].append(object.id) }
      let clashing = groups.values.filter { $0.count > 1 }.flatMap { $0 }.filter { !suffixed.contains($0) }
      if clashing.isEmpty { return names }
      for id in clashing {
        names[id] = "\(names[id]!) - \(id.string)"
        suffixed.insert(id)
      }
    }
  }

  /// The comparison key: NFKC, lower case, white space runs as one space, no leading or trailing space.
  public static func key(_ name: String) -> String {
    name.precomposedStringWithCompatibilityMapping.lowercased()
      .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
