import DisarmDiagnostics
import DisarmEditing
import DisarmExports
import DisarmFramework
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import Foundation

/// `disarm import FILE… --into KB` for incidents: STIX 2.1 bundles, MISP event exports and CSV datasets made into
/// incident pages of an existing knowledge base, through the one writer.
///
/// Every file is read under ``IncidentInputBounds`` and every record checked (techniques resolved by
/// ``TechniqueResolver``, identities unique) before anything is planned; with an error nothing is written. Each
/// record then finds its page by its source identity (the page's `Imported from` field), or, for this knowledge
/// base's own export, by the identifier derived from the incident's; a record no page has gets the next incident
/// identifier never used. The seeds are read from memory with the knowledge base and regenerated: the incident pages,
/// the technique pages' incident tables and the incidents index come out of the same renderers as `build`.
public enum IncidentImport {
  /// The formats read; recognised from the content unless `--input-format` names one.
  public enum InputFormat: String, CaseIterable, Sendable {
    case stix, misp, csv
  }

  /// What the user asked for.
  public struct Request: EditRequest {
    public var files: [String]
    /// The knowledge base (its page folder or a folder holding `generated_pages/`).
    public var into: String
    public var framework: String?
    public var inputFormat: InputFormat?
    /// STIX bundles whose attack-patterns' ids are also recognised (`--stix-ids`).
    public var stixIDBundles: [String]
    /// The YAML file saying which CSV column holds what (`--columns`); nil for the default headers.
    public var columns: String?
    /// The CSV datasets' delimiter (`--delimiter`); nil to tell it from each dataset's header row.
    public var delimiter: CSVDelimiter?

    public init(
      files: [String], into: String, framework: String? = nil, inputFormat: InputFormat? = nil,
      stixIDBundles: [String] = [], columns: String? = nil, delimiter: CSVDelimiter? = nil
    ) {
      self.delimiter = delimiter
      self.files = files
      self.into = into
      self.framework = framework
      self.inputFormat = inputFormat
      self.stixIDBundles = stixIDBundles
      self.columns = columns
    }

    public func validate() throws(EditRefusal) {
      guard !files.isEmpty else { throw EditRefusal("no file to import given") }
      guard !into.isEmpty else { throw EditRefusal("--into names no folder") }
    }
  }

  /// What became of one record.
  public struct Outcome: Sendable {
    public enum State: String, Sendable { case created, updated, unchanged }
    public var id: DisarmID
    public var path: String
    public var identity: String
    public var name: String
    public var state: State
  }

  /// The import worked out, nothing written yet.
  public struct Plan: Sendable {
    /// Every finding about the files; with an error there is no change plan.
    public var diagnostics: [Diagnostic]
    public var folder: URL
    /// Each record's page, in input order.
    public var incidents: [Outcome]
    /// The pages to create or rewrite (nil when a file has errors: nothing may be written).
    public var changePlan: ChangePlan?
    /// What was read: format and records per file, blank rows skipped.
    public var remarks: [String]

