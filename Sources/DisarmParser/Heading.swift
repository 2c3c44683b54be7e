import DisarmDiagnostics

/// A page's level-1 heading, `# Technique T0151.008: Microblogging Platform`, split into its parts.
public struct Heading: Hashable, Sendable {
  /// The whole heading line, without its terminator.
  public var line: SourceText
  /// The kind word (`Technique`, `Actor`), if the heading has one.
  public var kindWord: SourceText?
  /// The text between the kind word and the first colon, exactly as written (it may hold stray spaces or be empty).
  public var identifier: SourceText?
  /// The text after the first `: `, exactly as written (trailing spaces kept).
  public var name: SourceText?
}
