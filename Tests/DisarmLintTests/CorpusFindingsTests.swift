import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

/// The linter on the four published releases in `../shared/corpus/`: the only errors are the junk files and what
/// follows from them, and the releases' known defects are reported.
@Suite(.enabled(if: Corpus.available, Corpus.skipMessage), .serialized)
struct CorpusFindingsTests {
  static func findings(_ corpus: String) throws -> (kb: KnowledgeBase, diagnostics: [Diagnostic]) {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.pages(corpus).path)
    return (kb, Linter.check(kb).diagnostics)
  }

  @Test(arguments: Corpus.names)
  func onlyJunkFilesAreErrors(corpus: String) throws {
    let (kb, diagnostics) = try Self.findings(corpus)
    // Errors are the junk files themselves, broken links on stale pages (the old generator wrote
    // `../generated_pages/…` there), and the one live link to a junk page (2022 `tactics/TA08.md` → `T0039 .md`).
    let stale = Set(kb.objects.values.filter(\.isStale).map(\.file))
    let errors = diagnostics.filter { $0.severity == .error }
    let junkRules: Set<String> = ["file-name-not-id", "duplicate-id"]
    for error in errors where !junkRules.contains(error.rule.rawValue) {
      let linkToJunk = error.rule.rawValue == "broken-link" && error.message.contains("T0039 .md")
      #expect(stale.contains(error.file) || linkToJunk, "\(corpus): \(error.formatted)")
    }
    let junk = Set(errors.filter { junkRules.contains($0.rule.rawValue) }.map(\.file))
    let expectedJunk = ["incidents/.md", "techniques/T0039 .md"].filter {
      FileManager.default.fileExists(atPath: Corpus.pages(corpus).appendingPathComponent($0).path)
    }
    #expect(junk == Set(expectedJunk))
  }

  @Test func knownDefectsAreReported() throws {
    let (_, diagnostics) = try Self.findings("disarm-2025-02-10")
    let unresolved = Set(
      diagnostics.filter { $0.rule.rawValue == "unresolved-reference" }.map { $0.message.split(separator: " ")[0] })
    #expect(unresolved.isSuperset(of: ["T0143.208", "T1708"]))
    #expect(
      diagnostics.contains { $0.rule.rawValue == "name-mismatch" && $0.message.contains("'Bypass Content Bocking'") })
  }
}
