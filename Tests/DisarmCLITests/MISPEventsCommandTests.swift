import DisarmTestSupport
import Foundation
import Testing

/// `disarm export misp --events` through the built binary: the incidents as MISP events, valid for MISP's import
/// (PyMISP's schema and loader, the core format's rules: `scripts/check-misp-events.py`), and read back by
/// `disarm import` into the same knowledge base without changing a page.
@Suite struct MISPEventsCommandTests {
  typealias Incidents = ImportIncidentsCommandTests

  static let pymispSkip: Comment =
    "PyMISP or jsonschema is missing (scripts/install-deps.sh): the MISP event checks skipped"
  static var pymispAvailable: Bool {
    (try? ExternalTool.run(["python3", "-c", "import pymisp, jsonschema"]).status) == 0
  }

  /// Exports `kb`'s events to a new folder; returns the file.
  static func export(_ kb: URL, expecting count: Int) throws -> String {
    let out = TemporaryFolder.make("disarm-misp-events")
    let result = try DisarmProcess.run(["export", "misp", kb.path, "--events", "-o", out.path])
    #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
    let file = out.appendingPathComponent("events.json").path
    #expect(result.stderr.hasPrefix("disarm: wrote \(count) MISP events to \(file); "), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
    return file
  }

  @Test func theSampleExportReadsBackUnchangedAndExportsTheSameBytesTwice() throws {
    let (_, kb) = try Incidents.copy()
    let before = try Incidents.snapshot(kb)
    let events = try Self.export(kb, expecting: 5)
    let back = try DisarmProcess.run(["import", events, "--into", kb.path])
    #expect(back.status == 0, "\(back.stderr)")
    #expect(back.stderr.contains("note: read \(events): MISP events, 5 incidents"), "\(back.stderr)")
    #expect(back.stderr.contains("5 incidents (0 new, 0 changed, 5 unchanged), 0 pages written"), "\(back.stderr)")
    #expect(try Incidents.snapshot(kb) == before)
    let again = try Self.export(kb, expecting: 5)
    #expect(try Data(contentsOf: URL(fileURLWithPath: events)) == Data(contentsOf: URL(fileURLWithPath: again)))
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: events))) as? [String: Any])
    let first = try #require((document["response"] as? [[String: Any]])?.first?["Event"] as? [String: Any])
    #expect(first["info"] as? String == "Coordinated hashtag campaign against a city election")
    let tags = (first["Tag"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
    #expect(tags.contains("misp-galaxy:disarm-techniques=\"T0073 - Determine Target Audiences\""), "\(tags)")
    let galaxy = try #require((first["Galaxy"] as? [[String: Any]])?.first)
    #expect(galaxy["type"] as? String == "disarm-techniques")
    // T0002's cluster under the UUID and value of MISP's published DISARM galaxy (clusters/disarm-techniques.json).
    let clusters = (document["response"] as? [[String: Any]] ?? []).flatMap { item in
      ((item["Event"] as? [String: Any])?["Galaxy"] as? [[String: Any]] ?? []).flatMap {
        $0["GalaxyCluster"] as? [[String: Any]] ?? []
      }
    }
    let t0002 = try #require(
      clusters.first { ($0["meta"] as? [String: Any])?["external_id"] as? [String] == ["T0002"] })
    #expect(t0002["uuid"] as? String == "782afafa-e997-571a-9b25-d04bb322480c")
    #expect(t0002["value"] as? String == "Facilitate State Propaganda")
    #expect(t0002["tag_name"] as? String == "misp-galaxy:disarm-techniques=\"Facilitate State Propaganda\"")
  }

  /// Incidents imported from a CSV dataset and from a MISP event go out as events and come back to their pages; the
  /// one from MISP keeps its event's UUID.
  @Test func importedIncidentsRoundTripAndAMISPEventKeepsItsUUID() throws {
    let (root, kb) = try Incidents.copy()
    let csv = try Incidents.write(
      "Name,Year,URL,T0002_Facilitate State Propaganda\r\nClone sites,2016.0,https://example.org/a,1\r\n", "d.csv",
      in: root)
    let event = try Incidents.write(
      """
      {"response": [{"Event": {"uuid": "5c1d0000-0000-4000-8000-000000000001", "info": "From MISP",
        "date": "2023-03-04", "Attribute": [{"type": "text", "value": "Line one\\nline two | with a bar."}],
        "Tag": [{"name": "misp-galaxy:disarm-techniques=\\"T0073 - Determine Target Audiences\\""}]}}]}
      """, "event.json", in: root)
    let imported = try DisarmProcess.run(["import", csv, event, "--into", kb.path])
    #expect(imported.status == 0 && imported.stderr.contains("2 new"), "\(imported.stderr)")
    let before = try Incidents.snapshot(kb)
    let events = try Self.export(kb, expecting: 7)
    let text = try String(contentsOfFile: events, encoding: .utf8)
    #expect(text.contains("\"uuid\": \"5c1d0000-0000-4000-8000-000000000001\""))
    #expect(text.contains("\"value\": \"Line one\\nline two | with a bar.\""))
    let back = try DisarmProcess.run(["import", events, "--into", kb.path])
    #expect(back.stderr.contains("7 incidents (0 new, 0 changed, 7 unchanged)"), "\(back.stderr)")
    #expect(try Incidents.snapshot(kb) == before)
  }

  @Test(.enabled(if: Corpus.available, Corpus.skipMessage))
  func theReleasesIncidentsGoOutAndComeBackUnchanged() throws {
    let (_, kb) = try Incidents.copy(Corpus.release("disarm-2025-02-10"))
    let before = try Incidents.snapshot(kb)
    let events = try Self.export(kb, expecting: 129)
    let back = try DisarmProcess.run(["import", events, "--into", kb.path])
    #expect(back.status == 0, "\(back.stderr.suffix(500))")
    #expect(back.stderr.contains("129 incidents (0 new, 0 changed, 129 unchanged), 0 pages written"))
    #expect(try Incidents.snapshot(kb) == before)
  }

  @Test(.enabled(if: pymispAvailable, pymispSkip))
  func theEventsPassMISPsChecks() throws {
    var sources = [TestSupport.sampleData]
    if Corpus.available { sources.append(Corpus.release("disarm-2025-02-10")) }
    let script = DisarmProcess.repository.appendingPathComponent("scripts/check-misp-events.py").path
    for source in sources {
      let (_, kb) = try Incidents.copy(source)
      let events = try Self.export(kb, expecting: source == TestSupport.sampleData ? 5 : 129)
      let check = try ExternalTool.run(["python3", script, events])
      #expect(check.status == 0 && check.output.hasSuffix(" events: 0 problems\n"), "\(check.output.suffix(2000))")
    }
  }

  /// The checker is not vacuous: an unknown key, a category MISP does not allow for a type and a two-line info are
  /// each reported.
  @Test(.enabled(if: pymispAvailable, pymispSkip))
  func theCheckerReportsWhatMISPWouldRefuse() throws {
    let (root, kb) = try Incidents.copy()
    let events = try Self.export(kb, expecting: 5)
    var text = try String(contentsOfFile: events, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"category\": \"Other\"", with: "\"category\": \"Targeting data\"")
    text = text.replacingOccurrences(
      of: "\"info\": \"Coordinated hashtag campaign", with: "\"colour\": \"red\", \"info\": \"Two\\nlines")
    let damaged = try Incidents.write(text, "damaged.json", in: root)
    let check = try ExternalTool.run([
      "python3", DisarmProcess.repository.appendingPathComponent("scripts/check-misp-events.py").path, damaged,
    ])
    #expect(check.status == 1)
    #expect(check.output.contains("schema: Event: Additional properties are not allowed ('colour'"), "\(check.output)")
    #expect(check.output.contains("type 'text' is not allowed in category 'Targeting data'"), "\(check.output)")
    #expect(check.output.contains("info must be one line"), "\(check.output)")
  }
}
