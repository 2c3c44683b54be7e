import DisarmDiagnostics
import DisarmModel
import DisarmReports
import Foundation

/// The reports open in the editor: Markdown files of the workspace that are not pages of a knowledge base, each
/// tagged with `disarm tag`'s ``Tagger`` against the knowledge base chosen for it. A report is tagged again after a
/// burst of edits (as pages are re-checked), and when a re-check of its knowledge base changes what the tagger reads
/// (identifiers, names, the register of retired identifiers).
final class Reports {
  /// The largest report the editor tags: 4 MiB, about 200 ms of tagging after each burst of edits (the tagger is
  /// linear: `disarm tag` takes a 1 MB report in about 115 ms, a 10 MB one in about 520 ms). A larger report gets one
  /// diagnostic saying so; `disarm tag` reads reports of up to 64 MiB (``ReportReader/byteLimit``).
  static let defaultLargestTagged = 4 << 20

  /// The largest report tagged (a test lowers it).
  var largestTagged = Reports.defaultLargestTagged

  /// The open reports' text, by URI, with the knowledge base each is tagged against.
  private var texts: [String: (bytes: [UInt8], workspace: Workspace)] = [:]
  /// The open reports as last tagged, by URI.
  private(set) var tagged: [String: TaggedReport] = [:]
  /// Each knowledge base's tagger (by the workspace's identity), made again after its model changes, with the
  /// fingerprint of what it reads.
  private var taggers: [ObjectIdentifier: (generation: Int, fingerprint: Int, tagger: Tagger)] = [:]

  /// Whether `uri` names a Markdown file (`.md`, `.markdown`, case aside).
  static func isMarkdown(_ uri: String) -> Bool {
    guard let url = URL(string: uri), url.isFileURL else { return false }
    return ["md", "markdown"].contains(url.pathExtension.lowercased())
  }

  /// Whether the report `uri` is open in the editor.
  func isOpen(_ uri: String) -> Bool { texts[uri] != nil }

  /// The knowledge base the open report `uri` is tagged against.
  func workspace(of uri: String) -> Workspace? { texts[uri]?.workspace }

  /// The text of the open report `uri` as the editor has it.
  func text(of uri: String) -> [UInt8]? { texts[uri]?.bytes }

  /// Sets the editor's text of the report `uri` (tagged at the next ``tag(_:)``), or (nil) closes it.
  func setOpen(_ uri: String, _ bytes: [UInt8]?, workspace: Workspace) {
    if let bytes {
      texts[uri] = (bytes, workspace)
    } else {
      texts[uri] = nil
      tagged[uri] = nil
    }
  }

  /// Tags the open report `uri` again, with its text as the editor has it; nil when it is not open.
  @discardableResult
  func tag(_ uri: String) -> TaggedReport? {
    guard let (bytes, workspace) = texts[uri] else { return nil }
    let report = tagged(uri, bytes, against: workspace)
    tagged[uri] = report
    return report
  }

  /// The report `uri` as the server holds it: the open one, tagged (a request has the edits before it tagged), else
  /// the file read from disk and tagged for this one request.
  func report(_ uri: String, against workspace: Workspace) throws(ResponseError) -> TaggedReport {
    if isOpen(uri) {
      if let report = tagged[uri], report.workspace === workspace, report.file.bytes == texts[uri]?.bytes {
        return report
      }
      if let report = tag(uri) { return report }
    }
    guard let url = URL(string: uri), url.isFileURL else { throw ResponseError.failed("\(uri) is not a file") }
    let path = url.standardizedFileURL.path
    let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    guard let size else { throw ResponseError.failed("\(uri) cannot be read") }
    // A file too large to tag is not read at all: its report has only the diagnostic saying so.
    guard size <= largestTagged else { return tooLarge(uri, path: path, size: size, workspace: workspace) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ResponseError.failed("\(uri) cannot be read")
    }
    return tagged(uri, [UInt8](data), against: workspace)
  }

