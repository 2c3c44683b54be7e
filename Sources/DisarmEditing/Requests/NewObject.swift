import DisarmDiagnostics
import DisarmFramework
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import Foundation

/// `disarm new`: a new object under the next identifier never used, its page written in the knowledge base's
/// framework and template, and every derived page that changes because of it (the parent's, the tactic's, the
/// indexes), as `build --write` would, through the safe writer.
///
/// Nothing is written until the whole knowledge base has been checked with the new page in it (read from memory):
/// a request that would make an error writes nothing.
public enum NewObject {
  /// What the user asked for, as typed, and the knowledge base it is for.
  public struct Request: EditRequest {
    /// The page folder (already resolved).
    public var folder: URL
    /// A framework description's name or file (nil: the folder's).
    public var framework: String?
    public var kind: String
    public var name: String
    public var summary: String
    public var parent: String?
    public var tactic: String?
    public var phase: String?

    public init(
      folder: URL, framework: String? = nil, kind: String, name: String, summary: String = "", parent: String? = nil,
      tactic: String? = nil, phase: String? = nil
    ) {
      self.folder = folder
      self.framework = framework
      self.kind = kind
      self.name = name
      self.summary = summary
      self.parent = parent
      self.tactic = tactic
      self.phase = phase
    }

    /// What needs no knowledge base: a kind and a one-line name are given.
    public func validate() throws(EditRefusal) {
      guard !kind.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw EditRefusal("no kind given (like technique, tactic, incident)")
      }
      let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty, !trimmed.contains("\n") else { throw EditRefusal("the name is empty; give --name") }
    }
  }

  /// The new object and what writing it changes.
  public struct Plan: Sendable {
    public var id: DisarmID
    /// The new page, relative to the page folder (`techniques/T0151.021.md`).
    public var path: String
    /// The new page's bytes.
    public var page: [UInt8]
    /// Every page to write: the new page (a creation) and the derived pages it changes.
    public var changes: ChangePlan
  }

  /// Works out the new object and every page it changes, writing nothing.
  public static func plan(_ validated: Validated<Request>) throws(EditRefusal) -> Plan {
    let request = validated.request
    let folder = request.folder
    let framework = request.framework
    let kb = try load(folder, framework: framework, overlay: [:])
    guard kb.framework.identifierField == nil else {
      throw EditRefusal("\(kb.framework.name) pages carry their identifier as a field; disarm new does not write them")
    }
    guard let kind = kb.framework.kind(named: request.kind), let folderName = kind.folder else {
      let kinds = kb.framework.kinds.filter { $0.folder != nil }.map(\.singular).joined(separator: ", ")
      throw EditRefusal("no kind '\(request.kind)' with pages in \(kb.framework.name) (kinds: \(kinds))")
    }
    let role = kind.role
    let name = request.name.trimmingWhitespace()
    let collapsed = { (text: String) in text.lowercased().split(separator: " ").joined(separator: " ") }
    if let same = kb.objects(of: role).first(where: { !$0.isStale && collapsed($0.name) == collapsed(name) }) {
      throw EditRefusal("\(same.id) is already named '\(same.name)'; give the new \(kind.singular) another name")
    }
    func object(_ text: String, as expected: ObjectKind, option: String) throws(EditRefusal) -> DisarmID {
      let words = kb.words(expected)
      guard let id = DisarmID(caseInsensitive: text, in: kb.framework.identifiers) else {
        throw EditRefusal("\(option) \(text): not an identifier (like \(words.id.example))")
      }
      guard id.kind == expected else {
        throw EditRefusal("\(option) \(id) is \(kb.words(id.kind).withArticle), not \(words.withArticle)")
      }
      guard let found = kb[id], !found.isStale else {
        throw EditRefusal("\(option) \(id): no such \(words.singular) in this knowledge base")
      }
      return id
    }
    var parent: DisarmID?
    var tactic: DisarmID?
    var phase: DisarmID?
    if let text = request.parent {
      guard role == .technique else {
        throw EditRefusal("--parent applies to \(kb.words(.technique).plural) only")
      }
      let id = try object(text, as: .technique, option: "--parent")
      guard !id.isSubtechnique else {
        throw EditRefusal("--parent \(id) is itself a sub-\(kb.words(.technique).singular); give a top-level one")
      }
      parent = id
      tactic = kb.tactic(of: id)
    }
    if let text = request.tactic {
      guard [.technique, .task, .counter].contains(role) else {
        throw EditRefusal("--tactic does not apply to \(kind.plural)")
      }
      let id = try object(text, as: .tactic, option: "--tactic")
      if let inherited = tactic, inherited != id, let parent {
        throw EditRefusal(
          "a sub-\(kb.words(.technique).singular) belongs to its parent's \(kb.words(.tactic).singular): \(parent) is in \(inherited), not \(id)"
        )
      }
      tactic = id
    }
    if let text = request.phase {
      guard role == .tactic else { throw EditRefusal("--phase applies to \(kb.words(.tactic).plural) only") }
      phase = try object(text, as: .phase, option: "--phase")
    }
    if (role == .technique || role == .task) && tactic == nil {
      throw EditRefusal("a new \(kind.singular) needs its \(kb.words(.tactic).singular): give --tactic (or --parent)")
    }
    if role == .tactic && phase == nil {
      throw EditRefusal("a new \(kind.singular) needs its \(kb.words(.phase).singular): give --phase")
    }
    guard let id = kb.nextIdentifier(of: role, parent: parent) else {
      throw EditRefusal("no \(kind.singular) identifier is left to give")
    }
    let path = "\(folderName)/\(id).md"
    guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) else {
      throw EditRefusal("\(path) exists already")
    }
    let template = PageRenderer.effectiveTemplate(of: kb)
    let seed = NewPageSeed.text(
      NewPageSeed.Content(id: id, name: name, summary: request.summary, tactic: tactic, phase: phase), in: kb,
      template: template)
    // The kind's index owns which objects a release has: the new identifier gets a row there (its cells are
    // derived, and filled when the index is regenerated).
    var overlay = [path: Array(seed.utf8)]
    // An extension's own objects are listed by its own index, if it keeps one; upstream's index is never written.
    let index = kb.indexPage(of: role).flatMap { kb.isLocalFile($0.path) ? $0 : nil }
    if let index { overlay[index.path] = IndexRowInsertion.listing(id, folder: folderName, in: index, kb: kb) }
    // The knowledge base with the new page in it, read from memory: checked before anything is written.
    let with = try load(folder, framework: framework, overlay: overlay)
    var checked = Linter.check(with)
    let errors = checked.diagnostics.filter { $0.severity == .error && $0.file == path }
    if let first = errors.first {
      throw EditRefusal("the new page would have an error: \(first.message) [\(first.rule)]")
    }
    guard let created = with[id], let bytes = ObjectPageRenderer.render(created, in: with, template: template) else {
      throw EditRefusal("\(path) could not be written in the \(with.framework.name) template")
    }
    var changes: [PageSync.Change]
    do {
      changes = try checked.changes(in: folder, reporting: false).filter { $0.page.path != path }
    } catch {
      throw EditRefusal(error.description)
    }
    // The index was read from memory with its new row: a rewrite may replace only what the disk holds.
    if let index {
      changes = changes.map { change in
        guard change.page.path == index.path else { return change }
        var page = change.page
        page.basis = .bytes(index.file.bytes)
        return PageSync.Change(page: page, current: index.file.bytes)
      }
      if !changes.contains(where: { $0.page.path == index.path }), let regenerated = overlay[index.path] {
        changes.append(
          PageSync.Change(
            page: RenderedPage(path: index.path, bytes: regenerated, basis: .bytes(index.file.bytes)),
            current: index.file.bytes))
      }
    }
    changes.insert(
      PageSync.Change(page: RenderedPage(path: path, bytes: bytes, basis: .absent), current: nil), at: 0)
    // Checked above with the new page and its index row read from memory: the executor writes it as planned.
    let plan = ChangePlan(for: validated, folder: folder, changes: changes, verification: .checkedWhilePlanning)
    return Plan(id: id, path: path, page: bytes, changes: plan)
  }

  private static func load(_ folder: URL, framework: String?, overlay: [String: [UInt8]]) throws(EditRefusal)
    -> KnowledgeBase
  {
    do {
      return try KnowledgeBaseLoader.load(from: folder.path, framework: framework, overlay: overlay)
    } catch {
      throw EditRefusal(error.description)
    }
  }
}
