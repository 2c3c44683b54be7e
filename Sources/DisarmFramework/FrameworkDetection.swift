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
    let unknown = tree.folders.filter { folder in
      !folders.contains(folder) && !description.keptFolders.contains(folder) && !tree.pages(in: folder).isEmpty
    }
    if !unknown.isEmpty { misses.append("folders it has no kind for: \(unknown.sorted().joined(separator: ", "))") }
    score += present.count - unknown.count

    // `<prefix><folder>/`, once per kind folder, for the link-style check of the sampled pages' links.
    let linkPatterns = description.kinds.compactMap { kind in kind.folder.map { "\(description.linkPrefix)\($0)/" } }
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
        let destinations = tree.linkDestinations(of: folder + "/" + page)
        if destinations.contains(where: { destination in linkPatterns.contains { destination.hasPrefix($0) } }) {
          linked += 1
        }
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

  /// How the description's pages show their kind and identifier, for messages.
  static func headingShape(_ description: FrameworkDescription) -> String {
    if let field = description.identifierField { return "'* \(field): <identifier>'" }
    let example = description.kinds.first { $0.heading != nil }
    return "'# \(example?.heading ?? "Kind") \(example?.id.example ?? "ID"): <name>'"
  }

  /// The first line of `lines` showing a page of `kind` as the description writes it, if any.
  static func fittingLine(_ lines: [String], kind: KindVocabulary, description: FrameworkDescription) -> String? {
    if let field = description.identifierField {
      // The field in any of the generators' syntaxes: `* Id: T0007` (2019), `* **Id**: T0001` and `* **Id:** TA01`
      // (early 2021).
      let prefixes = ["* \(field): ", "* **\(field)**: ", "* **\(field):** "]
      return lines.first { line in
        prefixes.contains { line.hasPrefix($0) && kind.id.matches(line.dropFirst($0.count).trimmingWhitespace()) }
      }
    }
    guard let heading = kind.heading, let line = lines.first(where: { $0.hasPrefix("# ") }) else { return nil }
    let start = "# \(heading) "
    guard line.hasPrefix(start) else { return nil }
    let rest = line.dropFirst(start.count)
    let id = rest.prefix { $0 != ":" && $0 != " " }
    return kind.id.matches(id) ? line : nil
  }

  /// What detection reads of a tree: its folders, their markdown pages, and the first lines of a few.
  final class Tree {
    let path: String
    /// Sampled pages' first lines, read once for all candidates.
    private var lines: [String: [String]] = [:]
    private var destinations: [String: [String]] = [:]
    let folders: Set<String>
    private let listing: [String: [String]]
    let rootFiles: [String]

    /// Lists the tree with `opendir`/`readdir` (file types from the directory entries): detection runs before
    /// every command, and Foundation's directory listing cost more than reading the pages it samples.
    init(path: String) {
      self.path = path
      var folders = Set<String>()
      var listing: [String: [String]] = [:]
      var files: [String] = []
      for (name, isFolder) in Self.entries(path) where !name.hasPrefix(".") {
        if isFolder {
          folders.insert(name)
          listing[name] = Self.entries(path + "/" + name).map(\.name).filter { $0.hasSuffix(".md") }.sorted()
        } else {
          files.append(name)
        }
      }
      self.folders = folders
      self.listing = listing
      self.rootFiles = files.sorted()
    }

    /// The names in `folder` and whether each is a folder (a symbolic link is followed to tell).
    static func entries(_ folder: String) -> [(name: String, isFolder: Bool)] {
      guard let directory = opendir(folder) else { return [] }
      defer { closedir(directory) }
      var result: [(name: String, isFolder: Bool)] = []
      while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        guard name != ".", name != ".." else { continue }
        var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
        if entry.pointee.d_type == UInt8(DT_LNK) || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
          var status = stat()
          isFolder = stat(folder + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
        }
        result.append((name, isFolder))
      }
      return result
    }

    func pages(in folder: String) -> [String] { listing[folder] ?? [] }

    /// The first lines of a page (its first 4 KiB), for headings and identifier fields.
    func firstLines(of relativePath: String) -> [String] {
      if let cached = lines[relativePath] { return cached }
      let read = Self.readFirstLines(path + "/" + relativePath)
      lines[relativePath] = read
      return read
    }

    /// The destinations of the markdown links in a sampled page's first lines (`../../generated_pages/…`), read
    /// once for all candidates.
    /// Kept as `String`s: `hasPrefix` on a `Substring` compares character by character, which was most of
    /// detection's time.
    func linkDestinations(of relativePath: String) -> [String] {
      if let cached = destinations[relativePath] { return cached }
      var found: [String] = []
      for line in firstLines(of: relativePath) {
        // `](` then everything up to `)`, found byte by byte (Foundation's `range(of:)` goes through CFString).
        let bytes = Array(line.utf8)
        var index = 0
        while index + 1 < bytes.count {
          guard bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: "(") else {
            index += 1
            continue
          }
          let start = index + 2
          var end = start
          while end < bytes.count, bytes[end] != UInt8(ascii: ")") { end += 1 }
          found.append(String(decoding: bytes[start..<end], as: UTF8.self))
          index = end
        }
      }
      destinations[relativePath] = found
      return found
    }

    static func readFirstLines(_ path: String) -> [String] {
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { return [] }
      defer { close(descriptor) }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      guard count > 0 else { return [] }
      // Split at each LF byte, as splitting the decoded text at "\n" characters would, but without walking it
      // character by character: an LF after a CR is not a line break there (CR LF is one character), nor here.
      var lines: [String] = []
      var start = 0
      for index in 0..<count where buffer[index] == 0x0A && (index == 0 || buffer[index - 1] != 0x0D) {
        if index > start { lines.append(String(decoding: buffer[start..<index], as: UTF8.self).trimmingWhitespace()) }
        start = index + 1
      }
      if count > start { lines.append(String(decoding: buffer[start..<count], as: UTF8.self).trimmingWhitespace()) }
      return lines
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

extension FrameworkDetection {
  /// Whether the page path `name` (`techniques/T0016.000.md`) matches a signature pattern (without its `!`): for
  /// telling a spreadsheet's framework from the pages it would make.
  public static func signature(_ pattern: String, matches name: String) -> Bool { Glob.matches(name, pattern) }
}

/// `*` (any run of characters) and `?` (one character) in a file name, as shells match them.
enum Glob {
  /// Matched byte by byte, backtracking only to the last `*` (no arrays made: detection matches every page of a
  /// kind folder against a signature that rules a framework out).
  static func matches(_ name: String, _ pattern: String) -> Bool {
    var name = name
    var pattern = pattern
    return name.withUTF8 { name in pattern.withUTF8 { pattern in matches(name, pattern) } }
  }

  private static func matches(_ name: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
    var (n, p) = (0, 0)
    // Where the last `*` is in the pattern, and where in the name its run would end if this attempt fails.
    var star: (pattern: Int, name: Int)?
    while n < name.count {
      if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
        star = (p, n)
        p += 1
      } else if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == name[n] {
        n += 1
        p += 1
      } else if let last = star {
        // The `*` takes one more byte, and the rest of the pattern is tried after it.
        star = (last.pattern, last.name + 1)
        (n, p) = (last.name + 1, last.pattern + 1)
      } else {
        return false
      }
    }
    while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.count
  }
}
