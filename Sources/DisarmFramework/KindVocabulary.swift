/// What one framework calls one kind of object, and where it keeps its pages.
///
/// The role (``ObjectKind``) is what the tool knows how to link and check: techniques belong to tactics, tactics to
/// phases, counters counter techniques. Everything a reader sees is the description's: DISARM 2026 calls its
/// techniques "assessments" (`# Assessment A0001.003: …`) and its tactics "categories", and keeps them in the
/// folders `techniques/` and `tactics/`.
public struct KindVocabulary: Sendable, Hashable {
  /// The role this kind plays in the model.
  public var role: ObjectKind
  /// The word for one object, in lower case (`assessment`).
  public var singular: String
  /// The word for several, in lower case (`assessments`); also the key of the kind in `disarm.json`.
  public var plural: String
  /// The word that starts a page heading (`Assessment` in `# Assessment A0001: …`), or nil when headings hold only
  /// the name (AMITT 2019: `# Create fake Social Media Profiles`).
  public var heading: String?
  /// The folder of the kind's pages, relative to the page folder (`techniques`); nil for kinds that exist only as
  /// rows of an index page (response types, detections).
  public var folder: String?
  /// How the kind writes its identifiers.
  public var id: IdentifierShape
  /// The index page listing the kind (`techniques_index.md`), if the framework has one.
  public var index: String?
  /// Folders that hold an older copy of the kind's pages, left in the tree when the folder was renamed (AMITT
  /// 2021 kept its actor types in `actors/` before `actortypes/`, and some counters still link there). Links into
  /// them name the kind's objects; their pages are not read as objects (the current folder's are).
  public var olderFolders: [String]

  /// A kind as a description declares it.
  public init(
    role: ObjectKind, singular: String, plural: String, heading: String?, folder: String?, id: IdentifierShape,
    index: String?, olderFolders: [String] = []
  ) {
    self.role = role
    self.singular = singular
    self.plural = plural
    self.heading = heading
    self.folder = folder
    self.id = id
    self.index = index
    self.olderFolders = olderFolders
  }

  /// The singular with its indefinite article, for messages (`an assessment`, `a technique`).
  public var withArticle: String {
    (["a", "e", "i", "o", "u"].contains(singular.prefix(1).lowercased()) ? "an " : "a ") + singular
  }

  /// The singular with a capital, for views and headings of lists (`Assessment`).
  public var title: String { singular.prefix(1).uppercased() + singular.dropFirst() }

  /// The plural with a capital, for group and table headings (`Assessments`, `Actor types`).
  public var pluralTitle: String { plural.prefix(1).uppercased() + plural.dropFirst() }
}
