import DisarmTestSupport
import Foundation
import Testing

/// A page's text costs time and memory in proportion to its size in every command that reads it: with a 50 MB
/// summary, `search`, `show` and `diff` cost about what `lint` costs on the same tree, which reads and checks all of
/// it (docs/SECURITY-OUTPUTS.md records the timings).
@Suite(.serialized) struct LinearCostTests {
  /// About ``size`` bytes of words: mostly `lorem ipsum`, with a long word now and then, and markup openers that never close
  /// (`<`, `&`, `[`, and `[text](` whose parenthesis never closes on its 50 MB line), which a reader searching ahead
  /// for the closer from each one would scan to the end for.
  static func hugeSummary(seed: String, brackets: Bool = true) -> String {
    let plain = String(repeating: "lorem ipsum dolor sit amet \(seed) ", count: 200)
    let hostile = " a<b e&f " + (brackets ? "k[l c[d g](h " : "") + String(repeating: "x", count: 20_000) + " "
    let chunk = plain + hostile
    return String(repeating: chunk, count: size / chunk.utf8.count)
  }

  /// 50 MB in a release build (as docs/SECURITY-OUTPUTS.md measured); 20 MB in the debug build `make test` runs,
  /// which keeps CI within its time while a quadratic reader would still take minutes (it grows with the square).
  #if DEBUG
    static let size = 20_000_000
  #else
    static let size = 50_000_000
  #endif

  #if DEBUG
    static let factor = 8.0
    static let slack = 5.0
  #else
    static let factor = 4.0
    static let slack = 3.0
  #endif

  /// A copy of data/ whose technique T0073 has `summary` as its summary.
  static func tree(_ name: String, in root: URL, summary: String) throws -> URL {
    let kb = root.appendingPathComponent(name)
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: kb)
    let page = kb.appendingPathComponent("techniques/T0073.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    let start = try #require(text.range(of: "**Summary**: "))
    let end = try #require(text[start.upperBound...].range(of: "\n"))
    try Data((text[..<start.upperBound] + summary + text[end.lowerBound...]).utf8).write(to: page)
    return kb
  }

  /// Runs `disarm` under scripts/peak-memory.py: its exit status, seconds and peak memory in MiB.
  static func measure(_ arguments: [String]) throws -> (status: Int32, seconds: Double, mebibytes: Int, out: Int) {
    let start = Date()
    let result = try DisarmProcess.run(
      arguments,
      wrappedBy: ["python3", TestSupport.repositoryRoot.appendingPathComponent("scripts/peak-memory.py").path])
    let seconds = Date().timeIntervalSince(start)
    let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
    let parts = last.split(separator: " ")
    try #require(parts.count == 3 && parts[0] == "peak-memory:", "\(arguments): \(result.stderr.suffix(2000))")
    return (Int32(parts[1]) ?? -1, seconds, (Int(parts[2]) ?? .max) / 1024, result.stdout.utf8.count)
  }

  /// The page parser's link scanner matched each `[` and `(` by scanning ahead to its closer: on this summary it took
  /// minutes for every command. Now brackets cost what any text costs.
  @Test func unclosedBracketsCostWhatOtherTextCosts() throws {
    let root = TemporaryFolder.make("disarm-linear-cost")
    defer { try? FileManager.default.removeItem(at: root) }
    let plain = try Self.tree("plain", in: root, summary: Self.hugeSummary(seed: "alpha", brackets: false))
    let bracketed = try Self.tree("bracketed", in: root, summary: Self.hugeSummary(seed: "alpha"))
    let without = try Self.measure(["lint", plain.path])
    let with = try Self.measure(["lint", bracketed.path])
    #expect(with.status == 0 || with.status == 1, "lint exits \(with.status)")
    #expect(
      with.seconds <= 2 * without.seconds + Self.slack,
      "lint took \(with.seconds) s with brackets, \(without.seconds) s without")
  }

  @Test func searchShowAndDiffCostAboutWhatLintCosts() throws {
    let root = TemporaryFolder.make("disarm-linear-cost")
    defer { try? FileManager.default.removeItem(at: root) }
    let huge = try Self.tree("huge", in: root, summary: Self.hugeSummary(seed: "alpha"))
    let changed = try Self.tree("changed", in: root, summary: Self.hugeSummary(seed: "beta"))

    let lint = try Self.measure(["lint", huge.path])
    #expect(lint.status == 0 || lint.status == 1, "lint exits \(lint.status)")
    // `search` reads less than `lint` does: at most lint's time plus 2 s. `show` and `diff` print the whole summary
    // (wrapped, or both sides): four times lint plus 3 s, eight times plus 5 s in a debug build, whose unoptimised
    // string code pays more per byte than lint's byte parsers. The quadratic readers this guards against took minutes.
    let timeBound = Self.factor * lint.seconds + Self.slack
    let memoryBound = 3 * lint.mebibytes + 200
    let runs: [(String, [String])] = [
      ("search", ["search", "lorem", "ipsum", "--kb", huge.path]),
      ("search phrase", ["search", "amet alpha", "--kb", huge.path]),
      ("show", ["show", "T0073", "--kb", huge.path, "--no-pager", "--width", "80"]),
      ("diff", ["diff", huge.path, changed.path]),
      ("diff markdown", ["diff", huge.path, changed.path, "--format", "markdown"]),
    ]
    for (name, arguments) in runs {
      let run = try Self.measure(arguments)
      let timeBound = name.hasPrefix("search") ? lint.seconds + 2 : timeBound
      #expect(run.status == 0, "\(name) exits \(run.status)")
      #expect(run.out > 0, "\(name) printed nothing")
      #expect(
        run.seconds <= timeBound,
        "\(name): \(run.seconds) s, bound \(timeBound) s (lint \(lint.seconds) s)")
      #expect(
        run.mebibytes <= memoryBound,
        "\(name): \(run.mebibytes) MiB, bound \(memoryBound) MiB (lint \(lint.mebibytes) MiB)")
    }
  }

  /// Summaries of a few thousand long words, each differing from the other side only at its end: a word diff that
  /// compared the words themselves for every pair would read each word thousands of times.
  @Test func aWordDiffOfLongWordsIsBounded() throws {
    let root = TemporaryFolder.make("disarm-linear-cost")
    defer { try? FileManager.default.removeItem(at: root) }
    let stem = String(repeating: "w", count: 16_000)
    // Words of one length, so that comparing two of them cannot stop at their lengths.
    let old = (0..<2_900).map { "\(stem)\(10_000 + $0)a" }.joined(separator: " ")
    let new = (0..<2_900).map { "\(stem)\(10_000 + ($0 * 7) % 2_900)b" }.joined(separator: " ")
    let before = try Self.tree("before", in: root, summary: old)
    let after = try Self.tree("after", in: root, summary: new)
    let lint = try Self.measure(["lint", after.path])
    let diff = try Self.measure(["diff", before.path, after.path])
    #expect(diff.status == 0, "diff exits \(diff.status)")
    #expect(diff.seconds <= Self.factor * lint.seconds + Self.slack, "diff: \(diff.seconds) s (lint \(lint.seconds) s)")
  }
}
