import DisarmDiagnostics
import DisarmModel
import DisarmParser
import DisarmRegeneration

/// The kill chain that techniques' `kill_chain_phases` name.
public enum STIXKillChain: String, Sendable, CaseIterable {
  /// `mitre-attack`, as in the DISARM Foundation's own bundle: what ATT&CK-based tools (mitreattack-python's
  /// `MitreAttackData`, the ATT&CK Navigator) filter on. Technique, counter and incident IDs are then given with
  /// `source_name: "mitre-attack"`, where those tools read an object's ID.
  case mitreAttack = "mitre-attack"
  /// `disarm`: a kill chain of DISARM's own; every external reference then has `source_name: "DISARM"`.
  case disarm

  /// The `kill_chain_name` of every phase.
  public var killChainName: String { rawValue }

  /// The `source_name` of the external reference that carries a technique's, counter's or incident's DISARM ID.
  public var idSourceName: String { self == .mitreAttack ? "mitre-attack" : "DISARM" }
}

/// A calendar date (`2025-02-10`), written as a STIX timestamp at midnight UTC with millisecond precision.
public struct STIXDate: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Written with four digits.
  public let year: Int
  /// 1 to 12.
  public let month: Int
  /// 1 to the month's last day, leap years counted.
  public let day: Int

  /// Parses `YYYY-MM-DD`; nil unless it is a real date.
  public init?(_ text: some StringProtocol) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
    else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard (1...days).contains(day) else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// `YYYY-MM-DDT00:00:00.000Z`.
  public var timestamp: String { "\(description)T00:00:00.000Z" }

  /// Chronological, so that the newest date added is the maximum.
  public static func < (lhs: STIXDate, rhs: STIXDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The date used when the knowledge base has no incident with a `Date added`.
  public static let fallback = STIXDate("2025-01-01")!

  /// The default date of an export: the newest `Date added` of the live incidents, else 2025-01-01. It depends
  /// only on the pages, never on the clock, so that exporting the same pages twice gives the same bytes.
  public static func newestDateAdded(in kb: KnowledgeBase) -> STIXDate {
    let dates = STIXSelection.live(.incident, in: kb).compactMap { incident -> STIXDate? in
      guard let field = incident.fields.first(where: { $0.key == "date added" }) else { return nil }
      return STIXDate(field.value.trimmed)
    }
    return dates.max() ?? fallback
  }
}

/// What a page's history says about its object, for STIX dates (`disarm export stix --dates git`).
public struct STIXPageHistory: Sendable, Equatable {
  /// The first commit that added the page, as a STIX timestamp (`2024-11-22T10:11:12.000Z`).
  public var created: String
  /// The last commit that changed it.
  public var modified: String
  /// How many commits changed it (the first included).
  public var changes: Int

  public init(created: String, modified: String, changes: Int) {
    self.created = created
    self.modified = modified
    self.changes = changes
  }

  /// `x_mitre_version`: `1.0` for a page committed once, `1.N` after N further changes.
  public var version: String { "1.\(max(0, changes - 1))" }
}