    public var changes: [PageSync.Change] { changePlan?.changes ?? [] }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  /// Reads, checks and plans the import, writing nothing.
  public static func plan(_ validated: Validated<Request>) throws(EditRefusal) -> Plan {
    let request = validated.request
    let (folder, kb) = try load(request.into, framework: request.framework)
    var diagnostics: [Diagnostic] = []
    var remarks: [String] = []
    var extraIDs: [String: String] = [:]
    for bundle in request.stixIDBundles {
      let read = STIXIdentifierBundle.read(bundle)
      extraIDs.merge(read.ids) { first, _ in first }
      diagnostics += read.findings
    }
    let resolver = TechniqueResolver(kb: kb, extraSTIXIDs: extraIDs)
    var map = CSVColumnMap()
    if let columns = request.columns {
      switch CSVColumnMap.read(columns) {
      case .success(let read): map = read
      case .failure(let failure): diagnostics.append(failure.finding)
      }
    }
    var records: [IncidentRecord] = []
    for file in request.files {
      let galaxies: Set<String> = [MISPEventReader.galaxyType, MISPGalaxy.techniques.type(in: kb)]
      let read = IncidentFileReader.read(
        file, format: request.inputFormat,
        context: .init(map: map, resolver: resolver, galaxyTypes: galaxies, delimiter: request.delimiter))
      diagnostics += read.findings
      records += read.records
      remarks.append(read.remark)
    }
    var resolved: [(record: IncidentRecord, techniques: [(id: DisarmID, description: String)])] = []
    for record in records {
      var descriptions: [DisarmID: [String]] = [:]
      for use in record.techniques {
        guard let id = resolver.resolve(use.reference, at: use.place, findings: &diagnostics) else { continue }
        let text = use.description.trimmingWhitespace()
        if descriptions[id] == nil { descriptions[id] = [] }
        if !text.isEmpty && !(descriptions[id]!.contains(text)) { descriptions[id]!.append(text) }
      }
      let techniques = descriptions.keys.sorted().map {
        ($0, InputText.cell(descriptions[$0]!.joined(separator: "\n\n")))
      }
      resolved.append((record, techniques))
    }
    let matcher = IncidentMatcher(kb: kb)
    diagnostics += matcher.findings
    var seen: [String: InputPlace] = [:]
    for record in records {
      if let first = seen[record.identity] {
        diagnostics.append(
          IncidentFindings.finding(
            IncidentFindings.duplicateSource, record.place,
            "\(record.identity) is also the identity of the record at \(first.file):\(first.line):\(first.column)"))
      } else {
        seen[record.identity] = record.place
      }
    }
    diagnostics.sort()
    let plan = Plan(diagnostics: diagnostics, folder: folder, incidents: [], changePlan: nil, remarks: remarks)
    if plan.hasErrors { return plan }
    return try planPages(
      plan, resolved, kb: kb, matcher: matcher, framework: request.framework, validated: validated)
  }

  /// The knowledge base incidents go into: its page folder (`into`, or the `generated_pages/` in it) and its model.
  static func load(_ into: String, framework: String?) throws(EditRefusal) -> (folder: URL, kb: KnowledgeBase) {
    guard FileManager.default.fileExists(atPath: into) else {
      throw EditRefusal("\(into): no such folder (incidents are imported into an existing knowledge base)")
    }
    let folder: URL
    let kb: KnowledgeBase
    do {
      folder = try PageFolder.resolve(into)
      kb = try KnowledgeBaseLoader.load(from: folder.path, framework: framework)
    } catch {
      throw EditRefusal(error.description)
    }
    guard kb.framework.kind(.incident)?.folder != nil else {
      throw EditRefusal("the \(kb.framework.name) framework has no incident pages")
    }
    return (folder, kb)
  }

