import DisarmDiagnostics
import DisarmEditing
import DisarmFramework
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport
import Foundation

/// `disarm upstream update --to REV`: an extension (`extends:` in `.disarm.yml`) moved to a new upstream release.
/// The local pages' references are carried across as `disarm migrate --kb` carries them (``ReleaseMapping`` from the
/// old upstream to the new one: renamed names updated, retired codes replaced), the pages derived from the union are
/// regenerated against the new upstream, and the `extends:` value is rewritten in place; all through the one writer,
/// in one plan. What a person must decide is reported as review items, each at its place in a local page:
///
/// - a local page names an upstream object the new release removed without a replacement (or turned into another
///   kind): the code is left as written;
/// - a local sub-technique's upstream parent moved to another tactic, or was retired: its own tactic is left as
///   written;
/// - the new upstream has an identifier a local object already uses;
/// - any other error a local page would have against the new release.
public enum UpstreamUpdate {
  /// The extension to update and the release to move it to.
  public struct Request: EditRequest {
    /// The extension's folder (its page folder, or the folder holding `generated_pages/`).
    public var folder: String
    /// The new release: a folder (for `extends: FOLDER`) or a git revision (for `extends: {repository, revision}`).
    public var to: String
    /// A framework description's name or file (nil: the knowledge base's).
    public var framework: String?

    public init(folder: String, to: String, framework: String?) {
      self.folder = folder
      self.to = to
      self.framework = framework
    }

