/// A DISARM-style framework described as data: its kinds with their words, folders and identifier shapes, the field
/// labels and table headers that carry its relations, its whole-framework pages and its link style.
///
/// Built-in descriptions ship in `frameworks/*.yml` (see ``BuiltInFrameworks``); a team writes its own in the same
/// format (docs/FRAMEWORKS.md). Every layer reads the vocabulary from here: nothing else names a kind's words or
/// identifier shape.
public struct FrameworkDescription: Sendable, Equatable {
  /// Short name used on the command line and in `.disarm.yml` (`disarm-2026`).
  public let name: String
  /// Human title (`DISARM 2026 Assessments framework`).
  public let title: String
  /// One paragraph on what the framework is and which page trees it describes.
  public let summary: String
  /// Where the page folder sits in a repository: `generated_pages` for DISARM, `.` for AMITT's top-level pages.
  public let pageFolder: String
  /// The label of the plain field that holds a page's identifier when headings hold only the name (AMITT 2019's
  /// `* Id: T0007`), or nil when headings carry it (`# Technique T0007: …`).
  public let identifierField: String?
  /// The labels of the plain `* Label: value` fields such pages have (`Type`, `Id`, `Summary`, `From country / To
  /// country`), lower-cased; empty means any short label. Naming them keeps a bullet inside a summary
  /// (`* Amplifiers: …`) part of the summary.
  public let plainFields: [String]
  /// The name exports give the framework (the STIX matrix): DISARM's own bundles say `DISARM Framework`; by default
  /// the title.
  public let exportName: String
  /// The name whole pages are titled with (`DISARM` in `# DISARM Techniques:` and `disarm_id`, `AMITT` in AMITT's).
  public let brand: String
  /// How pages link to one another: the prefix before `<folder>/<ID>.md` (`../../generated_pages/`, `../`).
  public let linkPrefix: String
  /// The kinds in framework order (phases first), each with its role.
  public let kinds: [KindVocabulary]
  /// Field labels that carry each relation, by relation name (`tactic: [Category, Tactic]`); the first label is the
  /// one new pages are written with.
  public let fieldLabels: [String: [String]]
  /// The first-column header of the table that carries each table relation (`incidents: Incident`).
  public let tableHeaders: [String: String]
  /// The red and blue framework matrix pages, when the framework has them.
  public let matrixPages: [String]
  /// Files whose presence marks a tree as this framework's (`folder/name` patterns relative to the page folder, `*`
  /// and `?` within a name), used by detection beside the kinds' folders and headings; a pattern starting with `!`
  /// rules the framework out when it matches (DISARM 1.x never numbers a sub-technique `.000`).
  public let signatures: [String]
  /// Where the framework's master spreadsheet keeps each record (``WorkbookSheet``), by record name; empty when the
  /// framework has no spreadsheet (`disarm import` then says so).
  public let workbook: [String: WorkbookSheet]
  /// What the framework's generator made of an object row without an identifier (its description's
  /// `workbook: {rows-without-id: page}`; by default `skip`).
  public let rowsWithoutID: WorkbookSheet.RowsWithoutID
  /// Folders of other Markdown pages the framework's generator wrote beside the kinds' folders (AMITT early 2021's
  /// `metatechniques/`, lists of counters by metatechnique name): not object pages, read and kept as they are so that
  /// `build --output` holds every page of the tree.
  public let keptFolders: [String]

