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
  static func local(_ name: String) -> String {
    // Called for every element of every sheet: the name itself when it has no colon (almost always), else what
    // follows the last one.
    var name = name
    let colon = name.withUTF8 { buffer -> Int? in
      var index = buffer.count - 1
      while index >= 0 {
        if buffer[index] == UInt8(ascii: ":") { return index }
        index -= 1
      }
      return nil
    }
    guard let colon else { return name }
    return String(name.utf8.dropFirst(colon + 1))!
  }

  static func scan(_ bytes: [UInt8], path: String, part: String, _ handle: (XMLScanner.Event) -> Void)
    throws(WorkbookError)
  {
    var scanner = XMLScanner(bytes)
    while let event = try next(in: &scanner, path: path, part: part) { handle(event) }
  }

  /// The scanner's next event, its failure made the workbook's error: for the readers that go through a part's
  /// events in a loop of their own (a closure's captured state costs more than the scan, for a worksheet's cells).
  @inline(__always)
  static func next(in scanner: inout XMLScanner, path: String, part: String) throws(WorkbookError)
    -> XMLScanner.Event?
  {
    do {
      return try scanner.next()
    } catch {
      throw WorkbookError(path: path, "\(part): \(error.message)")
    }
  }
}
