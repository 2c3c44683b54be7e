import DisarmDiagnostics
import DisarmFramework
import Yams

/// Which column of a CSV dataset holds what: by default the common headers (below), else what `--columns MAP.yml`
/// says, read with the project's bounded YAML reader:
///
/// ```yaml
/// id: incident_id                     # the row's own identifier (its source identity); else the name is
/// name: Incident name                 # the incident's name (required)
/// summary: Description
/// year: Year started                  # a year, or a date starting with one
/// country: Target country             # with actor, the page's Countries field: "ACTOR , COUNTRY"
/// actor: Attributed to
/// found-via: Reported by
/// sources: [Source 1, Source 2, Archive]   # columns of web addresses: the References table
/// techniques:
///   prefix: "TTP "                    # text before the identifier in a technique column's header
///   columns: {"State propaganda": T0002}   # headers that carry no identifier
///   ignore: [T0000 Notes]             # headers that look like techniques but are not
/// ```
///
/// Headers are compared with letter case, `_`, `-` and runs of spaces ignored (``folded(_:)``). A technique column is
/// one whose header starts with a technique identifier, alone or followed by `_`, `-`, `:` or a space and a name
/// (`T0002_Facilitate State Propaganda`, `T0002 Facilitate State Propaganda`); a name that differs from the
/// framework's is reported, and the identifier is what counts.
struct CSVColumnMap {
  /// A role a metadata column plays.
  enum Role: String, CaseIterable {
    case id, name, summary, year, country, actor
    case foundVia = "found-via"
  }

  /// The header (folded) each role is read from, when the map names one.
  var named: [Role: String] = [:]
  /// Where the map names each role's header (for the error when the dataset has no such column).
  var namedAt: [Role: InputPlace] = [:]
  /// The headers (folded) of the source columns, when the map lists them.
  var sources: [String]?
  var sourcesAt: [String: InputPlace] = [:]
  /// Text before the identifier in a technique column's header.
  var techniquePrefix = ""
  /// Headers (folded) without an identifier, each with the identifier it stands for.
  var techniqueColumns: [String: String] = [:]
  /// Headers (folded) never read as technique columns.
  var ignored: Set<String> = []

  /// The headers (folded) each role is looked for under when the map does not name one, in order of preference.
  static let defaults: [Role: [String]] = [
    .id: ["id", "incident id", "uid", "uuid", "identifier", "row id", "record id", "key"],
    .name: ["name", "title", "incident", "incident name", "incident title", "campaign", "campaign name"],
    .summary: ["description", "summary", "desc", "incident description", "details", "abstract"],
    .year: ["year", "year started", "start year", "started", "year of incident", "date", "start date"],
    .country: [
      "country", "countries", "target country", "target countries", "targeted country", "targeted countries",
      "found in country", "location",
    ],
    .actor: [
      "actor", "actors", "threat actor", "attributed actor", "attribution", "attributed to", "attributions seen",
      "perpetrator", "source country",
    ],
    .foundVia: ["found via", "reported by", "found by"],
  ]

  /// The first words of the headers of source columns by default (`url`, `Source 2`, `reference_url`, `links`).
  static let sourceWords: Set<String> = [
    "url", "urls", "link", "links", "source", "sources", "reference", "references", "ref", "refs", "archive",
  ]