  /// The URIs of the open reports tagged against `workspace` that need tagging again after a re-check of it: those
  /// of every knowledge base whose identifiers, names or retired identifiers changed.
  func outdated(by workspace: Workspace) -> [String] {
    let reports = texts.filter { $0.value.workspace === workspace }.keys.sorted()
    guard !reports.isEmpty, let cached = taggers[ObjectIdentifier(workspace)],
      cached.generation != workspace.generation
    else { return [] }
    let fingerprint = Self.fingerprint(of: workspace.kb)
    guard fingerprint != cached.fingerprint else {
      // The same identifiers and names: the tagger stands, and so do the reports' mentions.
      taggers[ObjectIdentifier(workspace)] = (workspace.generation, fingerprint, cached.tagger)
      return []
    }
    return reports
  }

  /// Forgets the taggers of knowledge bases no longer served.
  func keepTaggers(of workspaces: [Workspace]) {
    let kept = Set(workspaces.map(ObjectIdentifier.init))
    taggers = taggers.filter { kept.contains($0.key) }
  }

  /// `bytes` tagged as the report `uri` against `workspace`.
  private func tagged(_ uri: String, _ bytes: [UInt8], against workspace: Workspace) -> TaggedReport {
    let path = URL(string: uri)?.standardizedFileURL.path ?? uri
    guard bytes.count <= largestTagged else {
      return tooLarge(uri, path: path, size: bytes.count, workspace: workspace)
    }
    let document = ReportDocument(inMemory: path, bytes: bytes)
    let tagger = tagger(for: workspace)
    return TaggedReport(
      uri: uri, file: document.text, workspace: workspace,
      mentions: Self.withNearest(tagger.mentions(in: document), tagger: tagger), exceededLimit: nil, size: bytes.count)
  }

  /// `mentions` with the nearest identifiers of the unknown ones the editor shows (the first
  /// ``ReportDiagnostics/largestCount``; each distinct identifier worked out once): finding them compares an
  /// identifier with every one of its kind, too slow for a report of a hundred thousand mistyped identifiers.
  static func withNearest(_ mentions: [Mention], tagger: Tagger) -> [Mention] {
    var mentions = mentions
    var nearest: [DisarmID: [DisarmID]] = [:]
    var shown = 0
    for index in mentions.indices {
      guard case .unknown = mentions[index].status else { continue }
      guard shown < ReportDiagnostics.largestCount else { break }
      shown += 1
      let id = mentions[index].id
      let found = nearest[id] ?? tagger.nearest(to: id)
      nearest[id] = found
      mentions[index].status = .unknown(nearest: found)
    }
    return mentions
  }

  private func tooLarge(_ uri: String, path: String, size: Int, workspace: Workspace) -> TaggedReport {
    TaggedReport(
      uri: uri, file: SourceFile(path: path, bytes: []), workspace: workspace, mentions: [],
      exceededLimit: largestTagged, size: size)
  }

  /// The tagger of `workspace`'s current model, made again only after the model changed.
  private func tagger(for workspace: Workspace) -> Tagger {
    let key = ObjectIdentifier(workspace)
    if let cached = taggers[key], cached.generation == workspace.generation { return cached.tagger }
    let tagger = Tagger(kb: workspace.kb, nearest: false)
    taggers[key] = (workspace.generation, Self.fingerprint(of: workspace.kb), tagger)
    return tagger
  }

  /// A digest of what tagging reads of a knowledge base: its framework, every object's identifier, name and whether
  /// its index lists it, and the register of retired identifiers. Two models with the same fingerprint tag every
  /// report alike (summaries and pages, which hover and definition read from the current model, are not in it).
  static func fingerprint(of kb: KnowledgeBase) -> Int {
    var hasher = Hasher()
    hasher.combine(kb.framework.name)
    for object in kb.orderedObjects {
      hasher.combine(object.id)
      hasher.combine(object.isStale)
      hasher.combine(object.page?.heading?.name?.text ?? object.name)
    }
    for entry in kb.register.entries {
      hasher.combine(entry.id)
      hasher.combine(entry.replacedBy)
    }
    return hasher.finalize()
  }
}