    public func validate() throws(EditRefusal) {
      guard !folder.isEmpty else { throw EditRefusal("--kb names no folder") }
      guard !to.isEmpty, to.utf8.count <= 1024, !to.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
        throw EditRefusal("--to must name a folder or a git revision (one line of text)")
      }
    }
  }

  /// What the update would change and what needs review.
  public struct Plan: Sendable {
    /// Every change and review item, by local page (paths relative to the page folder).
    public var result: MigrationResult
    /// The pages and the configuration file to write.
    public var changePlan: ChangePlan
    /// The configuration file rewritten, as the user opens it.
    public var configuration: String
    /// How many of the plan's files are pages (the rest is the configuration file).
    public var pages: Int

    /// Writes the plan through the editing executor: a line saying what was written.
    public func write() throws(DisarmError) -> String {
      let verified = try DisarmError.refusing { () throws(EditRefusal) in try changePlan.verified() }
      let report = try DisarmError.writing { () throws(WriteError) in try verified.write() }
      var line =
        "moved the upstream from \(result.from) to \(result.to): wrote \(report.written.count) files "
        + "(\(pages) pages and \(configuration))"
      if !report.conflicts.isEmpty {
        line +=
          "; \(report.conflicts.count) changed on disk while disarm was running and were left alone: "
          + report.conflicts.map(\.path).joined(separator: ", ")
      }
      return line
    }
  }

  /// The plan for a validated request.
  public static func plan(_ validated: Validated<Request>) throws(EditRefusal) -> Plan {
    let request = validated.request
    let folder: URL
    let configured: UpstreamRelease?
    do {
      folder = try PageFolder.resolve(request.folder)
      configured = try UpstreamRelease.configured(for: folder)
    } catch {
      throw EditRefusal(error.description)
    }
    guard let old = configured else {
      throw EditRefusal(
        "\(request.folder): extends no upstream knowledge base (no 'extends:' in .disarm.yml); see docs/MIGRATE.md")
    }
    defer { old.remove() }
    guard request.to != old.setting.release else {
      throw EditRefusal("\(request.folder) already extends \(old.setting.label)")
    }
    var setting = old.setting
    switch setting.source {
    case .folder: setting.source = .folder(request.to)
    case .repository(let repository, _, let path):
      guard UpstreamSetting.isRevision(request.to) else {
        throw EditRefusal("'\(request.to)' is not a git revision (a commit, tag or branch name)")
      }
      setting.source = .repository(repository, revision: request.to, path: path)
    }
    let new: UpstreamRelease
    let releases: (old: KnowledgeBase, new: KnowledgeBase, union: KnowledgeBase)
    do {
      new = try UpstreamRelease.resolve(setting, configuration: old.configuration, pageFolder: folder)
    } catch {
      throw EditRefusal(error.description)
    }
    defer { new.remove() }
    do {
      releases = (
        try KnowledgeBaseLoader.load(from: old.pageFolder.path, framework: request.framework, upstream: .none),
        try KnowledgeBaseLoader.load(from: new.pageFolder.path, framework: request.framework, upstream: .none),
        try KnowledgeBaseLoader.load(from: request.folder, framework: request.framework, upstream: .given(old))
      )
    } catch {
      throw EditRefusal(error.description)
    }
    let mapping = ReleaseMapping(
      old: releases.old, new: releases.new, oldLabel: old.setting.release, newLabel: request.to)
    let kb = releases.union
    let own = Set(kb.orderedObjects.filter { kb.origin(of: $0.id) == .local }.map(\.id.string))
    var (files, overlay) = KnowledgeBaseMigration.migratedPages(of: kb, mapping: mapping, own: own) {
      kb.origin(of: $0.id) == .local
    }
    files = merged(files, conflicts(in: kb, mapping: mapping))
    let with: KnowledgeBase
    do {
      with = try KnowledgeBaseLoader.load(
        from: request.folder, framework: request.framework, overlay: overlay, upstream: .given(new))
    } catch {
      throw EditRefusal(error.description)
    }
    var checked = Linter.check(with)
    files = merged(
      files, newErrors(Linter.check(kb).diagnostics, checked.diagnostics, explained: Set(files.map(\.path)), in: with))
    let changes = try KnowledgeBaseMigration.pageChanges(&checked, folder: folder, overlay: overlay, before: kb)
    let configuration = try configurationChange(old, to: request.to)
    let (root, prefix) = (old.configuration.deletingLastPathComponent(), prefix(of: folder, in: old.configuration))
    let all =
      changes.map { change in
        var page = change.page
        page.path = prefix + page.path
        return PageSync.Change(page: page, current: change.current)
      } + [configuration]
    let plan = ChangePlan(for: validated, folder: root, changes: all, verification: .checkedWhilePlanning)
    return Plan(
      result: MigrationResult(from: old.setting.release, to: request.to, files: files.sorted { $0.path < $1.path }),
      changePlan: plan, configuration: old.configuration.lastPathComponent, pages: changes.count)
  }

  /// `extra`'s items added to the entry of the same page in `files` (one entry per page), else as entries of their own.
  static func merged(_ files: [MigrationResult.File], _ extra: [MigrationResult.File]) -> [MigrationResult.File] {
    var files = files
    for entry in extra {
      if let index = files.firstIndex(where: { $0.path == entry.path }) {
        files[index].items += entry.items
      } else {
        files.append(entry)
      }
    }
    return files
  }

  /// One report entry per page for items that change nothing in it (review items only).
  static func entries(_ byFile: [String: [MigrationItem]], in kb: KnowledgeBase) -> [MigrationResult.File] {
    let sources = kb.sourceFiles()
    return byFile.keys.sorted().map { path in
      let bytes = sources[path]?.bytes ?? []
      return MigrationResult.File(
        path: path, format: .text, original: bytes, edits: [], items: byFile[path]!, identifiers: 0,
        unchanged: 0)
    }
  }

  /// Conflicts the mapping shows for the local objects themselves: a sub-technique whose upstream parent moved or
  /// went, and a local identifier the new upstream now has.
  static func conflicts(in kb: KnowledgeBase, mapping: ReleaseMapping) -> [MigrationResult.File] {
    var byFile: [String: [MigrationItem]] = [:]
    for object in kb.orderedObjects where kb.origin(of: object.id) == .local {
      guard let page = object.page else { continue }
      let place = "\(object.line):1"
      func review(_ old: DisarmID, _ detail: String) {
        byFile[page.path, default: []].append(
          MigrationItem(file: page.path, place: place, change: .review, old: old.string, new: nil, detail: detail))
      }
      if let target = mapping.new[object.id], !target.isStale {
        review(
          object.id,
          "upstream \(mapping.diff.new.label) has \(object.id) (\(target.name)): the local object needs an identifier "
            + "of its own")
      }
      guard let parent = object.id.parentTechnique, kb.origin(of: parent) == .upstream,
        let (_, outcome) = mapping.outcome(of: parent.string)
      else { continue }
      switch outcome {
      case .kept(let target, _):
        let before = mapping.old.tactic(of: parent)
        guard let after = target.tactic, let before, after != before else { continue }
        review(
          parent,
          "\(object.id)'s parent \(parent) moved from \(before) to \(after) upstream; \(object.id)'s own "
            + "\(kb.words(.tactic).singular) is left as written")
      case .replaced(let target, _):
        review(
          parent,
          "\(object.id)'s parent \(parent) is retired upstream, replaced by \(target.id) (\(target.name)); a "
            + "sub-technique keeps its parent's code, so \(object.id) needs a new identifier under \(target.id)")
      case .review(let reason):
        review(parent, "\(object.id)'s parent \(parent): \(reason)")
      }
    }
    return entries(byFile, in: kb)
  }

  /// Errors the local pages would have against the new upstream that they do not have now, on pages no other item
  /// already explains (a removed technique a page names is one review item, not also its broken link).
  static func newErrors(
    _ before: [Diagnostic], _ after: [Diagnostic], explained: Set<String>, in kb: KnowledgeBase
  ) -> [MigrationResult.File] {
    let known = Set(before.filter { $0.severity == .error }.map(KnowledgeBaseMigration.key))
    var byFile: [String: [MigrationItem]] = [:]
    for diagnostic in after where diagnostic.severity == .error && !explained.contains(diagnostic.file) {
      guard !known.contains(KnowledgeBaseMigration.key(diagnostic)) else { continue }
      byFile[diagnostic.file, default: []].append(
        MigrationItem(
          file: diagnostic.file, place: "\(diagnostic.line):\(diagnostic.column)", change: .review, old: "",
          new: nil, detail: "against the new upstream: \(diagnostic.message) [\(diagnostic.rule)]"))
    }
    return entries(byFile, in: kb)
  }

  /// The configuration file with the release value (the folder, or the revision) replaced by `to`; every other byte
  /// kept. Written plainly when YAML reads it back as the same text, else double-quoted.
  static func configurationChange(_ old: UpstreamRelease, to: String) throws(EditRefusal) -> PageSync.Change {
    guard let data = FileManager.default.contents(atPath: old.configuration.path) else {
      throw EditRefusal("\(old.configuration.path): cannot be read")
    }
    let bytes = [UInt8](data)
    let range = old.setting.releaseValue
    guard range.upperBound <= bytes.count else { throw EditRefusal("\(old.configuration.path) changed while read") }
    let written = yamlScalar(to, quotedAs: bytes[range.lowerBound])
    let updated = Array(bytes[..<range.lowerBound]) + Array(written.utf8) + Array(bytes[range.upperBound...])
    let name = old.configuration.lastPathComponent
    return PageSync.Change(page: RenderedPage(path: name, bytes: updated, basis: .bytes(bytes)), current: bytes)
  }

  /// `value` as a YAML scalar in the quoting the old value used (`quote` is its first byte): single or double quotes
  /// kept; a plain value stays plain when YAML reads it back as the same text, else it is double-quoted.
  static func yamlScalar(_ value: String, quotedAs quote: UInt8) -> String {
    let doubleQuoted =
      "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    switch quote {
    case UInt8(ascii: "'"): return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    case UInt8(ascii: "\""): return doubleQuoted
    default:
      let plain =
        !value.hasPrefix("-") && !value.hasPrefix("~")
        && value.unicodeScalars.allSatisfy {
          CharacterSet.alphanumerics.contains($0) || "._/@~^-+".unicodeScalars.contains($0)
        }
      return plain ? value : doubleQuoted
    }
  }

  /// The page folder's path from the configuration file's folder, with a trailing `/` (empty when they are one).
  static func prefix(of folder: URL, in configuration: URL) -> String {
    let root = configuration.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
    let pages = folder.standardizedFileURL.resolvingSymlinksInPath().path
    return pages.hasPrefix(root + "/") ? String(pages.dropFirst(root.count + 1)) + "/" : ""
  }
}
