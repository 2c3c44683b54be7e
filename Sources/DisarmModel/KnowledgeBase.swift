import DisarmDiagnostics
import DisarmFramework
import DisarmParser

/// The linked knowledge base: every object, every relation between objects, every prose reference, and the
/// facts the lint rules read. Relations are indexed by source and target so that lookups never scan.
public struct KnowledgeBase: Sendable {
  /// Which page generation the technique pages follow.
  public enum Template: String, Sendable {
    /// Technique pages follow the 2022–2024 template (bulleted fields), none the 2025 one.
    case generation2022 = "2022"
    /// Technique pages follow the 2025 template (plain fields), none the 2022–2024 one.
    case generation2025 = "2025"
    /// Both occur; `mixed-templates` reports the minority and regeneration writes the majority's.
    case mixed
    /// No technique pages to tell from.
    case unknown
  }

  /// The framework the knowledge base follows: its kinds' words, identifier shapes and labels.
  public let framework: FrameworkDescription

  /// Parses an identifier of this knowledge base's framework.
  public func id(_ text: some StringProtocol) -> DisarmID? { DisarmID(text, in: framework.identifiers) }

  /// The identifier at the start of `text` and the text after it (see ``DisarmID/leading(in:syntax:)``).
  public func leadingID(in text: String) -> (id: DisarmID, rest: String)? {
    DisarmID.leading(in: text, syntax: framework.identifiers)
  }

  /// What the framework calls the kind playing `role`: its words, heading, folder and identifier shape. A role the
  /// framework lacks (no identifier can name it) gets DISARM 1.x's words.
  public func words(_ role: ObjectKind) -> KindVocabulary {
    framework.kind(role) ?? BuiltInFrameworks.standard.kind(role)!
  }

  /// Every object by identifier, stale pages and objects without pages (response types, detections) included.
  public private(set) var objects: [DisarmID: DisarmObject]
  /// Every relation in the order read, including those whose target does not exist (`isResolved` false).
  public private(set) var relations: [Relation]
  /// Prose references of an object's page, in page order, each resolved against the knowledge base. Computed on
  /// demand: storing them for every page would double the memory a large knowledge base needs.
  public func references(of id: DisarmID) -> [ResolvedReference] {
    guard let page = objects[id]?.page else { return [] }
    return page.references.map { reference in
      let target = self.id(reference.code.text)
      return ResolvedReference(reference: reference, id: target, isResolved: target.map { objects[$0] != nil } ?? false)
    }
  }
  /// The whole-knowledge-base pages read (indexes, matrices, response-type tables).
  public let wholePages: [WholePage]
  /// Pages whose file name is not an identifier, or that lost to another page with the same identifier.
  public let unassigned: [UnassignedPage]
  /// The pages of ``unassigned``.
  public var unassignedPages: [ObjectPage] { unassigned.map(\.page) }
  /// Files and folders that could not be used as pages.
  public let skippedFiles: [SkippedFile]
  /// Pages kept as they are, neither objects nor derived: an older copy of a kind's folder
  /// (``KindVocabulary/olderFolders``: AMITT 2021's `actors/`) and the other `.md` files at the root of the page
  /// folder (`actors_index.md`, a README). `build --output` copies them.
  public internal(set) var keptFiles: [SourceFile] = []
  /// For an extension (`extends:` in `.disarm.yml`), what was read from its upstream; nil otherwise.
  public internal(set) var upstream: Upstream?
  /// The identifiers the knowledge base has retired (`retired.yml`); empty when it has no register.
  public internal(set) var register = RetiredRegister()
  /// Each kind's index page and what it lists.
  public let indexes: [ObjectKind: IndexListing]
  /// What could not be read as a fact while linking.
  public let readingProblems: [ReadingProblem]
  /// Names written next to identifiers in fields (`TA07 Select Channels…`), to compare with the headings.
  public let nameClaims: [NameClaim]
  /// Byte offsets, per file, of codes already checked as fields that make no relation (`Parent Technique`).
  public let checkedCodeOffsets: [String: Set<Int>]
  /// Which generation the technique pages follow; regeneration keeps to it (the majority's when `mixed`).
  public let template: Template
  /// Tactics in framework order (the red framework matrix's columns), else by ID.
  public let tacticOrder: [DisarmID]

