import DisarmTestSupport
import Testing

@testable import DisarmImport

/// A list cell split on its bytes (ASCII without a carriage return) gives the pieces the split on characters gives,
/// kept here as the reference, and any other cell is split on characters.
@Suite struct CellListTests {
  static func reference(_ cell: String, divider: Character) -> [CellList.Entry] {
    guard !cell.isEmpty else { return [] }
    return cell.split(separator: divider, omittingEmptySubsequences: false).map { piece in
      CellList.Entry(token: String(piece.prefix { $0 != " " }), piece: String(piece))
    }
  }

  static let fragments = [
    "T0001", "T0002.001", " ", ",", "\n", "\r", "\r\n", " - ", "Create fake profiles", "", "é", "e\u{301}",
    ",\u{301}", "\n\u{301}", "I00005", "  ", "TA07",
  ]

  @Test func randomCellsGiveTheReferencePieces() {
    var random = SeededRandom(seed: 7)
    for round in 0..<5000 {
      let cell = (0..<Int.random(in: 0...12, using: &random)).map { _ in Self.fragments.randomElement(using: &random)! }
        .joined()
      for divider: Character in [",", "\n", " "] {
        #expect(
          CellList.entries(cell, divider: divider) == Self.reference(cell, divider: divider),
          "round \(round): \(cell.debugDescription) split at \(divider.debugDescription)")
      }
    }
  }
}
