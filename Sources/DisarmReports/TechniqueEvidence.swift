import DisarmDiagnostics
import DisarmFramework
import DisarmModel

/// The techniques a report shows, each with the sentence it was found in: what `disarm tag --into-incident` and
/// `--new-incident` write as an incident's technique rows (the sentence as the row's description, the way DISARM's
/// incident pages cite techniques in their descriptions).
public enum TechniqueEvidence {
  /// One technique found and the sentence it was found in.
  public struct Item: Sendable, Equatable {
    public var technique: DisarmID
    public var sentence: String
  }

  /// The live techniques the mentions name (found by identifier, by name, or by a close match when the tagging
  /// looked for those), in report order, each sentence once per technique. Retired and unknown identifiers, stale
  /// pages and objects of other kinds (tactics, counters) are left out: an incident's technique table lists
  /// techniques of the knowledge base.
  public static func items(_ found: [(ReportDocument, [Mention])], kb: KnowledgeBase) -> [Item] {
    var items: [Item] = []
    var seen = Set<String>()
    for (_, mentions) in found {
      for mention in mentions where mention.id.kind == .technique && mention.status == .current {
        guard let object = kb[mention.id], !object.isStale else { continue }
        let sentence = mention.sentence.trimmingWhitespace()
        guard seen.insert("\(mention.id)\u{0}\(sentence)").inserted else { continue }
        items.append(Item(technique: mention.id, sentence: sentence))
      }
    }
    return items
  }
}
