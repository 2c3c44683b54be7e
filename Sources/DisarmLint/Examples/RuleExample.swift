import DisarmDiagnostics
import DisarmModel
import Foundation

/// A tiny knowledge base that shows one rule at work: it either makes the rule fire (`triggers`) or is the same
/// knowledge base with the problem fixed, where the rule must stay silent. The examples document each rule in
/// `disarm explain` and run as tests, through every phase of the linter (the rule's ``Rule/phase`` says when it
/// fires; only the example's own pages count as drift, since derived whole pages it leaves out would be created).
public struct RuleExample: Sendable {
  /// A place a triggering example expects a finding: a file, and a 1-based line and byte column (0 and 0 for a
  /// finding about the whole file).
  public struct ExpectedLocation: Hashable, Sendable, CustomStringConvertible {
    /// Page-folder-relative path of the page.
    public var file: String
    /// 1-based line, 0 for a finding about the whole file.
    public var line: Int
    /// 1-based UTF-8 byte column, 0 for a finding about the whole file.
    public var column: Int
    /// `path:line:column`, as findings print their location.
    public var description: String { DiagnosticFormatter.location(file: file, line: line, column: column) }

    /// A location; tests compare reported findings with these.
    public init(file: String, line: Int, column: Int) {
      self.file = file
      self.line = line
      self.column = column
    }
  }

  /// The marker that shows where a triggering example fires; removed before the page is written.
  public static let marker: Character = "↓"

  /// Page-folder-relative path to content: a complete tiny knowledge base, with the `↓` markers removed. A path
  /// with a component ending in `.md` before its last one (`incidents/I00001.md/draft.md`) makes that page a folder.
  public var pages: [String: String]
  /// Where the rule must fire: one place per `↓` marker in the pages as written, plus ``wholeFile``.
  public var expectedLocations: [ExpectedLocation]
  /// Whether the rule must fire on these pages.
  public var triggers: Bool
  /// What the example shows, in one sentence.
  public var note: String
  /// Pages written again after the linter read the example and before it writes its changes, to show what
  /// happens when a page is edited while `disarm` runs.
  public var editedWhileRunning: [String: String]
  /// Paths whose content is written in ISO-8859-1 rather than UTF-8 (to show a page that is not valid UTF-8).
  public var latin1Pages: Set<String>
  /// The pages of a base version to lint against (`disarm lint --against`), for rules that compare versions; empty
  /// for the others.
  public var base: [String: String]
  /// Symbolic links to write, page-folder-relative path to the link's destination (to show a page or folder that is
  /// a link leading outside the knowledge base).
  public var links: [String: String]

  /// An example; see the properties. `↓` in a page marks where the rule must fire; `wholeFile` names a page the
  /// rule reports as a whole (no line).
  public init(
    triggers: Bool, note: String, pages: [String: String], latin1Pages: Set<String> = [],
    editedWhileRunning: [String: String] = [:], wholeFile: String? = nil, base: [String: String] = [:],
    links: [String: String] = [:]
  ) {
    var stripped: [String: String] = [:]
    var expected: [ExpectedLocation] = []
    for (path, content) in pages {
      stripped[path] = content.replacingOccurrences(of: String(Self.marker), with: "")
      var line = 1
      var column = 1
      for character in content {
        if character == Self.marker {
          expected.append(ExpectedLocation(file: path, line: line, column: column))
          continue
        }
        if character == "\n" {
          line += 1
          column = 1
        } else {
          column += character.utf8.count
        }
      }
    }
    if let wholeFile { expected.append(ExpectedLocation(file: wholeFile, line: 0, column: 0)) }
    self.pages = stripped
    self.expectedLocations = expected.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    self.editedWhileRunning = editedWhileRunning
    self.triggers = triggers
    self.note = note
    self.latin1Pages = latin1Pages
    self.base = base
    self.links = links
  }

  /// The bytes written for the page at `path`: UTF-8, or ISO-8859-1 for ``latin1Pages``.
  public func bytes(of path: String) -> [UInt8] {
    guard let content = pages[path] else { return [] }
    guard latin1Pages.contains(path) else { return Array(content.utf8) }
    // Characters ISO-8859-1 cannot write become '?'.
    return content.unicodeScalars.map { UInt8($0.value < 256 ? $0.value : 0x3F) }
  }

  /// Writes every page under `folder` (created as needed), ready for ``KnowledgeBaseLoader/load(from:)``.
  public func write(to folder: URL) throws {
    try Self.write(pages, to: folder, bytes: bytes(of:))
    for (path, destination) in links.sorted(by: { $0.key < $1.key }) {
      let link = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: destination)
    }
  }

  /// Writes the base version's pages under `folder`.
  public func writeBase(to folder: URL) throws {
    try Self.write(base, to: folder) { Array((base[$0] ?? "").utf8) }
  }

  private static func write(_ pages: [String: String], to folder: URL, bytes: (String) -> [UInt8]) throws {
    for path in pages.keys.sorted() {
      let file = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes(path)).write(to: file)
    }
  }
}
