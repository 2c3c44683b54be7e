import DisarmTestSupport
import Foundation
import Testing

/// End-to-end: the built `disarm build`, its output files, stderr and exit codes.
@Suite struct BuildCommandTests {

  @Test func sampleKnowledgeBaseBuildsCleanly() throws {
    let out = TemporaryFolder.make("disarm-cli")
    let result = try DisarmProcess.run(["build", "data", "--output", out.path])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("disarm: 51 objects (phases 4, tactics 6, techniques 13, tasks 3, incidents 5"))
    #expect(result.stderr.contains("0 errors, 0 warnings"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("disarm.json").path))
  }

  @Test func buildingTwiceGivesIdenticalJSON() throws {
    let first = TemporaryFolder.make("disarm-cli")
    let second = TemporaryFolder.make("disarm-cli")
    _ = try DisarmProcess.run(["build", "data", "-o", first.path])
    _ = try DisarmProcess.run(["build", "data", "-o", second.path])
    let a = try Data(contentsOf: first.appendingPathComponent("disarm.json"))
    let b = try Data(contentsOf: second.appendingPathComponent("disarm.json"))
    #expect(a == b)
    #expect(a.count > 10_000)
  }

  @Test func missingFolderExitsTwoWithItsPath() throws {
    let result = try DisarmProcess.run(["build", "no/such/folder", "-o", TemporaryFolder.make("disarm-cli").path])
    #expect(result.status == 2)
    #expect(result.stderr == "disarm: error: no/such/folder: no such file or folder\n")
  }

  @Test func fileInsteadOfFolderExitsTwo() throws {
    let result = try DisarmProcess.run(["build", "README.md", "-o", TemporaryFolder.make("disarm-cli").path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("README.md: not a folder"))
  }

  @Test func unknownOptionIsAUsageError() throws {
    let result = try DisarmProcess.run(["build", "--no-such-option"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("Unknown option"))
  }

  @Test func unwritableOutputExitsTwo() throws {
    let blocker = TemporaryFolder.make("disarm-cli").appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let result = try DisarmProcess.run(["build", "data", "-o", blocker.appendingPathComponent("out").path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("disarm: error:"))
  }

  @Test func errorsInTheKnowledgeBaseExitOneAndNameFileAndLine() throws {
    let kb = TemporaryFolder.make("disarm-cli")
    let techniques = kb.appendingPathComponent("techniques")
    try FileManager.default.createDirectory(at: techniques, withIntermediateDirectories: true)
    try Data(
      "# Technique T0002: Wrong File\n\n**Summary**: x\n\n**Tactic**: TA01 Plan\n\nDO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW"
        .utf8
    )
    .write(to: techniques.appendingPathComponent("T0001.md"))
    let result = try DisarmProcess.run(["build", kb.path, "-o", kb.appendingPathComponent("out").path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "techniques/T0001.md:1:13: error: heading identifier 'T0002' differs from the file name 'T0001.md' [heading-id-mismatch]"
      ))
    #expect(
      result.stderr.contains(
        "techniques/T0001.md:5:13: error: T0001 names tactic TA01, which does not exist [unresolved-link]"))
    #expect(!result.stderr.contains("unresolved-reference"), "the tactic field is reported once, as a link")
    #expect(result.stderr.contains("disarm: 1 object (techniques 1); "))
    #expect(
      result.stderr.hasSuffix(
        "2 errors, 0 warnings; wrote \(kb.appendingPathComponent("out").path)/disarm.json and 15 pages\n"),
      "the page with errors is written too")
  }

  @Test(
    .enabled(if: Corpus.available, "../shared/corpus is absent: corpus build tests skipped"),
    arguments: Corpus.allTrees.map(\.name))
  func corpusBuildsAndValidatesAgainstTheSchema(corpus: String) throws {
    let out = TemporaryFolder.make("disarm-cli")
    let source = Corpus.release(corpus)
    let result = try DisarmProcess.run(["build", source.path, "-o", out.path])
    // The real corpora hold junk files (incidents/.md, techniques/T0039 .md): errors, exit 1, never a crash.
    #expect(result.status == 1 || result.status == 0)
    if Corpus.names.contains(corpus) {
      #expect(result.stderr.contains("[file-name-not-id]") || result.stderr.contains("[duplicate-id]"))
    }
    let json = out.appendingPathComponent("disarm.json")
    try SchemaValidator.expectValid(json)
    let again = TemporaryFolder.make("disarm-cli")
    _ = try DisarmProcess.run(["build", source.path, "-o", again.path])
    #expect(try Data(contentsOf: json) == Data(contentsOf: again.appendingPathComponent("disarm.json")))
  }

  @Test func sampleJSONValidatesAgainstTheSchema() throws {
    let out = TemporaryFolder.make("disarm-cli")
    _ = try DisarmProcess.run(["build", "data", "-o", out.path])
    try SchemaValidator.expectValid(out.appendingPathComponent("disarm.json"))
  }
}

/// Validates documents with Python's `jsonschema` (installed by `make test`).
enum SchemaValidator {
  static func expectValid(_ document: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", DisarmProcess.repository.appendingPathComponent("scripts/validate-json.py").path,
      DisarmProcess.repository.appendingPathComponent("schema/disarm.schema.json").path, document.path,
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(
      process.terminationStatus == 0, "schema validation failed:\n\(output.prefix(2000))",
      sourceLocation: sourceLocation)
  }
}
