import ArgumentParser
import DisarmDiagnostics
import DisarmModel
import DisarmStatistics
import Foundation

extension Disarm {
  /// `disarm match`: the incidents most like one incident, or like a set of techniques.
  struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "match",
      abstract: "List the incidents most similar to an incident or to a set of techniques.",
      discussion: """
        Similarity is the Jaccard index of the technique sets: shared techniques / techniques of either (1: the same \
        set). Ties: more shared techniques first, then by identifier; the incident asked about comes first among \
        equals. Each match lists the techniques it shares, those of the query it lacks (missing) and its own others \
        (extra). Stale pages are not counted; incidents sharing nothing are not listed.
        Exit codes: 0 printed; 2 usage error (an unknown identifier) or I/O failure.
        """)

    @Argument(help: "An incident identifier, or technique identifiers.")
    var query: [String]

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    @Option(help: "List at most N incidents.")
    var top: Int = 10

    @Option(help: "Output format: text, csv or json (schema/stats.schema.json).")
    var format: Stats.Format = .text

    @OptionGroup var colorOptions: ColorOptions

    func validate() throws {
      if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
      let kb = try knowledgeBase.load()
      let records = IncidentRecord.all(in: kb)
      let resolved: MatchQuery
      do {
        resolved = try MatchQuery.resolve(query, in: kb, records: records)
      } catch {
        Terminal.error(error.message)
        throw ExitStatus.failure
      }
      let matches = IncidentMatch.rank(resolved.techniques, among: records, asking: resolved.incident, top: top)
      let output: [UInt8]
      switch format {
      case .json: output = JSONWriter.write(MatchOutput.json(matches, query: resolved))
      case .csv: output = MatchOutput.csv(matches)
      case .text: output = Array(MatchOutput.text(matches, query: resolved, kb: kb, style: colorOptions.style()).utf8)
      }
      FileHandle.standardOutput.write(Data(output))
    }
  }
}
