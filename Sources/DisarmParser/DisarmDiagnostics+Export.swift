// Source positions, slices and files are part of every parsed page's public shape, so the parser re-exports the
// diagnostics target: code that reads pages sees `SourceText` and `SourceRange` without a second import.
@_exported import DisarmDiagnostics
