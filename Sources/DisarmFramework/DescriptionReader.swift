import Yams

/// Reads a framework description from YAML with Yams, keeping every node's position so that a mistake is reported
/// at its line and column (plain `Yams.load` would lose them).
enum DescriptionReader {
  /// Relation names a description may give field labels for, and what each means.
  static let fieldRelations: Set<String> = ["tactic", "phase", "parent", "metatechnique"]
  /// Relation names a description may give table headers for.
  static let tableRelations: Set<String> = [
    "incidents", "techniques-used", "associated", "counters", "tasks", "techniques", "actor-types",
    "counters-tactics", "counters-techniques", "seen-in-incidents", "references",
  ]

  static func read(_ text: String, path: String) throws(DescriptionError) -> FrameworkDescription {
    let root = try BoundedYAML.compose(text, path: path)
    guard let root else { throw DescriptionError(path: path, line: 0, column: 0, message: "the file is empty") }
    let top = try Mapping(root, path: path, what: "the top level", allowed: topKeys)
    let kindNodes = try top.sequence("kinds")
    var kinds: [KindVocabulary] = []
    for node in kindNodes { kinds.append(try kind(node, path: path)) }
    try checkKinds(kinds, nodes: kindNodes, path: path)
    var fields: [String: [String]] = [:]
    if let node = top.node("fields") {
      let mapping = try Mapping(node, path: path, what: "'fields'", allowed: fieldRelations)
      for key in mapping.keys { fields[key] = try mapping.strings(key) }
    }
    var tables: [String: String] = [:]
    if let node = top.node("tables") {
      let mapping = try Mapping(node, path: path, what: "'tables'", allowed: tableRelations)
      for key in mapping.keys { tables[key] = try mapping.string(key) }
    }
    var workbook: [String: WorkbookSheet] = [:]
    var rowsWithoutID = WorkbookSheet.RowsWithoutID.skip
    if let node = top.node("workbook") {
      let records = Dictionary(uniqueKeysWithValues: WorkbookSheet.records.map { ($0.name, $0.facts) })
      let mapping = try Mapping(
        node, path: path, what: "'workbook'", allowed: Set(records.keys).union([Self.rowsWithoutIDKey]))
      if mapping.node(Self.rowsWithoutIDKey) != nil {
        let text = try mapping.string(Self.rowsWithoutIDKey)
        guard let value = WorkbookSheet.RowsWithoutID(rawValue: text) else {
          throw mapping.error(
            at: Self.rowsWithoutIDKey,
            "the workbook's '\(Self.rowsWithoutIDKey)' is 'page' or 'skip', not '\(BoundedYAML.inert(text, limit: 40))'"
          )
        }
        rowsWithoutID = value
      }
      for key in mapping.keys where key != Self.rowsWithoutIDKey {
        let record = try Mapping(
          try mapping.required(key), path: path, what: "the workbook's '\(key)'",
          allowed: Set(records[key]! + ["sheet"]))
        guard record.node("id") != nil || key == "reference" else {
          throw mapping.error(at: key, "the workbook's '\(key)' needs the 'id' column's header")
        }
        var columns: [String: String] = [:]
        for fact in record.keys where fact != "sheet" { columns[fact] = try record.string(fact) }
        workbook[key] = WorkbookSheet(sheet: try record.string("sheet"), columns: columns)
      }
    }
    return FrameworkDescription(
      name: try top.string("name"), title: try top.string("title"), summary: try top.string("summary"),
      exportName: try top.optionalString("export-name"), brand: try top.optionalString("brand") ?? "DISARM",
      pageFolder: try pageFolder(top),
      identifierField: try top.optionalString("identifier-field"),
      plainFields: try top.optionalStrings("plain-fields") ?? [],
      linkPrefix: try top.string("link-prefix"), kinds: kinds, fieldLabels: fields, tableHeaders: tables,
      matrixPages: try top.optionalStrings("matrices") ?? [], signatures: try top.optionalStrings("signatures") ?? [],
      workbook: workbook, rowsWithoutID: rowsWithoutID, keptFolders: try top.optionalStrings("kept-folders") ?? [])
  }

  /// The `workbook:` key saying what the generator made of an object row without an identifier.
  static let rowsWithoutIDKey = "rows-without-id"

  static let topKeys: Set<String> = [
    "name", "title", "summary", "export-name", "brand", "page-folder", "identifier-field", "plain-fields",
    "link-prefix",
    "kinds",
    "fields", "tables",
    "matrices", "signatures", "workbook", "kept-folders",
  ]
  static let kindKeys: Set<String> = [
    "role", "singular", "plural", "heading", "folder", "id", "index", "older-folders",
  ]
  static let idKeys: Set<String> = ["prefix", "digits", "extra-digits", "sub-digits", "first-sub"]

