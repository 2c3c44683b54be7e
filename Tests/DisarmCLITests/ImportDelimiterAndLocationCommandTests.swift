import DisarmTestSupport
import Foundation
import Testing

/// `disarm import` through the binary for what issue 28 left open: a dataset separated by `;` (as spreadsheets save
/// CSV in some locales) recognised from its header row, `--delimiter` naming it, and countries from a STIX bundle's
/// `location` objects.
@Suite struct ImportDelimiterAndLocationCommandTests {
  typealias Incidents = ImportIncidentsCommandTests

  /// The messy dataset of ImportCSVCommandTests with `;` between cells (the quoted description holds a comma).
  static let semicolons =
    "id;Name;Description;Year;Target country;Actor;URL;T0002_Facilitate State Propaganda;T0132 Measure Performance\r\n"
    + "1;Clone sites;\"Cloned sites; \"\"spread\"\" articles, twice\";2022;France;Russia;https://example.org/a;1;0\r\n"
    + "2;Hashtag flood;Bots;2016,0;USA;;;0;1\r\n"

  @Test func aSemicolonDatasetIsReadFromItsHeaderAndDelimiterNamesIt() throws {
    let (root, kb) = try Incidents.copy()
    let dataset = try Incidents.write(Self.semicolons, "export-de.csv", in: root)
    let dry = try DisarmProcess.run(["import", dataset, "--into", kb.path, "--dry-run"])
    #expect(dry.status == 0, "\(dry.stderr)")
    #expect(
      dry.stderr.hasPrefix("note: read \(dataset): CSV dataset separated by ';', 2 incidents, 2 technique columns\n"),
      "\(dry.stderr)")
    #expect(dry.stdout.contains("would create: \(kb.path)/incidents/I00906.md\n"), "\(dry.stdout)")
    // Read as commas, the file has no name column: an error at row 1, exit 1, nothing written.
    let before = try Incidents.snapshot(kb)
    let comma = try DisarmProcess.run(["import", dataset, "--into", kb.path, "--delimiter", "comma"])
    #expect(comma.status == 1)
    #expect(comma.stderr.contains("export-de.csv:1:1: error: no name column"), "\(comma.stderr)")
    #expect(try Incidents.snapshot(kb) == before)
    let named = try DisarmProcess.run(["import", dataset, "--into", kb.path, "--delimiter", ";"])
    #expect(named.status == 0, "\(named.stderr)")
    #expect(named.stderr.contains("2 incidents (2 new, 0 changed, 0 unchanged)"), "\(named.stderr)")
    let page = try String(contentsOf: kb.appendingPathComponent("incidents/I00906.md"), encoding: .utf8)
    #expect(page.contains("* **Summary:** Cloned sites; \"spread\" articles, twice\n"))
    #expect(page.contains("* **Countries:** Russia , France\n"))
    #expect(page.contains("techniques/T0002.md)") && !page.contains("techniques/T0132.md)"))
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.status == 0, "\(check.stderr)")
    let bad = try DisarmProcess.run(["import", dataset, "--into", kb.path, "--delimiter", "pipe"])
    #expect(bad.status == 2, "\(bad.status)")
    #expect(
      bad.stderr.contains(
        "The value 'pipe' is invalid for '--delimiter <delimiter>'. Please provide one of 'comma', "
          + "'semicolon' or 'tab'."), "\(bad.stderr)")
  }

  @Test func aBundlesLocationsGiveTheIncidentsCountries() throws {
    let (root, kb) = try Incidents.copy()
    let bundle = """
      {"type": "bundle", "id": "bundle--66666666-6666-4666-8666-666666666666", "objects": [
        {"type": "location", "spec_version": "2.1", "id": "location--00000000-0000-4000-8000-000000000001",
         "country": "RU"},
        {"type": "location", "spec_version": "2.1", "id": "location--00000000-0000-4000-8000-000000000002",
         "name": "Lithuania", "country": "LT"},
        {"type": "location", "spec_version": "2.1", "id": "location--00000000-0000-4000-8000-000000000003",
         "name": "Latvia", "country": "LV"},
        {"type": "campaign", "spec_version": "2.1", "id": "campaign--33333333-3333-4333-8333-333333333333",
         "name": "Border crisis accounts"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--00000000-0000-4000-9000-000000000001",
         "relationship_type": "originates-from", "source_ref": "campaign--33333333-3333-4333-8333-333333333333",
         "target_ref": "location--00000000-0000-4000-8000-000000000001"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--00000000-0000-4000-9000-000000000002",
         "relationship_type": "targets", "source_ref": "campaign--33333333-3333-4333-8333-333333333333",
         "target_ref": "location--00000000-0000-4000-8000-000000000002"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--00000000-0000-4000-9000-000000000003",
         "relationship_type": "targets", "source_ref": "campaign--33333333-3333-4333-8333-333333333333",
         "target_ref": "location--00000000-0000-4000-8000-000000000003"}
      ]}
      """
    let file = try Incidents.write(bundle, "bundle.json", in: root)
    let run = try DisarmProcess.run(["import", file, "--into", kb.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("created: \(kb.path)/incidents/I00906.md Border crisis accounts"), "\(run.stderr)")
    let page = try String(contentsOf: kb.appendingPathComponent("incidents/I00906.md"), encoding: .utf8)
    #expect(page.contains("* **Countries:** Russia , Lithuania, Latvia\n"), "\(page)")
    let again = try DisarmProcess.run(["import", file, "--into", kb.path])
    #expect(again.stderr.contains("(0 new, 0 changed, 1 unchanged), 0 pages written"), "\(again.stderr)")
    let check = try DisarmProcess.run(["build", kb.path, "--check"])
    #expect(check.status == 0, "\(check.stderr)")
  }
}
