import DisarmTestSupport
import Foundation
import Testing

/// `disarm export stix` and `disarm export navigator` end to end: the built binary, determinism, options, and the
/// ecosystem's own tools (`scripts/check-stix.py`: the OASIS STIX validator, mitreattack-python's MitreAttackData
/// and Navigator layer tools) over the sample knowledge base and the four reference corpora.
@Suite struct ExportSTIXCommandTests {
  static let checker = DisarmProcess.repository.appendingPathComponent("scripts/check-stix.py").path

  /// Whether python3 can import the checker's modules (`scripts/install-deps.sh` installs them; CI runs it).
  static let pythonToolsAvailable: Bool = {
    let imports = "import stix2validator, mitreattack.stix20, mitreattack.navlayers"
    return (try? ExternalTool.run(["python3", "-c", imports]).status) == 0
  }()
  static let pythonSkip: Comment =
    "python3 lacks stix2-validator or mitreattack-python (run scripts/install-deps.sh): STIX tool checks skipped"

  @Test func exportingTwiceGivesIdenticalFiles() throws {
    let folder = TemporaryFolder.make("disarm-cli")
    defer { try? FileManager.default.removeItem(at: folder) }
    for command in [["stix"], ["navigator", "--score-by", "incidents"]] {
      var outputs: [Data] = []
      for run in 0..<2 {
        let file = folder.appendingPathComponent("\(command[0])-\(run).json")
        let result = try DisarmProcess.run(["export"] + command + ["data", "--output", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        outputs.append(try Data(contentsOf: file))
      }
      #expect(outputs[0] == outputs[1] && !outputs[0].isEmpty, "\(command)")
    }
  }

  @Test func dateAndKillChainOptions() throws {
    let result = try DisarmProcess.run(["export", "stix", "data", "--date", "2024-06-30", "--kill-chain", "disarm"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"created\": \"2024-06-30T00:00:00.000Z\""))
    #expect(result.stdout.contains("\"kill_chain_name\": \"disarm\""))
    #expect(!result.stdout.contains("mitre-attack"))
    let bad = try DisarmProcess.run(["export", "stix", "data", "--date", "2024-02-30"])
    #expect(bad.status != 0 && bad.stderr.contains("is not a date"))
  }

  @Test func unknownIncidentIsAnError() throws {
    let result = try DisarmProcess.run(["export", "navigator", "data", "--incident", "I09999"])
    #expect(result.status == 2 && result.stderr.contains("no incident I09999"))
  }

  @Test(.enabled(if: pythonToolsAvailable, pythonSkip))
  func sampleExportsPassTheEcosystemTools() throws {
    try Self.check(kb: DisarmProcess.repository.appendingPathComponent("data"), name: "data")
  }

  @Test(
    .enabled(if: Corpus.available, "../shared/corpus is absent: STIX corpus tool checks skipped"),
    .enabled(if: pythonToolsAvailable, pythonSkip), arguments: Corpus.names)
  func corpusExportsPassTheEcosystemTools(corpus: String) throws {
    try Self.check(kb: Corpus.release(corpus), name: corpus)
  }

  /// Exports `kb` as a STIX bundle and a heat-map layer and runs the checker on both: no validator error,
  /// MitreAttackData's techniques of each tactic equal to `disarm list techniques --tactic`, the layer loads.
  static func check(kb: URL, name: String) throws {
    let folder = TemporaryFolder.make("disarm-cli")
    defer { try? FileManager.default.removeItem(at: folder) }
    let bundle = folder.appendingPathComponent("\(name).stix.json")
    let layer = folder.appendingPathComponent("\(name).layer.json")
    let stix = try DisarmProcess.run(["export", "stix", kb.path, "--output", bundle.path])
    #expect(stix.status == 0, "\(stix.stderr)")
    let navigator = try DisarmProcess.run(["export", "navigator", kb.path, "--score-by", "incidents", "-o", layer.path])
    #expect(navigator.status == 0, "\(navigator.stderr)")
    let checked = try ExternalTool.run([
      "python3", checker, "stix", bundle.path, "--kb", kb.path, "--disarm", DisarmProcess.binary.path,
    ])
    #expect(checked.status == 0, "\(checked.output)")
    #expect(checked.output.contains("0 errors") && checked.output.contains("same as disarm list"), "\(checked.output)")
    let loaded = try ExternalTool.run(["python3", checker, "layer", layer.path])
    #expect(loaded.status == 0, "\(loaded.output)")
  }
}
