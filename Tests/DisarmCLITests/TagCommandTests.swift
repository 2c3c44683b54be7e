import DisarmTestSupport
import Foundation
import Testing

/// `disarm tag` end to end through the binary: one report as Markdown, plain text, HTML, Word and PDF (written by
/// real writers: python-docx, reportlab) gives the same findings; the JSON evidence is valid against its schema, the
/// SARIF log against SARIF's; the Navigator layer loads in mitreattack-python and the STIX report passes the OASIS
/// validator; exit codes and bounds.
@Suite(.serialized) struct TagCommandTests {
  static let paragraphs = [
    "The operators ran accounts on a microblogging platform (T0151.008: Microblogging Platform) and posted content.",
    "They used Develop AI-Generated Texts for the posts, and older reports still cite T0099 for the platform.",
    "One analyst wrote T9999.999 by mistake & moved on.",
  ]

  static let writers: [String: String] = [
    "docx": """
    import sys, docx
    document = docx.Document()
    for paragraph in sys.argv[2:]:
        document.add_paragraph(paragraph)
    document.save(sys.argv[1])
    """,
    "pdf": """
    import sys
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    page = canvas.Canvas(sys.argv[1], pagesize=A4)
    page.setFont("Helvetica", 7)
    y = 800
    for paragraph in sys.argv[2:]:
        page.drawString(40, y, paragraph)
        y -= 30
    page.save()
    """,
  ]

  /// Writes the report in `format` under `root`; nil when the writer is not installed.
  static func write(_ format: String, in root: URL) throws -> URL? {
    let file = root.appendingPathComponent("report.\(format)")
    switch format {
    case "md": try Data(("# Takedown\n\n" + paragraphs.joined(separator: "\n\n") + "\n").utf8).write(to: file)
    case "txt": try Data((paragraphs.joined(separator: "\n\n") + "\n").utf8).write(to: file)
    case "html":
      let body = paragraphs.map { "<p>\($0.replacingOccurrences(of: "&", with: "&amp;"))</p>" }.joined(separator: "\n")
      try Data("<!DOCTYPE html><html><head><title>Takedown</title></head><body>\n\(body)\n</body></html>\n".utf8)
        .write(to: file)
    default:
      let script = root.appendingPathComponent("write-\(format).py")
      try Data(writers[format]!.utf8).write(to: script)
      let made = try ExternalTool.run(["python3", script.path, file.path] + paragraphs)
      guard made.status == 0 else { return nil }
    }
    return file
  }

  /// The findings of the JSON evidence: identifier, how found, status, sentence.
  static func findings(_ json: String) throws -> [String] {
    let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let reports = document?["reports"] as? [[String: Any]] ?? []
    return reports.flatMap { report in
      (report["mentions"] as? [[String: Any]] ?? []).map { mention in
        ["id", "found_by", "status", "sentence"].map { "\(mention[$0] ?? "")" }.joined(separator: " | ")
      }
    }
  }

