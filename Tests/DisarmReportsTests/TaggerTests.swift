import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmReports

/// `disarm tag`'s finding of mentions in a small knowledge base: identifiers with their names checked, names
/// without identifiers (hyphenation, plurals, line breaks), close matches, retired and unknown identifiers, and the
/// sentence and place of each.
@Suite struct TaggerTests {
  static let pages: [String: String] = [
    "phases/P01.md": SamplePages.phase("P01", "Plan"),
    "tactics/TA01.md": SamplePages.tactic("TA01", "First Tactic"),
    "techniques/T0049.md": SamplePages.technique("T0049", "Flood Information Space"),
    "techniques/T0049.003.md": SamplePages.technique(
      "T0049.003", "Bots Amplify via Automated Forwarding and Reposting", parent: "T0049 Flood Information Space"),
    "techniques/T0151.008.md": SamplePages.technique("T0151.008", "Microblogging Platform"),
    "techniques/T0010.md": SamplePages.technique("T0010", "Harass"),
    "techniques/T0002.md": SamplePages.technique("T0002", "Facilitate State Propaganda"),
    "tactics/TA19.md": SamplePages.tactic("TA19", "Accounts, Software, and Infrastructure"),
    "techniques/T0130.md": SamplePages.technique("T0130", "Mentorship: Elders, Youth (Credit). Learn Vicariously"),
    "retired.yml": "- id: T0099\n  name: Old Platform\n  retired: v1.6\n  replaced-by: T0151.008\n",
  ]

  static func tag(_ text: String, names: Tagger.Names = .exact, path: String = "report.md") throws -> [Mention] {
    let kb = try TemporaryKnowledgeBase.load(pages)
    let report = ReportDocument(
      path: path, format: .markdown, text: SourceFile(path: path, text: text), origin: .itself)
    return Tagger(kb: kb, names: names).mentions(in: report)
  }

