import DisarmDiagnostics
import Foundation

/// How well a page tree fits one framework description, and why: what `disarm frameworks` prints and what picks the
/// description a command uses when neither `--framework` nor `.disarm.yml` names one.
public struct FrameworkMatch: Sendable {
  /// The description tried.
  public var description: FrameworkDescription
  /// Higher is better; a match with no sampled page in the description's shape scores 0.
  public var score: Int
  /// What fitted (`folders: 8 of 8 …`, `headings: 40 of 40 sampled pages read '# Technique T0001: …'`).
  public var reasons: [String]
  /// What the description expected and did not find.
  public var misses: [String]
  /// Whether a pattern the description rules out was found (a `!` signature).
  public var isRuledOut: Bool
  /// How many of the sampled pages show their kind and identifier as the description writes them.
  public var fittingPages: Int
  /// How many of the description's kind folders the tree has.
  public var presentFolders: Int

  /// Whether the tree reads as this framework: some sampled page is in its shape and nothing rules it out.
  public var fits: Bool { fittingPages > 0 && !isRuledOut }
}

/// Picks the framework description that fits a page tree, from its folders, a few pages' headings (or identifier
/// fields) and the files that mark each framework (``FrameworkDescription/signatures``).
public enum FrameworkDetection {
  /// Pages sampled per kind folder: enough to tell the generations apart, few enough to cost nothing.
  static let samplesPerFolder = 5

  /// Every candidate scored against the page folder at `path`, best first.
  public static func matches(
    pageFolder path: String, candidates: [FrameworkDescription] = BuiltInFrameworks.all
  ) -> [FrameworkMatch] {
    let tree = Tree(path: path)
    // Ties go to the earlier candidate; DISARM 1.x, the most common, is tried first.
    let ordered = candidates.filter { $0.name == "disarm-1" } + candidates.filter { $0.name != "disarm-1" }
    let matches = ordered.map { match($0, tree) }
    return matches.indices.sorted { lhs, rhs in
      let (a, b) = (matches[lhs], matches[rhs])
      if a.fits != b.fits { return a.fits }
      if a.score != b.score { return a.score > b.score }
      return lhs < rhs
    }.map { matches[$0] }
  }

  /// The best-fitting description, or nil when none fits.
  public static func detect(
    pageFolder path: String, candidates: [FrameworkDescription] = BuiltInFrameworks.all
  ) -> FrameworkMatch? {
    matches(pageFolder: path, candidates: candidates).first { $0.fits }
  }

  static func match(_ description: FrameworkDescription, _ tree: Tree) -> FrameworkMatch {
    var score = 0
    var reasons: [String] = []
    var misses: [String] = []
    let folders = description.kinds.compactMap(\.folder)
    let present = folders.filter { tree.folders.contains($0) }
    if !present.isEmpty {
      reasons.append("folders: \(present.count) of \(folders.count) (\(present.joined(separator: ", ")))")
    }
    let absent = folders.filter { !tree.folders.contains($0) }
    if !absent.isEmpty { misses.append("folders not found: \(absent.joined(separator: ", "))") }
    let unknown = tree.folders.filter { folder in !folders.contains(folder) && !tree.pages(in: folder).isEmpty }
    if !unknown.isEmpty { misses.append("folders it has no kind for: \(unknown.sorted().joined(separator: ", "))") }
    score += present.count - unknown.count

    var sampled = 0
    var fitting = 0
    var linked = 0
    var example: String?
    var counterExample: String?
    for kind in description.kinds {
      guard let folder = kind.folder else { continue }
      for page in tree.pages(in: folder).prefix(samplesPerFolder) {
        sampled += 1
        let lines = tree.firstLines(of: folder + "/" + page)
        if lines.contains(where: { line in linksLike(description, line) }) { linked += 1 }
        if let line = fittingLine(lines, kind: kind, description: description) {
          fitting += 1
          if example == nil { example = line }
        } else if counterExample == nil {
          counterExample = "\(folder)/\(page): " + (lines.first { $0.hasPrefix("# ") } ?? "no heading")
        }
      }
    }
    if sampled > 0 {
      let shape = headingShape(description)
      if fitting > 0 {
        reasons.append("pages: \(fitting) of \(sampled) sampled read \(shape)" + (example.map { " ('\($0)')" } ?? ""))
      }
      if fitting < sampled {
        misses.append(
          "pages: \(sampled - fitting) of \(sampled) sampled do not read \(shape)"
            + (counterExample.map { " ('\($0)')" } ?? ""))
      }
    }
    score += 2 * fitting - 2 * (sampled - fitting) + linked
    if linked > 0 {
      reasons.append("links: \(linked) sampled pages link as '\(description.linkPrefix)<folder>/<ID>.md'")
    }

    var ruledOut = false
    for signature in description.signatures {
      let excluded = signature.hasPrefix("!")
      let pattern = excluded ? String(signature.dropFirst()) : signature
      let found = tree.firstMatch(pattern)
      switch (excluded, found) {
      case (false, let file?):
        score += 5
        reasons.append("has \(pattern) (\(file))")
      case (false, nil):
        score -= 5
        misses.append("no \(pattern)")
      case (true, let file?):
        ruledOut = true
        misses.append("has \(file), which this framework never writes")
      case (true, nil): break
      }
    }
    return FrameworkMatch(
      description: description, score: score, reasons: reasons, misses: misses, isRuledOut: ruledOut,
      fittingPages: fitting, presentFolders: present.count)
  }

