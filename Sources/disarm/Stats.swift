import ArgumentParser
import DisarmDiagnostics
import DisarmModel
import DisarmStatistics
import Foundation

extension Disarm {
  /// `disarm stats`: what the incidents say: technique frequency, pairs, trends, as tables, CSV, JSON, an SVG heat map
  /// and a Navigator layer.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: "Count the techniques the incidents use: frequency, pairs used together, trends per year.",
      discussion: """
        Counts come from the linked model: a technique counts once per incident whose technique table names it \
        (several rows count once), only live techniques and live incidents count (stale pages are not counted), and \
        a sub-technique counts as itself, not for its parent. Share = incidents using the technique / incidents \
        counted. --where FIELD=VALUE selects incidents by a field they carry (countries, year_started, \
        incident_type, found_via, date_added; and technique=T0049); values of one field are alternatives, different \
        fields must all hold. --pairs ranks pairs of techniques used by the same incident, with Jaccard \
        (together / either) and lift (together x incidents / (first x second)). See docs/STATISTICS.md.
        Exit codes: 0 printed; 2 usage error (an unknown field or value: the message lists what exists) or I/O failure.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @OptionGroup var knowledgeBase: KnowledgeBaseOption

    @Option(
      name: .customLong("where"),
      help: ArgumentHelp("Count only incidents with FIELD=VALUE (repeatable).", valueName: "FIELD=VALUE"))
    var conditions: [String] = []

    @Option(help: "Count only incidents started in or after this year.")
    var from: Int?

    @Option(help: "Count only incidents started in or before this year.")
    var to: Int?

    @Option(help: "Group the counts: tactic, phase, year, country, actor or an incident field.")
    var by: String?

    @Flag(help: "The pairs of techniques most often used by the same incident.")
    var pairs = false

    @Flag(help: "The number of incidents per year started.")
    var trend = false

    @Option(help: "Order of --pairs: count, lift or jaccard.")
    var sort: String = "count"

    @Option(name: .customLong("min-together"), help: "With --pairs: only pairs used together by at least N incidents.")
    var minTogether: Int = 1

    @Option(help: "Show at most N rows per table in text (default: every used technique; 25 pairs).")
    var top: Int?

    @Option(help: "Output format: text, csv or json (schema/stats.schema.json).")
    var format: Format = .text

    @Option(help: "Also write an ATT&CK Navigator layer scored by these counts.", completion: .file())
    var navigator: String?

    @Option(help: "Also write the framework matrix coloured by these counts as a standalone SVG.", completion: .file())
    var svg: String?

    @OptionGroup var colorOptions: ColorOptions

    func validate() throws {
      if pairs && trend { throw ValidationError("--pairs and --trend are different reports: give one") }
      if (pairs || trend) && by != nil {
        throw ValidationError("--by groups the frequency table, not --pairs or --trend")
      }
      if TechniquePair.Order(rawValue: sort) == nil { throw ValidationError("--sort is count, lift or jaccard") }
      if let top, top < 1 { throw ValidationError("--top must be at least 1") }
      if minTogether < 1 { throw ValidationError("--min-together must be at least 1") }
    }

    func run() throws {
      let kb = try knowledgeBase.load()
      let all = IncidentRecord.all(in: kb)
      let filter: IncidentFilter
      let selected: [IncidentRecord]
      do {
        filter = IncidentFilter(
          conditions: try conditions.map { text throws(StatisticsError) in try IncidentFilter.Condition.parse(text) },
          fromYear: from, toYear: to)
        selected = try filter.select(all, in: kb)
      } catch {
        Terminal.error(error.message)
        throw ExitStatus.failure
      }
      let style = colorOptions.style()
      let output: [UInt8]
      if pairs {
        let order = TechniquePair.Order(rawValue: sort) ?? .count
        let found = TechniquePair.all(in: selected, minimumTogether: minTogether, order: order)
        switch format {
        case .json:
          output = JSONWriter.write(
            PairsOutput.json(found, incidents: selected.count, filter: filter, order: order, kb: kb))
        case .csv: output = PairsOutput.csv(found, kb: kb)
        case .text:
          output = Array(
            PairsOutput.text(found, incidents: selected.count, filter: filter, kb: kb, top: top ?? 25, style: style)
              .utf8)
        }
      } else if trend {
        let rows = YearTrend(selected, in: kb)
        switch format {
        case .json: output = JSONWriter.write(TrendOutput.json(rows, filter: filter))
        case .csv: output = TrendOutput.csv(rows)
        case .text: output = Array(TrendOutput.text(rows, filter: filter, kb: kb, style: style).utf8)
        }
      } else {
        let grouping: TechniqueFrequency.Grouping?
        do {
          grouping = try by.map { name throws(StatisticsError) in
            try TechniqueFrequency.Grouping.parse(name, fields: IncidentField.keys(of: all))
          }
        } catch {
          Terminal.error(error.message)
          throw ExitStatus.failure
        }
        let frequency = TechniqueFrequency(selected, in: kb, grouping: grouping)
        switch format {
        case .json: output = JSONWriter.write(FrequencyOutput.json(frequency, filter: filter, by: by))
        case .csv: output = FrequencyOutput.csv(frequency)
        case .text:
          output = Array(FrequencyOutput.text(frequency, filter: filter, kb: kb, top: top, style: style).utf8)
        }
      }
      FileHandle.standardOutput.write(Data(output))
      try writePictures(selected, filter: filter, kb: kb)
    }

    /// `--navigator` and `--svg`: the technique counts of the selected incidents as a layer and as a matrix.
    func writePictures(_ selected: [IncidentRecord], filter: IncidentFilter, kb: KnowledgeBase) throws {
      guard navigator != nil || svg != nil else { return }
      let matrix = HeatMapMatrix(selected, filter: filter, in: kb)
      if let navigator {
        try ExportSTIX.write(StatisticsLayer.bytes(matrix, in: kb), to: navigator)
        Terminal.status("disarm: wrote the Navigator layer \(navigator)")
      }
      if let svg {
        try ExportSTIX.write(MatrixSVG.bytes(matrix, in: kb), to: svg)
        Terminal.status("disarm: wrote the SVG matrix \(svg)")
      }
    }
  }
}
