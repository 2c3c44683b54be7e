import DisarmModel
import DisarmTestSupport
import Foundation
import Testing

@testable import DisarmSite

/// The site's rules for input it places in HTML: the inline tags DISARM authors write, addresses, kind folders from a
/// framework description, and the Content-Security-Policy on every page.
@Suite struct SiteEscapingTests {
  @Test(arguments: [
    (
      "T0001 used <i>fake</i> accounts.<br><br>See <b>this</b>.",
      "T0001 used <i>fake</i> accounts.<br><br>See <b>this</b>."
    ),
    ("a<br/>b<br />c</br>d<BR>e", "a<br>b<br>c<br>d<br>e"),
    (
      "<EM>x</EM> <strong>y</strong> <code>z</code> H<sub>2</sub>O x<sup>2</sup> <u>u</u> <s>s</s>",
      "<em>x</em> <strong>y</strong> <code>z</code> H<sub>2</sub>O x<sup>2</sup> <u>u</u> <s>s</s>"
    ),
    ("plain text & more", "plain text &amp; more"),
  ])
  func allowedInlineTagsAreRendered(input: String, expected: String) {
    #expect(InlineHTML.render(input) == expected)
  }

  @Test(arguments: [
    ("<i onclick=alert(1)>x</i>", "&lt;i onclick=alert(1)&gt;x"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("<a href=\"javascript:alert(1)\">x</a>", "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"),
    ("<!-- c --> <b", "&lt;!-- c --&gt; &lt;b"),
    // Unbalanced: a stray closer is dropped, an open tag is closed at the end, a closer closes what was opened
    // after its tag.
    ("x</b> y", "x y"),
    ("<b>bold", "<b>bold</b>"),
    ("<b><i>both</b> after", "<b><i>both</i></b> after"),
  ])
  func everythingElseIsEscapedAndTagsAreBalanced(input: String, expected: String) {
    #expect(InlineHTML.render(input) == expected)
  }

  @Test func searchTextLosesTheTagsButKeepsTheRest() {
    #expect(InlineHTML.plainText("<i>fake</i> accounts<br>and <script>") == "fake accounts and <script>")
  }

  @Test func addressesAreSchemeChecked() {
    for allowed in [
      "https://github.com/x/y", "http://example.org/a?b=1&c=2", "mailto:a@b.org", "../techniques/T1.html",
    ] {
      #expect(SiteURL.checked(allowed) != nil, "\(allowed)")
    }
    #expect(SiteURL.checked("http://e.org/?a=1&b=\"") == "http://e.org/?a=1&amp;b=&quot;")
    for refused in [
      "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>", "vbscript:x", "file:///etc/passwd",
      "java\tscript:alert(1)", " javascript:alert(1)", "//evil.example/", "/\\evil.example", "http://a\u{0}b", "",
    ] {
      #expect(SiteURL.checked(refused) == nil, "\(refused)")
    }
    let cmark = "<p><a href=\"data:image/png;base64,AAAA\">x</a> <img src=\"https://e.org/i.png\" alt=\"\" /></p>"
    #expect(
      SiteURL.checkingAttributes(in: cmark)
        == "<p><a href=\"\">x</a> <img src=\"https://e.org/i.png\" alt=\"\" /></p>")
  }

  @Test func unsafeFolderNamesAreRefused() {
    for safe in ["techniques", "moves", "actor_types", "kinds-2", "v1.0"] { #expect(SiteURL.isSafeSegment(safe)) }
    for unsafe in ["javascript:alert(1)", "q\"><img src=x>", "..", ".hidden", "a/b", "a b", "", "tëchniques"] {
      #expect(!SiteURL.isSafeSegment(unsafe), "\(unsafe)")
    }
  }

  /// A technique's incidents table shows the inline tags rendered; every page carries the policy and no inline
  /// script, handler or style.
  @Test func pagesCarryThePolicyAndRenderTheIncidentTags() throws {
    let folder = try TemporaryKnowledgeBase(
      [
        "phases/P01.md": SamplePages.phase("P01", "Plan"),
        "tactics/TA01.md": SamplePages.tactic("TA01", "Plan", summary: "Plan."),
        "techniques/T0001.md": SamplePages.technique("T0001", "Choose", tactic: "TA01", summary: "Choose."),
        "incidents/I00001.md": SamplePages.incident(
          "I00001", "Incident",
          rows: [("T0001", "Choose", "Used <i>fake</i> accounts.<br><br>Then <b onclick=x>more</b>")]),
      ], prefix: "disarm-site")
    defer { folder.remove() }
    let kb = try KnowledgeBaseLoader.load(from: folder.url.path)
    let files = SiteBuilder.files(for: kb)
    for file in files where file.path.hasSuffix(".html") {
      let text = String(decoding: file.bytes, as: UTF8.self)
      #expect(text.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(ContentSecurityPolicy.meta)\">"))
      #expect(!text.contains("<script>"), "\(file.path)")
      let attribute = text.range(of: "<[a-zA-Z][^<>]*\\s(on[a-z]+|style)=", options: .regularExpression)
      #expect(attribute == nil, "\(file.path): \(attribute.map { text[$0] } ?? "")")
    }
    let page = try #require(files.first { $0.path == "techniques/T0001.html" }).bytes
    let html = String(decoding: page, as: UTF8.self)
    #expect(html.contains("Used <i>fake</i> accounts.<br><br>Then &lt;b onclick=x&gt;more"), "\(html)")
  }
}