  static func kind(_ node: Node, path: String) throws(DescriptionError) -> KindVocabulary {
    let mapping = try Mapping(node, path: path, what: "a kind", allowed: kindKeys)
    let roleText = try mapping.string("role")
    guard let role = ObjectKind(rawValue: roleText) else {
      let roles = ObjectKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw mapping.error(
        at: "role", "unknown role '\(BoundedYAML.inert(roleText, limit: 40))' (expected one of \(roles))")
    }
    let idNode = try mapping.required("id")
    let id = try Mapping(idNode, path: path, what: "'id'", allowed: idKeys)
    let prefix = try id.string("prefix")
    guard !prefix.isEmpty, prefix.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
      throw id.error(
        at: "prefix",
        "an identifier prefix is one or more capital letters A-Z, not '\(BoundedYAML.inert(prefix, limit: 40))'")
    }
    let shape = IdentifierShape(
      prefix: prefix, digits: try id.integer("digits", in: 1...9),
      extraDigits: try id.optionalInteger("extra-digits", in: 0...4) ?? 2,
      subDigits: try id.optionalInteger("sub-digits", in: 1...6),
      firstSub: try id.optionalInteger("first-sub", in: 0...1) ?? 1)
    let folder = try mapping.optionalString("folder")
    let olderFolders = try mapping.optionalStrings("older-folders") ?? []
    let index = try mapping.optionalString("index")
    for (key, name) in [("folder", folder), ("index", index)] + olderFolders.map({ ("older-folders", $0) }) {
      guard let name, !isPlainName(name) else { continue }
      throw mapping.error(
        at: key,
        "'\(BoundedYAML.inert(name, limit: 40))' is not a plain file or folder name (letters, digits, '-', '_', '.'; "
          + "not starting with '.')")
    }
    return KindVocabulary(
      role: role, singular: try mapping.string("singular").lowercased(),
      plural: try mapping.string("plural").lowercased(), heading: try mapping.optionalString("heading"),
      folder: folder, id: shape, index: index, olderFolders: olderFolders)
  }

  /// `page-folder`: `.` (the tree's own folder) or a plain name (see ``isPlainName(_:)``).
  static func pageFolder(_ top: Mapping) throws(DescriptionError) -> String {
    let value = try top.optionalString("page-folder") ?? "generated_pages"
    guard value == "." || isPlainName(value) else {
      throw top.error(at: "page-folder", "'\(BoundedYAML.inert(value, limit: 40))' is not '.' or a plain folder name")
    }
    return value
  }

  /// Whether `name` can name a file or folder inside the page folder and nothing else: a description comes from the
  /// knowledge base (anyone's pull request), and its folder names become paths that are read and written, and path
  /// segments and links of the site. No separators, no `..`, no markup, no scheme, no hidden names.
  static func isPlainName(_ name: String) -> Bool {
    guard !name.isEmpty, name.utf8.count <= 100, name.utf8.first != UInt8(ascii: ".") else { return false }
    return name.utf8.allSatisfy { byte in
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
  }

  /// Roles, folders and identifier shapes must each be unambiguous.
  static func checkKinds(_ kinds: [KindVocabulary], nodes: [Node], path: String) throws(DescriptionError) {
    guard !kinds.isEmpty else {
      throw DescriptionError(path: path, line: 0, column: 0, message: "'kinds' must list at least one kind")
    }
    for (index, kind) in kinds.enumerated() {
      let earlier = kinds[..<index]
      let mark = nodes[index].mark
      func fail(_ message: String) -> DescriptionError {
        DescriptionError(path: path, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message)
      }
      if earlier.contains(where: { $0.role == kind.role }) {
        throw fail("the role '\(kind.role.rawValue)' is given to two kinds")
      }
      for folder in [kind.folder].compactMap({ $0 }) + kind.olderFolders
      where earlier.contains(where: { $0.folder == folder || $0.olderFolders.contains(folder) }) {
        throw fail("the folder '\(BoundedYAML.inert(folder, limit: 40))' is given to two kinds")
      }
      if let other = earlier.first(where: { overlaps($0.id, kind.id) }) {
        throw fail(
          "identifiers of '\(kind.singular)' (\(kind.id.example)) could be read as '\(other.singular)' "
            + "(\(other.id.example)): give them different prefixes or digit counts")
      }
    }
  }

  /// Whether some identifier fits both shapes: same prefix and overlapping digit counts.
  static func overlaps(_ a: IdentifierShape, _ b: IdentifierShape) -> Bool {
    a.prefix == b.prefix && a.digits <= b.digits + b.extraDigits && b.digits <= a.digits + a.extraDigits
  }

}