  @Test func identifiersAreFoundWithTheirPlaceAndSentenceAndTheirNamesChecked() throws {
    let mentions = try Self.tag(
      "Intro line.\nAccounts were automated (T0049.003: Bots Amplify via Automated Forwarding and Reposting). "
        + "Posts went to T0151.008: Micro Platform too!")
    #expect(mentions.map(\.id.string) == ["T0049.003", "T0151.008"])
    #expect(mentions.map(\.method) == [.identifier, .identifier])
    #expect(mentions[0].place == .lineColumn(line: 2, column: 26))
    #expect(
      mentions[0].sentence
        == "Accounts were automated (T0049.003: Bots Amplify via Automated Forwarding and Reposting).")
    #expect(mentions[0].nameAgrees == true)
    #expect(mentions[1].nameAgrees == false && mentions[1].writtenName == "Micro Platform too!")
    #expect(mentions[1].sentence == "Posts went to T0151.008: Micro Platform too!")
  }

  /// The name read after `ID: ` runs to the end of its phrase; a name holding a colon, a comma, a full stop or
  /// parentheses is cut there, and a report that goes on after the name runs past it. Both were called mismatches.
  @Test func aNameHoldingPunctuationOrFollowedByMoreTextAgrees() throws {
    let text = """
      The network (T0049.003: Bots Amplify via Automated Forwarding and Reposting: the bots reposted every article).
      It bought servers (TA19: Accounts, Software, and Infrastructure) and ran T0130: mentorship: elders, youth
      (credit). Learn vicariously, then T0049.003: Bots Amplify via Automated Forwarding and Reposting was used.
      Not quite: T0002: Facilitate State Propaganda Campaigns, TA19: Accounts, Software, and Hardware;
      T0130: Mentorship: Elders.

      T0049.003: Bots Amplify via Automated Forwarding
      and Reposting. A name across a line break.
      """
    let mentions = try Self.tag(text)
    let identified = mentions.filter { $0.method == .identifier }
    #expect(
      identified.map(\.id.string) == [
        "T0049.003", "TA19", "T0130", "T0049.003", "T0002", "TA19", "T0130", "T0049.003",
      ])
    #expect(identified.map(\.nameAgrees) == [true, true, true, true, false, false, false, true])
    // The written name is the name's own range in the report, whatever the phrase around it.
    #expect(
      identified.map(\.writtenName) == [
        "Bots Amplify via Automated Forwarding and Reposting", "Accounts, Software, and Infrastructure",
        "mentorship: elders, youth\n(credit). Learn vicariously", "Bots Amplify via Automated Forwarding and Reposting",
        "Facilitate State Propaganda Campaigns", "Accounts", "Mentorship: Elders.",
        "Bots Amplify via Automated Forwarding\nand Reposting",
      ])
    for mention in identified where mention.nameAgrees == true {
      let range = try #require(mention.writtenNameRange)
      #expect(String(decoding: Array(text.utf8)[range], as: UTF8.self) == mention.writtenName)
    }
    // The rest of a name read whole is no other mention (`Software` or `Infrastructure` alone are not looked for,
    // but `Reposting` inside T0049.003's name would have been one mention of the name too).
    #expect(mentions.filter { $0.method != .identifier }.isEmpty)
  }

  /// What `--into-incident` writes: live techniques with their sentences, each sentence once per technique; tactics,
  /// retired and unknown identifiers left out.
  @Test func theEvidenceForAnIncidentIsTheLiveTechniquesWithTheirSentences() throws {
    let kb = try TemporaryKnowledgeBase.load(Self.pages)
    let text = """
      Bots reposted it (T0049.003: Bots Amplify via Automated Forwarding and Reposting, TA01: First Tactic).
      Old reports say T0099, others T0777. Then T0049.003 again, on a Microblogging Platform (T0151.008).
      """
    let report = ReportDocument(
      path: "r.md", format: .markdown, text: SourceFile(path: "r.md", text: text), origin: .itself)
    let mentions = Tagger(kb: kb).mentions(in: report)
    let items = TechniqueEvidence.items([(report, mentions)], kb: kb)
    #expect(items.map(\.technique.string) == ["T0049.003", "T0049.003", "T0151.008"])
    #expect(
      items.map(\.sentence) == [
        "Bots reposted it (T0049.003: Bots Amplify via Automated Forwarding and Reposting, TA01: First Tactic).",
        "Then T0049.003 again, on a Microblogging Platform (T0151.008).",
        "Then T0049.003 again, on a Microblogging Platform (T0151.008).",
      ])
  }

  @Test func namesAreFoundAcrossCaseHyphenationPluralsAndLineBreaks() throws {
    let mentions = try Self.tag(
      "They used bots amplify via automated forwarding and\nreposting. Then Microblogging Plat-\nforms carried it.")
    #expect(mentions.map(\.id.string) == ["T0049.003", "T0151.008"])
    #expect(mentions.allSatisfy { $0.method == .name })
    // A one-word short name is not looked for, a longer one is; a name inside an identifier's `: Name` is not twice.
    let harass = try Self.tag("They harass people. T0049.003: Bots Amplify via Automated Forwarding and Reposting.")
    #expect(harass.map(\.id.string) == ["T0010", "T0049.003"])
    #expect(harass.map(\.method) == [.name, .identifier])
  }

  @Test func namesOffFindsIdentifiersOnlyAndFuzzyScoresCloseMatches() throws {
    let text = "Bot amplifying via automated forwarding and reposting, and Microblogging Platform."
    #expect(try Self.tag(text, names: .off).isEmpty)
    let exact = try Self.tag(text)
    #expect(exact.map(\.id.string) == ["T0151.008"])
    let fuzzy = try Self.tag(text, names: .fuzzy)
    #expect(fuzzy.map(\.id.string) == ["T0049.003", "T0151.008"])
    guard case .fuzzy(let score) = fuzzy[0].method else {
      Issue.record("not a close match: \(fuzzy[0].method)")
      return
    }
    #expect(score >= Tagger.fuzzyThreshold && score < 1)
  }

  @Test func retiredIdentifiersNameTheirReplacementAndUnknownOnesTheNearest() throws {
    let mentions = try Self.tag("Old reports cite T0099 and T0049.004.")
    #expect(mentions.map(\.id.string) == ["T0099", "T0049.004"])
    #expect(
      mentions[0].status == .retired(replacedBy: DisarmID("T0151.008", in: BuiltInFrameworks.standard.identifiers)))
    guard case .unknown(let nearest) = mentions[1].status else {
      Issue.record("T0049.004 is not unknown: \(mentions[1].status)")
      return
    }
    #expect(nearest.first?.string == "T0049.003")
  }

  /// The language server tags without the nearest identifiers and asks for them only for the findings it shows: the
  /// same three, in the same order, as the order of (distance, identifier) over every identifier of the kind.
  @Test func nearestIdentifiersCanBeLeftOutOfTaggingAndAskedForLater() throws {
    let kb = try TemporaryKnowledgeBase.load(Self.pages)
    let text = "Unknown T0049.004 and T0151.009; T0049.003: Bots Amplify via Automated Forwarding and Reposting."
    let report = ReportDocument(inMemory: "report.md", bytes: Array(text.utf8))
    let without = Tagger(kb: kb, nearest: false).mentions(in: report)
    let with = Tagger(kb: kb).mentions(in: report)
    #expect(without.map(\.status) == [.unknown(nearest: []), .unknown(nearest: []), .current])
    for (bare, full) in zip(without, with) {
      guard case .unknown(let nearest) = full.status else { continue }
      #expect(Tagger(kb: kb, nearest: false).nearest(to: bare.id) == nearest)
      let expected = kb.objects(of: .technique).map(\.id)
        .sorted {
          (EditDistance.between($0.string, bare.id.string), $0.string) < (
            EditDistance.between($1.string, bare.id.string), $1.string
          )
        }
      #expect(nearest == Array(expected.prefix(3)), "\(bare.id)")
    }
    // The written name's range is where the name is.
    let named = try #require(with.last?.writtenNameRange)
    #expect(
      String(decoding: report.text.bytes[named], as: UTF8.self) == "Bots Amplify via Automated Forwarding and Reposting"
    )
  }

  /// A large report is tagged in pieces cut at blank lines: the mentions are those of the whole text at once.
  @Test func piecesCutAtBlankLinesGiveTheSameMentionsAsTheWhole() throws {
    let paragraph =
      "Accounts (T0049.003: Bots Amplify via Automated Forwarding and Reposting) used a Microblogging Platform.\n"
      + "Old T0099 and unknown T0049.004 too.\n\n"
    let text = String(repeating: paragraph, count: 400)
    let kb = try TemporaryKnowledgeBase.load(Self.pages)
    let report = ReportDocument(
      path: "r.md", format: .markdown, text: SourceFile(path: "r.md", text: text), origin: .itself)
    let tagger = Tagger(kb: kb)
    let pieces = Tagger.pieces(of: report.text.bytes, size: 1000)
    #expect(pieces.count > 10)
    #expect(pieces.first?.lowerBound == 0 && pieces.last?.upperBound == report.text.bytes.count)
    #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    let whole = tagger.mentions(in: report, range: 0..<report.text.bytes.count)
    let pieced = pieces.flatMap { tagger.mentions(in: report, range: $0) }
    #expect(whole.count == 400 * 4)
    #expect(pieced.map(\.range) == whole.map(\.range) && pieced.map(\.sentence) == whole.map(\.sentence))
  }

  /// Unknown identifiers get their nearest ones once each, for the first ``Tagger/nearestLimit`` distinct ones.
  @Test func nearestIdentifiersAreWorkedOutOncePerUnknownAndBounded() throws {
    let distinct = Tagger.nearestLimit + 200
    let codes = (0..<distinct).map { String(format: "T%04d.%03d", 8000 + $0 / 1000, $0 % 1000) }
    let text = (codes + codes).map { "Cited \($0)." }.joined(separator: " ")
    let kb = try TemporaryKnowledgeBase.load(Self.pages)
    let report = ReportDocument(
      path: "r.md", format: .markdown, text: SourceFile(path: "r.md", text: text), origin: .itself)
    let mentions = Tagger(kb: kb, names: .off).mentions(in: report)
    #expect(mentions.count == 2 * distinct)
    var withNearest = Set<String>()
    for mention in mentions {
      guard case .unknown(let nearest) = mention.status else {
        Issue.record("\(mention.id) is not unknown")
        continue
      }
      if !nearest.isEmpty { withNearest.insert(mention.id.string) }
    }
    #expect(withNearest.count == Tagger.nearestLimit)
  }

  @Test func wordsJoinALineEndHyphenAndStemPlurals() {
    let words = NameIndex.words(in: Array("Micro-\n  blogging Personas, campaigns; mass status analysis stories".utf8))
    #expect(words.map(\.word) == ["microblogging", "persona", "campaign", "mass", "status", "analysis", "story"])
    #expect(words[0].range == 0..<17)
  }

  @Test func theSentenceStopsAtFullStopsAndBlankLinesAndIsBounded() {
    let bytes = Array("First one. Second T0049 here! Third.\n\nNew para T0010 text".utf8)
    let second = Sentences.sentence(around: 18..<23, in: bytes)
    #expect(second == "Second T0049 here!")
    let last = Sentences.sentence(around: 48..<53, in: bytes)
    #expect(last == "New para T0010 text")
    let long = Array((String(repeating: "word ", count: 500) + "T0049 " + String(repeating: "more ", count: 500)).utf8)
    #expect(Sentences.sentence(around: 2500..<2505, in: long).utf8.count <= 2 * Sentences.limit + 5)
  }

  @Test func htmlTextKeepsEachMentionsLineAndColumnInTheFile() throws {
    let html = """
      <html><head><style>p { color: red } T0049</style><script>var a = "T0010";</script></head>
      <body><h1>Report</h1><p>Bots &amp; more: <b>T0049.003</b> was
      used &#8212; see T0151.008.</p><!-- T0010 --></body></html>
      """
    let file = SourceFile(path: "r.html", text: html)
    let (text, runs) = HTMLText.extract(file)
    let report = ReportDocument(
      path: "r.html", format: .html, text: SourceFile(path: "r.html", bytes: text), origin: .runs(runs, file))
    let kb = try TemporaryKnowledgeBase.load(Self.pages)
    let mentions = Tagger(kb: kb, names: .off).mentions(in: report)
    #expect(mentions.map(\.id.string) == ["T0049.003", "T0151.008"])
    #expect(mentions.map(\.place) == [.lineColumn(line: 2, column: 45), .lineColumn(line: 3, column: 18)])
    #expect(mentions[1].sentence == "Bots & more: T0049.003 was used — see T0151.008.")
  }

  @Test func aTextOfManyAmpersandsIsReadInLinearTime() {
    let html = String(repeating: "&a", count: 2_000_000)
    let start = Date()
    let (text, _) = HTMLText.extract(SourceFile(path: "r.html", text: html))
    #expect(text.count == 4_000_000)
    #expect(Date().timeIntervalSince(start) < 20)
  }
}
