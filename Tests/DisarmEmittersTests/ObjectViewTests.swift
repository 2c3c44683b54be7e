import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmTestSupport
import Foundation
import Testing

/// `disarm show`'s view over the reference corpora.
@Suite(.enabled(if: Corpus.available, "../shared/corpus is absent: show corpus tests skipped"))
struct ObjectViewTests {
  @Test(arguments: Corpus.names)
  func everyIncidentOnATechniquePageAppearsInShow(corpus: String) throws {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.release(corpus).path)
    var checked = 0
    for technique in kb.objects(of: .technique) where !technique.isStale {
      let shown = ObjectView(technique, in: kb).text(width: 100, style: ANSIStyle(enabled: false))
      for row in technique.page?.table(firstColumn: "Incident")?.rows ?? [] {
        guard let stem = row.links.first?.targetFileStem else { continue }
        #expect(shown.contains("\n  \(stem) "), "\(corpus) \(technique.id) misses \(stem)")
        checked += 1
      }
    }
    #expect(checked > 50)
  }

  @Test func microbloggingPlatformIn2025() throws {
    let kb = try KnowledgeBaseLoader.load(from: Corpus.release("disarm-2025-02-10").path)
    let view = ObjectView(try #require(kb[DisarmID("T0151.008")!]), in: kb)
    let incidents = view.groups.first { $0.key == "incidents" }?.entries.map(\.id.string)
    #expect(incidents == ["I00097", "I00113", "I00120", "I00125", "I00129"])
    #expect(view.groups.first { $0.key == "tactic" }?.entries.first?.id.string == "TA07")
    #expect(view.groups.first { $0.key == "parent" }?.entries.first?.id.string == "T0151")
  }
}

@Suite struct StyledTextTests {
  @Test func markupBecomesStylesAndBreaks() {
    let text = StyledText.markup("a <i>b</i><br><b>c</b> &amp; [d](http://x) &#27;")
    #expect(text.plain == "a b\nc & d ␛")
    #expect(text.runs.contains { $0.text == "b" && $0.italic })
    #expect(text.runs.contains { $0.text == "c" && $0.bold })
  }

  @Test func wrappingCountsWideCharacters() {
    let wrapper = TextWrapper(width: 20, style: ANSIStyle(enabled: false))
    let lines = wrapper.wrap(StyledText.markup("日本語の文章 and some more words here"), indent: "")
    #expect(lines == ["日本語の文章 and", "some more words here"])
  }
}
