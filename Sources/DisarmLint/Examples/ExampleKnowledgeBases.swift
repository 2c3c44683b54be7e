/// Small knowledge bases the rule examples are built from: a clean base (phase, tactic, technique) and variants.
/// Available inside every rule type, so that a rule's examples read `pair(…, base([...]), …)`.
extension Rule {
  typealias Page = ExamplePage

  /// A triggering example and its fixed twin.
  static func pair(
    _ problem: String, _ triggering: [String: String], _ fix: String, _ fixed: [String: String],
    wholeFile: String? = nil
  ) -> [RuleExample] {
    [
      RuleExample(triggers: true, note: problem, pages: triggering, wholeFile: wholeFile),
      RuleExample(triggers: false, note: fix, pages: fixed),
    ]
  }

  /// Phase P01, tactic TA01 and technique T0001, a clean knowledge base, with some pages replaced or added.
  static func base(_ changes: [String: String] = [:]) -> [String: String] {
    let pages = [
      "phases/P01.md": Page.phase(), "tactics/TA01.md": Page.tactic(), "techniques/T0001.md": Page.technique(),
    ]
    return pages.merging(changes) { $1 }
  }

  /// Tactics TA01 (T0001) and TA02 (T0002), and sub-technique T0001.001 under `subtechniqueTactic`.
  static func twoTactics(subtechniqueTactic: String) -> [String: String] {
    let under01 = subtechniqueTactic == "TA01"
    return base([
      "tactics/TA01.md": Page.tactic(techniques: [Page.row("T0001")] + (under01 ? [Page.row("T0001.001")] : [])),
      "tactics/TA02.md": Page.tactic(
        "TA02", "Plan Objectives", techniques: (under01 ? [] : [Page.row("T0001.001")]) + [Page.row("T0002")]),
      "techniques/T0001.001.md": Page.technique(
        "T0001.001", tactic: under01 ? "TA01 Plan Strategy" : "\(subtechniqueTactic) Plan Objectives",
        parent: "T0001 Choose an Audience"),
      "techniques/T0002.md": Page.technique("T0002", tactic: "TA02 Plan Objectives"),
    ])
  }

  /// Counter C00001 (tactic TA01, countering T0001), shown with response type D02 on the tactic page and
  /// `responseTypeOnTechnique` on the technique page.
  static func withCounter(responseTypeOnTechnique: String) -> [String: String] {
    base([
      "tactics/TA01.md": Page.tactic(counters: [Page.row("C00001", "D02")]),
      "techniques/T0001.md": Page.technique(counters: [Page.row("C00001", responseTypeOnTechnique)]),
      "counters/C00001.md": Page.counter(techniques: [Page.row("T0001")]),
    ])
  }
}