  /// A header as compared: lower case, `_` and `-` as spaces, runs of white space as one, trimmed.
  static func folded(_ header: String) -> String {
    let spaced = String(
      header.lowercased().map { (character: Character) -> Character in
        character == "_" || character == "-" ? " " : character
      })
    return spaced.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Whether a header (folded) is a source column by default: its first word is a source word, or it has `url`.
  static func isDefaultSource(_ folded: String) -> Bool {
    let words = folded.split(separator: " ")
    guard let first = words.first else { return false }
    return sourceWords.contains(String(first)) || words.contains("url") || words.contains("urls")
  }

  // MARK: - The mapping file

  /// The map in the YAML file `path`, or the error (at its line and column) that stops the import.
  static func read(_ path: String) -> Result<CSVColumnMap, IncidentFindings.Failure> {
    let bytes: [UInt8]
    switch IncidentFileReader.load(path) {
    case .success(let loaded): bytes = loaded
    case .failure(let failure): return .failure(failure)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .failure(IncidentFindings.failure(IncidentFindings.malformed, .whole(path), "--columns: not UTF-8 text"))
    }
    do throws(DescriptionError) {
      return .success(try parse(text, path: path))
    } catch {
      return .failure(
        IncidentFindings.failure(
          IncidentFindings.malformed, InputPlace(file: path, line: error.line, column: error.column),
          "--columns: \(error.message)"))
    }
  }

  static func parse(_ text: String, path: String) throws(DescriptionError) -> CSVColumnMap {
    var map = CSVColumnMap()
    guard let root = try BoundedYAML.compose(text, path: path) else { return map }
    guard let mapping = root.mapping else {
      throw error(path, root, "the file must be a mapping of roles (name, summary, …) to column headers")
    }
    let allowed = Role.allCases.map(\.rawValue) + ["sources", "techniques"]
    for (key, value) in mapping {
      guard let name = key.scalar?.string, allowed.contains(name) else {
        let shown = key.scalar.map { BoundedYAML.inert($0.string, limit: 40) } ?? "(not text)"
        throw error(path, key, "unknown key '\(shown)' (expected one of \(allowed.joined(separator: ", ")))")
      }
      switch name {
      case "sources":
        for (header, node) in try headers(value, key: name, path: path) {
          map.sources = (map.sources ?? []) + [header]
          map.sourcesAt[header] = place(path, node)
        }
      case "techniques":
        try readTechniques(value, into: &map, path: path)
      default:
        let role = Role(rawValue: name)!
        guard let header = value.scalar?.string, !folded(header).isEmpty else {
          throw error(path, value, "'\(name)' must name one column header")
        }
        map.named[role] = folded(header)
        map.namedAt[role] = place(path, value)
      }
    }
    return map
  }

  /// `techniques:` — `prefix`, `columns` (header → identifier) and `ignore` (headers).
  static func readTechniques(_ node: Node, into map: inout CSVColumnMap, path: String) throws(DescriptionError) {
    guard let mapping = node.mapping else {
      throw error(path, node, "'techniques' must be a mapping with prefix, columns or ignore")
    }
    for (key, value) in mapping {
      switch key.scalar?.string {
      case "prefix":
        guard let prefix = value.scalar?.string else { throw error(path, value, "'prefix' must be text") }
        map.techniquePrefix = prefix
      case "columns":
        guard let columns = value.mapping else {
          throw error(path, value, "'columns' must map column headers to technique identifiers")
        }
        for (header, id) in columns {
          guard let text = header.scalar?.string, let identifier = id.scalar?.string else {
            throw error(path, header, "each entry of 'columns' is a header and an identifier")
          }
          map.techniqueColumns[folded(text)] = identifier
        }
      case "ignore":
        for (header, _) in try headers(value, key: "ignore", path: path) { map.ignored.insert(header) }
      default:
        throw error(path, key, "unknown key in 'techniques' (expected prefix, columns or ignore)")
      }
    }
  }

  /// One header or a list of them, folded, each with its node.
  static func headers(_ node: Node, key: String, path: String) throws(DescriptionError) -> [(String, Node)] {
    if let scalar = node.scalar { return [(folded(scalar.string), node)] }
    guard let sequence = node.sequence else { throw error(path, node, "'\(key)' must be a header or a list of them") }
    var result: [(String, Node)] = []
    for item in sequence {
      guard let text = item.scalar?.string else { throw error(path, item, "'\(key)' must list column headers") }
      result.append((folded(text), item))
    }
    return result
  }

  static func place(_ path: String, _ node: Node) -> InputPlace {
    InputPlace(file: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
  }

  static func error(_ path: String, _ node: Node, _ message: String) -> DescriptionError {
    DescriptionError(path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: message)
  }
}
