import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// What a long-running checker (the language server) keeps from one check of a knowledge base to the next, so that
/// a re-check after an edit does again only the work the edit reaches: the findings of the ``PageRule``s and the
/// page-by-page indexes of ``LintContext``, each kept with the page object it was computed from.
///
/// The loader's ``PageCache`` hands back the very same page object for a file that did not change, so a cached
/// result is used only for that same object (compared by identity; the cache holds the page, so its identity is
/// not reused). Results that also depend on which objects exist (a link's target) are kept only while the
/// knowledge base has the same identifiers.
public final class LintCache: @unchecked Sendable {
  public init() {}

  /// The identifiers of the knowledge base at the last check, in order.
  var objectIDs: [DisarmID] = []
  /// The bytes of its whole pages at the last check, in order.
  var wholePageBytes: [[UInt8]] = []

  /// The page rules' findings, by page path.
  var pageFindings: [String: PageFindings] = [:]
  struct PageFindings {
    var page: ObjectPage
    var id: DisarmID?
    var findings: [Diagnostic]
  }

  /// The first NUL byte and the first invalid UTF-8 sequence of each file, by path, with the bytes they were found
  /// in (an unchanged file is the same array: comparing costs nothing).
  var encoding: [String: (bytes: [UInt8], nul: Int?, invalidUTF8: Int?)] = [:]

  /// Each page's resolved links, valid while the page and the identifiers are those of the last check.
  var pageLinks: [String: PageEntry<[PageLink]>] = [:]

  /// Each page's prose references (codes not read as relations), valid while the page, the identifiers and the
  /// whole pages are those of the last check.
  var proseReferences: [String: PageEntry<[(file: String, reference: ResolvedReference)]>] = [:]

  /// What was computed from one page object.
  struct PageEntry<Value> {
    var page: ObjectPage
    var value: Value
  }
}
