import DisarmModel
import DisarmTestSupport

/// A hand-built knowledge base whose counts and similarities are known: two phases, three tactics (TA03 under P01,
/// listed after TA02 of P02, so that phase order differs from identifier order), five techniques, four incidents.
enum StatisticsKnowledgeBase {
  /// I00001 uses T0001 T0002 T0003; I00002 T0001 T0002; I00003 T0001 T0004; I00004 T0005; I00005 none.
  static func load() throws -> KnowledgeBase {
    try TemporaryKnowledgeBase.load([
      "phases/P01.md": SamplePages.phase("P01", "Plan"),
      "phases/P02.md": SamplePages.phase("P02", "Prepare"),
      "tactics/TA01.md": SamplePages.tactic("TA01", "First Tactic", phase: "P01"),
      "tactics/TA02.md": SamplePages.tactic("TA02", "Second Tactic", phase: "P02"),
      "tactics/TA03.md": SamplePages.tactic("TA03", "Third Tactic", phase: "P01"),
      "techniques/T0001.md": SamplePages.technique("T0001", "One"),
      "techniques/T0002.md": SamplePages.technique("T0002", "Two", tactic: "TA02 Second Tactic"),
      "techniques/T0003.md": SamplePages.technique("T0003", "Three", tactic: "TA03 Third Tactic"),
      "techniques/T0004.md": SamplePages.technique("T0004", "Four", tactic: "TA02 Second Tactic"),
      "techniques/T0005.md": SamplePages.technique("T0005", "Five"),
      "incidents/I00001.md": incident(
        "I00001", "Alpha", ["T0001", "T0002", "T0003"], year: "2019.0", countries: "Russia , UK"),
      "incidents/I00002.md": incident(
        "I00002", "Beta", ["T0001", "T0002", "T0002"], year: "2020.0", countries: "Russia , USA"),
      "incidents/I00003.md": incident("I00003", "Gamma", ["T0001", "T0004"], year: "2020.0", countries: "China , USA"),
      "incidents/I00004.md": incident("I00004", "Delta", ["T0005"], year: "2022.0", countries: "Iran , Iran"),
      "incidents/I00005.md": incident("I00005", "Epsilon", [], year: "", countries: " , "),
    ])
  }

  /// An incident page in DISARM's 1.x layout with the fields the statistics read.
  static func incident(_ id: String, _ name: String, _ techniques: [String], year: String, countries: String) -> String
  {
    let rows = techniques.map { "| [\($0) Name](../../generated_pages/techniques/\($0).md) | Used for \($0). |" }
    return """
      # Incident \(id): \(name)

      * **Summary:** About \(name).

      * **incident type**: campaign

      * **Year started:** \(year)

      * **Countries:** \(countries)

      * **Found via:** 

      * **Date added:** 2020-01-01


      | Technique | Description given for this incident |
      | --------- | ------------------------- |
      \(rows.joined(separator: "\n"))


      \(SamplePages.marker)
      """
  }
}