  /// A description as the YAML loader or a test builds it.
  public init(
    name: String, title: String, summary: String, exportName: String? = nil, brand: String = "DISARM",
    pageFolder: String,
    identifierField: String? = nil, plainFields: [String] = [],
    linkPrefix: String, kinds: [KindVocabulary],
    fieldLabels: [String: [String]] = [:], tableHeaders: [String: String] = [:], matrixPages: [String] = [],
    signatures: [String] = [], workbook: [String: WorkbookSheet] = [:],
    rowsWithoutID: WorkbookSheet.RowsWithoutID = .skip, keptFolders: [String] = []
  ) {
    self.name = name
    self.title = title
    self.summary = summary
    self.exportName = exportName ?? title
    self.brand = brand
    self.pageFolder = pageFolder
    self.identifierField = identifierField
    self.plainFields = plainFields.map { $0.lowercased() }
    self.linkPrefix = linkPrefix
    self.kinds = kinds
    self.fieldLabels = fieldLabels
    self.tableHeaders = tableHeaders
    self.matrixPages = matrixPages
    self.signatures = signatures
    self.workbook = workbook
    self.rowsWithoutID = rowsWithoutID
    self.keptFolders = keptFolders
    self.identifiers = IdentifierSyntax(kinds)
    // Looked up for every page read and regenerated: worked out once here.
    self.kindsByRole = Dictionary(kinds.map { ($0.role, $0) }, uniquingKeysWith: { first, _ in first })
    self.fieldKeysByRelation = fieldLabels.mapValues { $0.map { $0.lowercased() } }
    self.kindsByFolder = Dictionary(
      kinds.compactMap { kind in kind.folder.map { ($0, kind) } }, uniquingKeysWith: { first, _ in first })
    self.kindsByLinkFolder = kindsByFolder.merging(
      kinds.flatMap { kind in kind.olderFolders.map { ($0, kind) } }, uniquingKeysWith: { first, _ in first })
  }

  private let kindsByFolder: [String: KindVocabulary]
  private let kindsByLinkFolder: [String: KindVocabulary]

  private let kindsByRole: [ObjectKind: KindVocabulary]
  private let fieldKeysByRelation: [String: [String]]

  /// Equal when every declared part is (the identifier syntax follows from the kinds).
  public static func == (lhs: FrameworkDescription, rhs: FrameworkDescription) -> Bool {
    lhs.name == rhs.name && lhs.title == rhs.title && lhs.summary == rhs.summary
      && lhs.exportName == rhs.exportName && lhs.brand == rhs.brand
      && lhs.pageFolder == rhs.pageFolder && lhs.identifierField == rhs.identifierField
      && lhs.plainFields == rhs.plainFields
      && lhs.linkPrefix == rhs.linkPrefix && lhs.kinds == rhs.kinds && lhs.fieldLabels == rhs.fieldLabels
      && lhs.tableHeaders == rhs.tableHeaders && lhs.matrixPages == rhs.matrixPages
      && lhs.signatures == rhs.signatures && lhs.workbook == rhs.workbook && lhs.keptFolders == rhs.keptFolders
      && lhs.rowsWithoutID == rhs.rowsWithoutID
  }

  /// How the framework's identifiers are recognised, built once from the kinds' shapes.
  public let identifiers: IdentifierSyntax

  /// The vocabulary of the kind playing `role`, if the framework has that kind.
  public func kind(_ role: ObjectKind) -> KindVocabulary? { kindsByRole[role] }

  /// The kind whose pages live in `folder`, if any.
  public func kind(folder: String) -> KindVocabulary? { kindsByFolder[folder] }

  /// The kind a link into `folder` names: the kind whose pages live there, or whose older copy does
  /// (``KindVocabulary/olderFolders``).
  public func kind(linkFolder folder: String) -> KindVocabulary? { kindsByLinkFolder[folder] }

  /// The kind named by a word as users type it (`assessments`, `assessment`, `techniques`), case-insensitively.
  public func kind(named word: String) -> KindVocabulary? {
    let word = word.lowercased()
    return kinds.first { $0.plural == word || $0.singular == word || $0.folder == word || $0.role.rawValue == word }
  }

  /// The labels of the field carrying `relation`, lower-cased as page fields are looked up.
  public func fieldKeys(_ relation: String) -> [String] { fieldKeysByRelation[relation] ?? [] }
}
