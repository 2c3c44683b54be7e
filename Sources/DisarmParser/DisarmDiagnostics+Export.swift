// Source positions, slices and files are part of every parsed page's public shape, and every reader of pages needs
// the framework's vocabulary: the parser re-exports both targets, so code that reads pages sees `SourceText`,
// `SourceRange` and `FrameworkDescription` without more imports.
@_exported import DisarmDiagnostics
@_exported import DisarmFramework
