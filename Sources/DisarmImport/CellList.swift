/// The identifiers a list cell names, read as DISARM's generator reads them: the cell split at `divider` (a comma,
/// a line break, a space), and of each piece the text before its first space (`A033` of `A033 - social media platform
/// owner`). A piece that starts with a space gives nothing, as it gave the generator nothing to match.
enum CellList {
  struct Entry: Equatable {
    /// The identifier's text (`T0007`), possibly empty.
    var token: String
    /// The whole piece (`T0007 - Create fake Social Media Profiles`).
    var piece: String
  }

  static func entries(_ cell: String, divider: Character) -> [Entry] {
    guard !cell.isEmpty else { return [] }
    // ASCII without a carriage return (almost every list cell): each byte is a character, so the cell is split on
    // its bytes, which gives the same pieces without telling characters apart.
    if divider.utf8.count == 1, let separator = divider.utf8.first, separator != 0x0D,
      cell.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D })
    {
      let bytes = Array(cell.utf8)
      return bytes.split(separator: separator, omittingEmptySubsequences: false).map { piece in
        let token = piece.prefix { $0 != UInt8(ascii: " ") }
        return Entry(
          token: String(decoding: token, as: UTF8.self), piece: String(decoding: piece, as: UTF8.self))
      }
    }
    return cell.split(separator: divider, omittingEmptySubsequences: false).map { piece in
      Entry(token: String(piece.prefix { $0 != " " }), piece: String(piece))
    }
  }

  /// The dividers of the list facts.
  static func divider(of fact: String, in record: String) -> Character {
    switch (record, fact) {
    case ("counter", "techniques"): "\n"
    case ("incident", "references"): " "
    default: ","
    }
  }
}
