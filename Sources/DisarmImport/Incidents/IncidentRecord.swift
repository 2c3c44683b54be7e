import DisarmModel

/// One incident as a source describes it, before its techniques are resolved: what `disarm import` reads from a STIX
/// bundle, a MISP event or a CSV row, in the same shape for every format.
struct IncidentRecord: Sendable {
  /// The record's identity in its source (`stix:campaign--…`), kept on the page as its `Imported from` field.
  var identity: String
  /// The incident of this knowledge base the record is an export of (`disarm export stix` or `export misp --events`
  /// of this knowledge base: its identifier is derived from the incident's), if any.
  var exportedIncident: DisarmID?
  var name: String
  /// nil when the source says nothing: the page keeps what it has.
  var summary: String?
  var yearStarted: String?
  var countries: String?
  var foundVia: String?
  var dateAdded: String?
  /// The techniques the record shows, each with the description the source gives for the use.
  var techniques: [TechniqueUse]
  /// The source's URLs for the incident (its references table); nil when the source has none to give.
  var references: [String]?
  /// Where the record starts in its file.
  var place: InputPlace
  /// The incident the record adds to, named by the user (`disarm tag --into-incident`), rather than found by identity.
  var addedTo: DisarmID? = nil
  /// Whether the record adds to its page rather than saying all there is (`disarm tag`): its techniques' rows are
  /// added to the page's rows, none removed, and a description already in a row of its technique is not added again;
  /// its references are added to the page's; and a page that records no source identity is not given one.
  var addsToPage = false
  /// References without a web address (the report file `disarm tag` read), each a row naming it when no row does.
  var namedReferences: [String] = []
}

/// One technique an incident uses, as the source names it.
struct TechniqueUse: Sendable {
  var reference: TechniqueReference
  var description: String
  var place: InputPlace
}

/// A technique as a source names it: by DISARM identifier (several places may give one), by the STIX id of an
/// attack-pattern, or only by name. Resolved in that order (``TechniqueResolver``).
struct TechniqueReference: Sendable, Hashable {
  /// DISARM identifiers as written (`T0049.003`), from the most to the least authoritative place.
  var identifiers: [String] = []
  /// The STIX id of the attack-pattern (`attack-pattern--…`).
  var stixID: String?
  /// The technique's name as the source gives it.
  var name: String?

  /// How the message names it.
  var shown: String {
    identifiers.first ?? stixID ?? name.map { "'\($0)'" } ?? "a technique without identifier or name"
  }
}

/// A place in an input file: `file:line:column` for JSON (from the byte offset), `file:row:column` for CSV.
struct InputPlace: Sendable, Hashable {
  var file: String
  var line: Int
  var column: Int

  static func whole(_ file: String) -> InputPlace { InputPlace(file: file, line: 0, column: 0) }
}
