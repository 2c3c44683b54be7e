/// Where an imported incident came from, as its page's `Imported from` field records it: a scheme naming the kind
/// of source and the source's own identifier for the record (`stix:campaign--4f0e…`, `misp:event--5c1d…`,
/// `csv:dataset.csv#id=17`, `csv:dataset.csv#name=Clone sites`). `disarm import` finds a page it made before by
/// this identity, never by the incident's name; lint reports two pages claiming the same one.
public enum IncidentSourceIdentity {
  /// The field's label on the page.
  public static let label = "Imported from"
  /// The key the page parser files the field under.
  public static let key = label.lowercased()
}