  @Test func theSameReportInEveryFormatGivesTheSameFindings() throws {
    let (root, kb) = try RegisterCommandTests.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    var results: [String: [String]] = [:]
    for format in ["md", "txt", "html", "docx", "pdf"] {
      guard let report = try Self.write(format, in: root) else {
        #expect(format == "pdf", "the \(format) writer is missing (scripts/install-deps.sh installs it)")
        continue
      }
      let run = try DisarmProcess.run(["tag", report.path, "--kb", kb.path, "--format", "json"])
      if format == "pdf", run.status == 2, run.stderr.contains("pdftotext") { continue }
      // T9999.999 does not exist: exit 1.
      #expect(run.status == 1, "\(format): \(run.stderr)")
      results[format] = try Self.findings(run.stdout)
    }
    let expected = [
      "T0151.008 | identifier | current | The operators ran accounts on a microblogging platform (T0151.008: Microblogging Platform) and posted content.",
      "T0085.001 | name | current | They used Develop AI-Generated Texts for the posts, and older reports still cite T0099 for the platform.",
      "T0099 | identifier | retired | They used Develop AI-Generated Texts for the posts, and older reports still cite T0099 for the platform.",
      "T9999.999 | identifier | unknown | One analyst wrote T9999.999 by mistake & moved on.",
    ]
    for (format, found) in results { #expect(found == expected, "\(format)") }
    #expect(results.count >= 4)
  }

  @Test func theTextReportNamesPlacesReplacementsAndTheNearest() throws {
    let (root, kb) = try RegisterCommandTests.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let report = try #require(try Self.write("md", in: root))
    let run = try DisarmProcess.run(["tag", report.path, "--kb", kb.path])
    #expect(run.status == 1)
    #expect(run.stdout.contains("\(report.path):3:57: T0151.008 Microblogging Platform (identifier) — \"The operators"))
    #expect(run.stdout.contains("T0099 (identifier); retired, replaced by T0151.008 Microblogging Platform"))
    #expect(run.stdout.contains("T9999.999 (identifier); no such technique (nearest: "))
    #expect(run.stderr.contains("disarm tag: 4 mentions of 4 objects in 1 report; 1 retired, 1 unknown"))
    let word = try #require(try Self.write("docx", in: root))
    let paragraphs = try DisarmProcess.run(["tag", word.path, "--kb", kb.path, "--names", "off"])
    #expect(paragraphs.stdout.contains("\(word.path):¶1:57: T0151.008"), "\(paragraphs.stdout)")
    #expect(!paragraphs.stdout.contains("(name)"))
  }

  @Test func evidenceLayerAndReportAreValidForTheirConsumers() throws {
    let (root, kb) = try RegisterCommandTests.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let report = try #require(try Self.write("md", in: root))
    let layer = root.appendingPathComponent("layer.json")
    let bundle = root.appendingPathComponent("report.stix.json")
    let json = try DisarmProcess.run([
      "tag", report.path, "--kb", kb.path, "--format", "json", "--navigator", layer.path, "--stix", bundle.path,
    ])
    let evidence = root.appendingPathComponent("evidence.json")
    try Data(json.stdout.utf8).write(to: evidence)
    try ExternalTool.expectValid(evidence, schema: "schema/tag.schema.json")
    let sarif = try DisarmProcess.run(["tag", report.path, "--kb", kb.path, "--format", "sarif"])
    let log = root.appendingPathComponent("tag.sarif")
    try Data(sarif.stdout.utf8).write(to: log)
    try ExternalTool.expectValid(log, schema: "schema/sarif-2.1.0.schema.json")
    #expect(sarif.stdout.contains("\"ruleId\": \"report-unknown-id\""))
    let csv = try DisarmProcess.run(["tag", report.path, "--kb", kb.path, "--format", "csv"])
    #expect(csv.stdout.hasPrefix("file,line,column,paragraph,page,identifier,name,found_by"))
    #expect(csv.stdout.split(separator: "\n").count == 5)
    let markdown = try DisarmProcess.run(["tag", report.path, "--kb", kb.path, "--format", "markdown"])
    #expect(markdown.stdout.contains("| 3:57 | T0151.008 | Microblogging Platform | identifier | current |"))

    let layerText = try String(contentsOf: layer, encoding: .utf8)
    #expect(
      layerText.contains("\"techniqueID\": \"T0151.008\"") && layerText.contains("\"techniqueID\": \"T0085.001\""))
    #expect(!layerText.contains("T9999.999") && !layerText.contains("\"T0099\""))
    let stixText = try String(contentsOf: bundle, encoding: .utf8)
    #expect(stixText.contains("\"type\": \"report\"") && stixText.contains("attack-pattern--"))
    try #require(ExportSTIXCommandTests.pythonToolsAvailable, ExportSTIXCommandTests.pythonSkip)
    let loaded = try ExternalTool.run(["python3", ExportSTIXCommandTests.checker, "layer", layer.path])
    #expect(loaded.status == 0, "\(loaded.output)")
    let validated = try ExternalTool.run(["python3", ExportSTIXCommandTests.checker, "stix", bundle.path])
    #expect(validated.status == 0, "\(validated.output)")
  }

  @Test func unreadableAndOversizedReportsExitTwo() throws {
    let (root, kb) = try RegisterCommandTests.knowledgeBase()
    defer { try? FileManager.default.removeItem(at: root) }
    let missing = try DisarmProcess.run(["tag", root.appendingPathComponent("nope.md").path, "--kb", kb.path])
    #expect(missing.status == 2 && missing.stderr.contains("nope.md: no such file, or not a file"), "\(missing.stderr)")
    let huge = root.appendingPathComponent("huge.txt")
    FileManager.default.createFile(atPath: huge.path, contents: nil)
    let handle = try FileHandle(forWritingTo: huge)
    try handle.truncate(atOffset: 65 << 20)
    try handle.close()
    let refused = try DisarmProcess.run(["tag", huge.path, "--kb", kb.path])
    #expect(refused.status == 2 && refused.stderr.contains("larger than 64 MiB (refused)"), "\(refused.stderr)")
    let fake = root.appendingPathComponent("fake.docx")
    try Data("not a zip".utf8).write(to: fake)
    let damaged = try DisarmProcess.run(["tag", fake.path, "--kb", kb.path])
    #expect(damaged.status == 2 && damaged.stderr.contains("not a Word document"), "\(damaged.stderr)")
  }
}
