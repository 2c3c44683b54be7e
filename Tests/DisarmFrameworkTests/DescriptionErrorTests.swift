import DisarmFramework
import Testing

/// A description with a mistake is reported at the mistake's line and column, with what was expected.
@Suite struct DescriptionErrorTests {
  static let valid = """
    name: team
    title: A team framework
    summary: Ours.
    link-prefix: ../
    kinds:
      - {role: tactic, singular: stage, plural: stages, heading: Stage, folder: stages, id: {prefix: S, digits: 2}}
      - role: technique
        singular: move
        plural: moves
        heading: Move
        folder: moves
        id: {prefix: MV, digits: 3, sub-digits: 2}
    fields:
      tactic: [Stage]
    """

  @Test func aValidDescriptionReads() throws {
    let description = try FrameworkDescription.read(Self.valid, path: "team.yml")
    #expect(description.kinds.map(\.plural) == ["stages", "moves"])
    #expect(description.kind(.technique)?.id.matches("MV001.02") == true)
    #expect(description.fieldKeys("tactic") == ["stage"])
    #expect(description.pageFolder == "generated_pages")
    #expect(description.kind(linkFolder: "moves")?.role == .technique)
    #expect(description.kind(linkFolder: "old-moves") == nil)
    let older = try FrameworkDescription.read(
      Self.valid.replacingOccurrences(of: "folder: moves", with: "folder: moves\n    older-folders: [old-moves]"),
      path: "team.yml")
    #expect(older.kind(.technique)?.olderFolders == ["old-moves"])
    #expect(older.kind(linkFolder: "old-moves")?.role == .technique)
    #expect(older.kind(folder: "old-moves") == nil, "an older folder's pages are not read as objects")
  }

  @Test(arguments: [
    // (replace, with, line, column, message start)
    ("role: technique", "role: move", 7, 11, "unknown role 'move'"),
    ("prefix: MV", "prefix: mv", 12, 18, "an identifier prefix is one or more capital letters"),
    ("digits: 3,", "digits: 12,", 12, 30, "'digits' must be a whole number from 1 to 9"),
    ("heading: Move", "headline: Move", 10, 5, "unknown key 'headline' in a kind"),
    ("tactic: [Stage]", "stage: [Stage]", 14, 3, "unknown key 'stage' in 'fields'"),
    ("folder: moves", "folder: stages", 7, 5, "the folder 'stages' is given to two kinds"),
    ("folder: moves", "folder: moves\n    older-folders: [stages]", 7, 5, "the folder 'stages' is given to two kinds"),
    ("prefix: MV, digits: 3", "prefix: S, digits: 3", 7, 5, "identifiers of 'move' (S001.01) could be read as 'stage'"),
    ("title: A team framework\n", "", 1, 1, "missing key 'title'"),
    ("kinds:", "kinds: [", 6, 3, "not valid YAML"),
    // Words reach terminals and the site: no control characters or bidi overrides; folder names are plain names.
    ("title: A team framework", "title: \"A \\e]0;pwned\\a team\"", 2, 8, "'title' holds a control character"),
    ("plural: moves", "plural: \"mo\\u202Eves\"", 9, 13, "'plural' holds a control character or a bidirectional"),
    (
      "folder: moves", "folder: 'javascript:alert(1)'", 11, 13,
      "'javascript:alert(1)' is not a plain file or folder name"
    ),
    ("folder: moves", "folder: ../outside", 11, 13, "'../outside' is not a plain file or folder name"),
  ])
  func aMistakeIsReportedWhereItIs(replace: String, with: String, line: Int, column: Int, message: String) {
    let text = Self.valid.replacingOccurrences(of: replace, with: with)
    #expect(text != Self.valid)
    do {
      _ = try FrameworkDescription.read(text, path: "team.yml")
      Issue.record("read a broken description")
    } catch {
      #expect(error.path == "team.yml")
      #expect((error.line, error.column) == (line, column), "\(error)")
      #expect(error.message.hasPrefix(message), "\(error)")
      #expect(error.description.hasPrefix("team.yml:\(line):\(column): error: "))
    }
  }
}