  /// The seeds read from memory with the knowledge base, regenerated, and compared with the folder. Every writer of
  /// incident pages plans here: `disarm import` of incident files and `disarm tag --into-incident/--new-incident`
  /// (``ReportIncidentImport``), whose records name the page they add to.
  static func planPages<Asked: EditRequest>(
    _ plan: Plan, _ resolved: [(record: IncidentRecord, techniques: [(id: DisarmID, description: String)])],
    kb: KnowledgeBase, matcher: IncidentMatcher, framework: String?, validated: Validated<Asked>
  ) throws(EditRefusal) -> Plan {
    var plan = plan
    let folderName = kb.framework.kind(.incident)?.folder ?? ObjectKind.incident.folder
    let template = PageRenderer.effectiveTemplate(of: kb)
    var overlay: [String: [UInt8]] = [:]
    var created: [DisarmID] = []
    var nextID = kb.nextIdentifier(of: .incident)
    let index = kb.indexPage(of: .incident)
    var outcomes: [(DisarmID, String, IncidentRecord, Bool)] = []
    for (record, techniques) in resolved {
      var record = record
      let existing = record.addedTo.flatMap { kb[$0] } ?? matcher.match(record)
      if let existing, record.addedTo == nil {
        record.exportedIncident = matcher.isOwnExport(record) ? existing.id : nil
      }
      guard let id = existing?.id ?? nextID else { throw EditRefusal("no incident identifier is left to give") }
      if existing == nil {
        created.append(id)
        nextID = Self.after(id, in: kb)
      }
      let path = existing?.page?.path ?? "\(folderName)/\(id).md"
      let content = IncidentPageContent(kb: kb, techniques: techniques, record: record)
        .content(for: id, existing: existing)
      var seed = Array(NewPageSeed.text(content, in: kb, template: template).utf8)
      if let tail = existing?.page?.notes?.tail { seed = Array(seed.dropLast(Notes.marker.utf8.count)) + tail }
      overlay[path] = seed
      outcomes.append((id, path, record, existing == nil))
    }
    if let index, let first = created.first {
      // The index owns which incidents the knowledge base has: the new ones are listed after the highest below
      // them, in order; their other cells are filled when the index is regenerated.
      var bytes = IndexRowInsertion.listing(first, folder: folderName, in: index, kb: kb)
      let row = { (id: DisarmID) in Array("<tr>\n<td><a href=\"\(folderName)/\(id).md\">\(id)</a></td>\n</tr>\n".utf8) }
      if let end = Self.end(of: row(first), in: bytes) {
        bytes.insert(contentsOf: created.dropFirst().flatMap(row), at: end)
      }
      overlay[index.path] = bytes
    }
    let with: KnowledgeBase
    do {
      with = try KnowledgeBaseLoader.load(
        from: plan.folder.path, framework: framework, overlay: overlay)
    } catch {
      throw EditRefusal(error.description)
    }
    var checked = Linter.check(with)
    let touched = Set(overlay.keys)
    if let first = checked.diagnostics.first(where: { $0.severity == .error && touched.contains($0.file) }) {
      throw EditRefusal("\(first.file) would have an error: \(first.message) [\(first.rule)]")
    }
    var changes: [PageSync.Change]
    do {
      changes = try checked.changes(in: plan.folder, reporting: false).filter { !touched.contains($0.page.path) }
    } catch {
      throw EditRefusal(error.description)
    }
    // The pages read from memory are compared with what the disk holds, which a write may replace only if unchanged.
    // The check above regenerated every page: a touched page it left out is one whose regeneration is its seed,
    // unless regeneration could not place all of its text (left alone, as `build` leaves it).
    var renderedByPath: [String: [UInt8]] = [:]
    for page in checked.rendered.pages where touched.contains(page.path) { renderedByPath[page.path] = page.bytes }
    let unplaceable = Set(checked.rendered.unplaceableText.map(\.path))
    // A seed holds what an incident page owns, not a layout: it is written in the template's layout, as `disarm new`
    // writes a page (regeneration keeps each page's own layout, which for a seed would be the seed's).
    for (id, path, _, _) in outcomes where !unplaceable.contains(path) {
      guard let object = with[id], object.page?.path == path,
        let bytes = ObjectPageRenderer.render(object, in: with, template: template)
      else { continue }
      renderedByPath[path] = bytes
    }
    for (path, seed) in overlay where renderedByPath[path] == nil && !unplaceable.contains(path) {
      renderedByPath[path] = seed
    }
    for path in touched.sorted() {
      guard let bytes = renderedByPath[path] else { continue }
      let disk = FileManager.default.contents(atPath: plan.folder.appendingPathComponent(path).path).map { [UInt8]($0) }
      if disk == bytes { continue }
      changes.append(
        PageSync.Change(
          page: RenderedPage(path: path, bytes: bytes, basis: disk.map { .bytes($0) } ?? .absent), current: disk))
    }
    let changed = Set(changes.map(\.page.path))
    plan.incidents = outcomes.map { id, path, record, isNew in
      Outcome(
        id: id, path: path, identity: record.identity, name: InputText.name(record.name),
        state: isNew ? .created : changed.contains(path) ? .updated : .unchanged)
    }
    changes.sort { $0.page.path < $1.page.path }
    plan.changePlan = ChangePlan(
      for: validated, folder: plan.folder, changes: changes, verification: .checkedWhilePlanning)
    return plan
  }

  /// The offset just after the first occurrence of `needle` in `bytes`.
  static func end(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
      if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start + needle.count }
    }
    return nil
  }

  /// The incident identifier after `id` (the next one never used, once `id` is taken).
  static func after(_ id: DisarmID, in kb: KnowledgeBase) -> DisarmID? {
    let shape = kb.words(.incident).id
    guard let number = Int(id.string.dropFirst(shape.prefix.count)) else { return nil }
    let digits = String(number + 1)
    let padded = String(repeating: "0", count: max(0, shape.digits - digits.count)) + digits
    guard padded.count <= shape.digits + shape.extraDigits else { return nil }
    return kb.id(shape.prefix + padded)
  }
}
