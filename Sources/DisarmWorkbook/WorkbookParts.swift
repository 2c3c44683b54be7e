/// The workbook part (`xl/workbook.xml`) and its relationships: the sheets' names, in order, with their parts.
enum WorkbookParts {
  static let workbookPart = "xl/workbook.xml"
  static let relationsPart = "xl/_rels/workbook.xml.rels"

  static func sheets(in parts: PartReader, path: String) throws(WorkbookError) -> [(name: String, part: String)] {
    var reader = parts
    let workbook = try reader.required(workbookPart)
    let relations = try reader.required(relationsPart)
    var targets: [String: String] = [:]
    try scan(relations, path: path, part: "xl/_rels/workbook.xml.rels") { event in
      if case .start(let name, let attributes, _) = event, local(name) == "Relationship",
        let id = attributes["Id"], let target = attributes["Target"]
      {
        targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      }
    }
    var sheets: [(String, String)] = []
    try scan(workbook, path: path, part: "xl/workbook.xml") { event in
      if case .start(let name, let attributes, _) = event, local(name) == "sheet", let sheetName = attributes["name"],
        let id = attributes["r:id"] ?? attributes.first(where: { $0.key.hasSuffix(":id") })?.value,
        let target = targets[id]
      {
        sheets.append((sheetName, target))
      }
    }
    return sheets
  }

  /// The element name without its namespace prefix.
  static func local(_ name: String) -> Substring {
    // Called for every element of every sheet: no array of the parts, only the slice after the last colon.
    guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return Substring(name) }
    return name[name.utf8.index(after: colon)...]
  }

  static func scan(_ bytes: [UInt8], path: String, part: String, _ handle: (XMLScanner.Event) -> Void)
    throws(WorkbookError)
  {
    var scanner = XMLScanner(bytes)
    do {
      while let event = try scanner.next() { handle(event) }
    } catch {
      throw WorkbookError(path: path, "\(part): \(error.message)")
    }
  }
}
