import DisarmDiagnostics
import DisarmParser

/// DISARM's sectors, which actor-type pages name only by code (`* **Sector:** S002, S003`). MISP's actor-type
/// galaxy shows them by name (`sectors:Civil Society`), as the DISARM Foundation's spreadsheet names them; no page
/// of a knowledge base holds these names, so they are kept here.
public enum MISPSectors {
  /// Sector names by code, in code order.
  public static let names: [(code: String, name: String)] = [
    ("S001", "Nonprofit"), ("S002", "Civil Society"), ("S003", "Government"), ("S004", "Academic"),
    ("S005", "Activist"), ("S006", "General Public"), ("S007", "Social Media Company"),
    ("S008", "Other Tech Company"), ("S009", "Other Company"), ("S010", "Media"),
  ]

  /// The name of a sector code; an unknown code is its own name.
  public static func name(of code: String) -> String {
    names.first { $0.code == code }?.name ?? code
  }

  /// The codes of a `Sector` field value (`S001, S002`), each once, in the order written.
  public static func codes(in value: String) -> [String] {
    var seen = Set<String>()
    return value.split(separator: ",").map { $0.trimmingWhitespace() }
      .filter { !$0.isEmpty && seen.insert($0).inserted }
  }
}
