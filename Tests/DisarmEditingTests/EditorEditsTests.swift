import DisarmEditing
import DisarmRegeneration
import Foundation
import Testing

/// The language server's edits as editing plans: validated like every request, planned into page bytes, moves and
/// the precise edits the editor is sent.
@Suite struct EditorEditsTests {
  let folder = URL(fileURLWithPath: "/kb")
  let pages: [String: [UInt8]] = [
    "techniques/T0001.md": Array("# Technique T0001: Old\nSee T0002: Other.\n".utf8),
    "techniques/T0002.md": Array("# Technique T0002: Other\n".utf8),
  ]

  @Test func overlappingOrOutOfBoundsEditsAreRefused() {
    let overlapping = EditorEdits(
      folder: folder, pages: pages,
      replacements: [
        .init(path: "techniques/T0001.md", range: 2..<10, text: "x"),
        .init(path: "techniques/T0001.md", range: 8..<12, text: "y"),
      ])
    #expect(throws: EditRefusal("techniques/T0001.md: edits overlap or fall outside the page")) {
      try overlapping.validated()
    }
    let outside = EditorEdits(
      folder: folder, pages: pages, replacements: [.init(path: "techniques/T0002.md", range: 20..<99, text: "x")])
    #expect(throws: EditRefusal.self) { try outside.validated() }
    let unknown = EditorEdits(folder: folder, pages: pages, replacements: [.init(path: "x.md", range: 0..<0, text: "")])
    #expect(throws: EditRefusal("x.md: not a page of this knowledge base")) { try unknown.validated() }
    let ontoAPage = EditorEdits(
      folder: folder, pages: pages, replacements: [],
      moves: [PageMove(from: "techniques/T0001.md", to: "techniques/T0002.md")])
    #expect(throws: EditRefusal("techniques/T0002.md exists already")) { try ontoAPage.validated() }
    let climbing = EditorEdits(
      folder: folder, pages: pages, replacements: [], moves: [PageMove(from: "techniques/T0001.md", to: "../T9.md")])
    #expect(throws: EditRefusal.self) { try climbing.validated() }
  }

  @Test func aRenameIsPlannedAsEditsAndAMove() throws {
    let request = EditorEdits(
      folder: folder, pages: pages,
      replacements: [
        .init(path: "techniques/T0001.md", range: 12..<17, text: "T0009"),
        .init(path: "techniques/T0001.md", range: 27..<32, text: "T0003"),
      ],
      moves: [PageMove(from: "techniques/T0001.md", to: "techniques/T0009.md")])
    let plan = EditorEdits.plan(try request.validated())
    #expect(plan.moves == [PageMove(from: "techniques/T0001.md", to: "techniques/T0009.md")])
    #expect(plan.changes.map(\.page.path) == ["techniques/T0009.md"])
    #expect(
      String(decoding: plan.changes[0].page.bytes, as: UTF8.self) == "# Technique T0009: Old\nSee T0003: Other.\n")
    #expect(plan.changes[0].page.basis == .absent)
    #expect(plan.removals == [PageRemoval(path: "techniques/T0001.md", bytes: pages["techniques/T0001.md"]!)])
    #expect(plan.textEdits["techniques/T0001.md"]?.map(\.range) == [12..<17, 27..<32])
    // The editor applies it; the executor never writes such a plan.
    _ = try plan.verified()
  }
}
