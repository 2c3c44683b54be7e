import DisarmDiagnostics
import DisarmEditing
import DisarmModel
import Foundation

/// `disarm tag REPORT… --into-incident I00123` and `--new-incident "Name"`: the techniques a report mentions written
/// as an incident's technique rows, each with the sentence it was found in as the row's description and the report
/// as a reference, through the one writer.
///
/// It plans as `disarm import` of incident files does (``IncidentImport/planPages``): the report is one
/// ``IncidentRecord`` that adds to its page (``IncidentRecord/addsToPage``): rows are added, never removed, and a
/// sentence a row of its technique already holds is not added again, so tagging the same report twice changes
/// nothing the second time. `--into-incident` names the page; `--new-incident` makes one the first time, which
/// records `report:FILE#name=NAME` as its source identity (`Imported from`) and is found by it afterwards. The
/// technique pages' incident tables and the incidents index are regenerated as for an import.
public enum ReportIncidentImport {
  /// The incident the techniques go to.
  public enum Target: Sendable, Equatable {
    /// An incident page of the knowledge base, by identifier.
    case existing(String)
    /// A new incident page with this name (the same page again when the same report is tagged again).
    case new(name: String)
  }

  /// One technique a report mentions, with the sentence it was found in.
  public struct Use: Sendable, Equatable {
    public var technique: String
    public var sentence: String

    public init(technique: String, sentence: String) {
      self.technique = technique
      self.sentence = sentence
    }
  }

  /// What the user asked for.
  public struct Request: EditRequest {
    /// The knowledge base (its page folder or a folder holding `generated_pages/`).
    public var into: String
    public var framework: String?
    public var target: Target
    /// The reports tagged, as given: their file names are the reference and the new incident's identity.
    public var reports: [String]
    /// The report's web address (`--reference`), the reference row instead of its file name.
    public var reference: String?
    /// The techniques found, in report order.
    public var uses: [Use]

    public init(
      into: String, framework: String? = nil, target: Target, reports: [String], reference: String? = nil,
      uses: [Use]
    ) {
      self.into = into
      self.framework = framework
      self.target = target
      self.reports = reports
      self.reference = reference
      self.uses = uses
    }

    public func validate() throws(EditRefusal) {
      guard !into.isEmpty else { throw EditRefusal("--kb names no folder") }
      guard !reports.isEmpty else { throw EditRefusal("no report given") }
      switch target {
      case .existing(let id):
        guard !id.trimmingWhitespace().isEmpty else { throw EditRefusal("--into-incident names no incident") }
      case .new(let name):
        let name = InputText.name(name)
        guard !name.isEmpty else { throw EditRefusal("--new-incident names no incident: give its name") }
        guard name.count <= Self.maximumNameLength else {
          throw EditRefusal("--new-incident: a name of at most \(Self.maximumNameLength) characters")
        }
      }
      if let reference, IncidentPageContent.linkable(reference) == nil {
        throw EditRefusal("--reference: '\(BoundedText.short(reference))' is not an http(s) address")
      }
    }

    /// An incident's name is a heading: one line, and not a paragraph.
    public static let maximumNameLength = 300
  }

  /// The pages to write, nothing written yet. The plan's incident is the one the techniques go to.
  public static func plan(_ validated: Validated<Request>) throws(EditRefusal) -> IncidentImport.Plan {
    let request = validated.request
    let (folder, kb) = try IncidentImport.load(request.into, framework: request.framework)
    let files = request.reports.map { ($0 as NSString).lastPathComponent }
    let place = InputPlace.whole(request.reports[0])
    var techniques: [TechniqueUse] = []
    var descriptions: [DisarmID: [String]] = [:]
    for use in request.uses {
      guard let id = kb.id(use.technique), id.kind == .technique, let object = kb[id], !object.isStale else {
        throw EditRefusal("\(use.technique) is not a technique of the knowledge base")
      }
      techniques.append(
        TechniqueUse(
          reference: TechniqueReference(identifiers: [id.string]), description: use.sentence, place: place))
      descriptions[id, default: []].append(InputText.cell(use.sentence))
    }
    var record = IncidentRecord(
      identity: "report:\(files.joined(separator: ","))", name: "", techniques: techniques,
      references: request.reference.map { [$0] }, place: place)
    record.addsToPage = true
    record.namedReferences = request.reference == nil ? files : []
    switch request.target {
    case .existing(let written):
      guard let id = kb.id(written.trimmingWhitespace()), id.kind == .incident, let incident = kb[id],
        !incident.isStale, let page = incident.page
      else {
        throw EditRefusal(
          "\(written): no incident page of the knowledge base has this identifier (--new-incident makes one)")
      }
      record.addedTo = id
      record.name = page.heading?.name?.text ?? incident.name
    case .new(let name):
      record.name = InputText.name(name)
      record.identity += "#name=\(record.name)"
    }
    let matcher = IncidentMatcher(kb: kb)
    let plan = IncidentImport.Plan(
      diagnostics: matcher.findings, folder: folder, incidents: [], changePlan: nil,
      remarks: [])
    if plan.hasErrors { return plan }
    let resolved = descriptions.keys.sorted().map { ($0, descriptions[$0]!.joined(separator: "<br><br>")) }
    return try IncidentImport.planPages(
      plan, [(record, resolved)], kb: kb, matcher: matcher, framework: request.framework, validated: validated)
  }
}
