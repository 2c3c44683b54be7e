import Foundation

/// The incidents of a corpus tree read straight from the files, without the project's parser or model: which
/// incidents and techniques the index pages list, and for each listed incident the techniques its table's rows link
/// to (`| [T0049 …](../../generated_pages/techniques/T0049.md) | … |`), its year and its countries. The statistics
/// tests compare `disarm stats` with counts made from this independent reading.
public struct IncidentTables {
  public struct Incident {
    public var id: String
    public var techniques: Set<String>
    public var year: Int?
    public var countries: Set<String>
  }

  public let incidents: [Incident]

  /// `pages` is the page folder (`…/generated_pages`).
  public init(pages: URL) throws {
    let liveIncidents = try IncidentTables.listed(
      in: pages.appendingPathComponent("incidents_index.md"), folder: "incidents")
    let liveTechniques = try IncidentTables.listed(
      in: pages.appendingPathComponent("techniques_index.md"), folder: "techniques")
    var incidents: [Incident] = []
    for id in liveIncidents.sorted() {
      let file = pages.appendingPathComponent("incidents/\(id).md")
      guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
      var techniques = Set<String>()
      var year: Int?
      var countries = Set<String>()
      var inTable = false
      for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        if line.hasPrefix("| Technique |") {
          inTable = true
          continue
        }
        if inTable {
          guard line.hasPrefix("|") else {
            inTable = false
            continue
          }
          let firstCell = line.dropFirst().split(separator: "|", maxSplits: 1).first.map(String.init) ?? ""
          if let range = firstCell.range(of: #"techniques/T[0-9]{4}(\.[0-9]{3})?\.md"#, options: .regularExpression) {
            let id = String(firstCell[range].dropFirst("techniques/".count).dropLast(3))
            if liveTechniques.contains(id) { techniques.insert(id) }
          }
        }
        if line.contains("**Year started:**") {
          let value = line.components(separatedBy: "**Year started:**")[1].trimmingCharacters(in: .whitespaces)
          year = Double(value).map { Int($0) }
        }
        if line.contains("**Countries:**") {
          let value = line.components(separatedBy: "**Countries:**")[1]
          for part in value.split(separator: ",") {
            let country = part.trimmingCharacters(in: .whitespaces)
            if !country.isEmpty { countries.insert(country) }
          }
        }
      }
      incidents.append(Incident(id: id, techniques: techniques, year: year, countries: countries))
    }
    self.incidents = incidents
  }

  /// The number of incidents of `selected` using each technique.
  public static func counts(_ selected: [Incident]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for incident in selected { for technique in incident.techniques { counts[technique, default: 0] += 1 } }
    return counts
  }

  /// The number of incidents of `selected` using both techniques of each pair (`"T0001 T0002"`, in order).
  public static func pairCounts(_ selected: [Incident]) -> [String: Int] {
    var counts: [String: Int] = [:]
    for incident in selected {
      let sorted = incident.techniques.sorted()
      for (index, first) in sorted.enumerated() {
        for second in sorted[(index + 1)...] { counts["\(first) \(second)", default: 0] += 1 }
      }
    }
    return counts
  }

  /// The identifiers an index page links to in `folder` (`<a href="incidents/I00005.md">`).
  static func listed(in index: URL, folder: String) throws -> Set<String> {
    let text = try String(contentsOf: index, encoding: .utf8)
    let regex = try NSRegularExpression(pattern: "href=\"\(folder)/([A-Z][0-9.]+)\\.md\"")
    let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
    return Set(matches.compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
  }
}
