import DisarmFramework
import DisarmModel

/// One object of the framework a report mentions: what was found, how, and where.
public struct Mention: Sendable {
  /// How the mention was found.
  public enum Method: Sendable, Equatable {
    /// An identifier (`T0049.003`, `TA07`), with or without `: Name` after it.
    case identifier
    /// An object's name, written without its identifier (case, hyphenation, plurals and line breaks aside).
    case name
    /// A close match of a name (`--names fuzzy`), with its score from 0 to 1.
    case fuzzy(score: Double)

    /// `identifier`, `name`, `fuzzy`.
    public var label: String {
      switch self {
      case .identifier: "identifier"
      case .name: "name"
      case .fuzzy: "fuzzy"
      }
    }
  }

  /// What the knowledge base says of the identifier.
  public enum Status: Sendable, Equatable {
    /// A live object of the knowledge base.
    case current
    /// Retired in the register, with its replacement when there is one.
    case retired(replacedBy: DisarmID?)
    /// No object and not retired: the nearest identifiers of the same kind.
    case unknown(nearest: [DisarmID])
  }

  /// The identifier mentioned (for a name, the object's).
  public var id: DisarmID
  /// The object's name in the knowledge base, if it has the object.
  public var name: String?
  /// The text as the report writes it.
  public var written: String
  /// The name written after the identifier (`T0049.003: Bots Amplify…`), when there is one.
  public var writtenName: String?
  /// The byte range of `writtenName` in the report's text (what an editor replaces to correct the name).
  public var writtenNameRange: Range<Int>?
  /// Whether `writtenName` is the object's name (case and spacing aside); nil without a written name.
  public var nameAgrees: Bool?
  public var method: Method
  public var status: Status
  /// The mention's byte range in the report's text.
  public var range: Range<Int>
  /// Where it is in the report.
  public var place: ReportDocument.Place
  /// The sentence it occurs in.
  public var sentence: String
}
