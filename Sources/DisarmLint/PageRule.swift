import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// A rule whose findings on a page depend on that page alone (its text, its identifier and the framework's words),
/// never on another page. ``Linter`` checks such rules page by page, and a long-running checker (the language
/// server, through a ``LintCache``) checks again only the pages that changed: on a large knowledge base most of a
/// re-check's rules are of this kind.
///
/// A rule that reads anything else (another object, a relation, the set of identifiers) is not a page rule.
public protocol PageRule: Rule {
  /// The findings on `page`, read as the page of `object` (nil for a page no object was assigned: a file name that
  /// is not an identifier, a duplicate).
  static func check(page: ObjectPage, of object: DisarmObject?, in context: LintContext) -> [Diagnostic]
}

extension PageRule {
  public static func check(_ context: LintContext) -> [Diagnostic] {
    context.pageSubjects.flatMap { check(page: $0.page, of: $0.object, in: context) }
  }
}

extension Rule {
  /// A rule that does not declare itself a ``PageRule`` is not one.
  public static var asPageRule: (any PageRule.Type)? { nil }
}

extension PageRule {
  /// A page rule is one (this more specific default is the one its conformance takes).
  public static var asPageRule: (any PageRule.Type)? { self }
}
