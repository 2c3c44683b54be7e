import DisarmDiagnostics
import DisarmFramework

/// Identifiers mentioned in free prose that is not a page (a report being tagged), read exactly as in page text
/// (``InlineReference``): technique, tactic, task, incident, counter and detection codes anywhere, the other kinds'
/// shorter codes only when followed by `: Name`.
public enum ProseReferences {
  /// Every reference in `file` (or in `range` of it), in order.
  public static func references(in file: SourceFile, range: Range<Int>? = nil, syntax: IdentifierSyntax)
    -> [InlineReference]
  {
    InlineReferenceScanner.references(in: file, range: range ?? 0..<file.bytes.count, syntax: syntax)
  }
}