  /// Whether `line` links to another page the way the description writes links (`](../../generated_pages/tactics/`
  /// for DISARM, `](../tactics/` for AMITT).
  static func linksLike(_ description: FrameworkDescription, _ line: String) -> Bool {
    description.kinds.contains { kind in
      guard let folder = kind.folder else { return false }
      return line.contains("](\(description.linkPrefix)\(folder)/")
    }
  }

  /// How the description's pages show their kind and identifier, for messages.
  static func headingShape(_ description: FrameworkDescription) -> String {
    if let field = description.identifierField { return "'* \(field): <identifier>'" }
    let example = description.kinds.first { $0.heading != nil }
    return "'# \(example?.heading ?? "Kind") \(example?.id.example ?? "ID"): <name>'"
  }

  /// The first line of `lines` showing a page of `kind` as the description writes it, if any.
  static func fittingLine(_ lines: [String], kind: KindVocabulary, description: FrameworkDescription) -> String? {
    if let field = description.identifierField {
      let prefix = "* \(field): "
      return lines.first { $0.hasPrefix(prefix) && kind.id.matches($0.dropFirst(prefix.count).trimmingWhitespace()) }
    }
    guard let heading = kind.heading, let line = lines.first(where: { $0.hasPrefix("# ") }) else { return nil }
    let start = "# \(heading) "
    guard line.hasPrefix(start) else { return nil }
    let rest = line.dropFirst(start.count)
    let id = rest.prefix { $0 != ":" && $0 != " " }
    return kind.id.matches(id) ? line : nil
  }

  /// What detection reads of a tree: its folders, their markdown pages, and the first lines of a few.
  struct Tree {
    let path: String
    let folders: Set<String>
    private let listing: [String: [String]]
    let rootFiles: [String]

    init(path: String) {
      self.path = path
      let manager = FileManager.default
      let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
      var folders = Set<String>()
      var listing: [String: [String]] = [:]
      var files: [String] = []
      for entry in entries where !entry.hasPrefix(".") {
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path + "/" + entry, isDirectory: &isFolder) else { continue }
        if isFolder.boolValue {
          folders.insert(entry)
          listing[entry] = ((try? manager.contentsOfDirectory(atPath: path + "/" + entry)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        } else {
          files.append(entry)
        }
      }
      self.folders = folders
      self.listing = listing
      self.rootFiles = files.sorted()
    }

    func pages(in folder: String) -> [String] { listing[folder] ?? [] }

    /// The first lines of a page (its first 4 KiB), for headings and identifier fields.
    func firstLines(of relativePath: String) -> [String] {
      guard let handle = FileHandle(forReadingAtPath: path + "/" + relativePath) else { return [] }
      defer { try? handle.close() }
      let data = (try? handle.read(upToCount: 4096)) ?? Data()
      return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        .map { String($0).trimmingWhitespace() }
    }

    /// The first file matching `pattern` (`folder/name` or `name`, with `*` and `?`), as a relative path.
    func firstMatch(_ pattern: String) -> String? {
      let parts = pattern.split(separator: "/", maxSplits: 1).map(String.init)
      if parts.count == 2 {
        return pages(in: parts[0]).first { Glob.matches($0, parts[1]) }.map { parts[0] + "/" + $0 }
      }
      return rootFiles.first { Glob.matches($0, pattern) }
    }
  }
}

/// `*` (any run of characters) and `?` (one character) in a file name, as shells match them.
enum Glob {
  static func matches(_ name: String, _ pattern: String) -> Bool {
    matches(Array(name.utf8)[...], Array(pattern.utf8)[...])
  }

  private static func matches(_ name: ArraySlice<UInt8>, _ pattern: ArraySlice<UInt8>) -> Bool {
    guard let first = pattern.first else { return name.isEmpty }
    switch first {
    case UInt8(ascii: "*"):
      let rest = pattern.dropFirst()
      return name.indices.contains { matches(name[$0...], rest) } || matches(name[name.endIndex...], rest)
    case UInt8(ascii: "?"):
      return !name.isEmpty && matches(name.dropFirst(), pattern.dropFirst())
    default:
      return name.first == first && matches(name.dropFirst(), pattern.dropFirst())
    }
  }
}