  /// Every object, by kind and then identifier: the order commands list and check objects in. Walking objects this
  /// way also reads their pages roughly in the order they were loaded, which on a large knowledge base touches memory
  /// far more evenly than the dictionary's hash order.
  public private(set) var orderedObjects: [DisarmObject] = []

  private var outgoingIndex: [DisarmID: [Int]] = [:]
  private var objectsByKind: [ObjectKind: [DisarmObject]] = [:]
  private var incomingIndex: [DisarmID: [Int]] = [:]

  init(
    framework: FrameworkDescription, objects: [DisarmID: DisarmObject], relations: [Relation], wholePages: [WholePage],
    unassigned: [UnassignedPage],
    skippedFiles: [SkippedFile], indexes: [ObjectKind: IndexListing], readingProblems: [ReadingProblem],
    nameClaims: [NameClaim], checkedCodeOffsets: [String: Set<Int>], template: Template, tacticOrder: [DisarmID]
  ) {
    self.framework = framework
    self.objects = objects
    self.relations = relations
    self.wholePages = wholePages
    self.unassigned = unassigned
    self.skippedFiles = skippedFiles
    self.indexes = indexes
    self.readingProblems = readingProblems
    self.nameClaims = nameClaims
    self.checkedCodeOffsets = checkedCodeOffsets
    self.template = template
    self.tacticOrder = tacticOrder
    for object in objects.values { objectsByKind[object.kind, default: []].append(object) }
    for kind in objectsByKind.keys { objectsByKind[kind]?.sort { $0.id < $1.id } }
    orderedObjects.reserveCapacity(objects.count)
    for kind in ObjectKind.allCases.sorted() { orderedObjects += objectsByKind[kind] ?? [] }
    for (index, relation) in relations.enumerated() {
      outgoingIndex[relation.source, default: []].append(index)
      incomingIndex[relation.target, default: []].append(index)
    }
  }

  /// The object with `id`, if any.
  public subscript(id: DisarmID) -> DisarmObject? { objects[id] }

  /// Objects of one kind, sorted by identifier.
  public func objects(of kind: ObjectKind) -> [DisarmObject] { objectsByKind[kind] ?? [] }

  /// Relations from `id`, optionally of one kind, in the order read. Most are written on the object's own page;
  /// facts only derived pages show (a counter's response type) carry the file they were read from.
  public func outgoing(_ id: DisarmID, _ kind: RelationKind? = nil) -> [Relation] {
    (outgoingIndex[id] ?? []).map { relations[$0] }.filter { kind == nil || $0.kind == kind }
  }

  /// Relations that point at `id`, optionally of one kind, in the order they were read.
  public func incoming(_ id: DisarmID, _ kind: RelationKind? = nil) -> [Relation] {
    (incomingIndex[id] ?? []).map { relations[$0] }.filter { kind == nil || $0.kind == kind }
  }

  /// The tactic of a technique, task, counter or detection.
  public func tactic(of id: DisarmID) -> DisarmID? { outgoing(id, .tactic).first?.target }

  /// The sub-techniques of a technique, sorted.
  public func subtechniques(of id: DisarmID) -> [DisarmID] { incoming(id, .parent).map(\.source).sorted() }

  /// Every page read: object pages, unassigned pages and whole pages.
  public var allSourceFiles: [SourceFile] {
    objects.values.compactMap(\.page?.file) + unassigned.map(\.page.file) + wholePages.map(\.file) + keptFiles
      + [register.file].compactMap { $0 }
  }

  /// Every page read, by path (for source excerpts).
  public func sourceFiles() -> [String: SourceFile] {
    Dictionary(allSourceFiles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
  }
}
