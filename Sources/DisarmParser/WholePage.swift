import DisarmDiagnostics
import DisarmFramework

/// A page about the whole knowledge base: an index (`techniques_index.md`), a framework matrix
/// (`disarm_red_framework.md`) or a response-type table (`tactics_by_responsetype_table.md`).
///
/// These pages are derived from the object pages, except that some objects appear only here (response types in
/// `responsetype_index.md`, detections in `detections_index.md`).
public struct WholePage: Sendable {
  /// Which whole-knowledge-base page this is, told from its file name (``role(forFileName:)``).
  public enum Role: Hashable, Sendable {
    /// `<kind>_index.md`; `responsetype_index.md` and `detections_index.md` included.
    case index(ObjectKind)
    /// `disarm_red_framework.md` or `disarm_blue_framework.md`.
    case framework(red: Bool)
    /// `<kind>_by_responsetype_table.md`.
    case responseTypeTable(ObjectKind)
  }

  /// The page's source: for excerpts, and so that the regenerated page keeps its line endings.
  public var file: SourceFile
  /// What the page is, and so how the model reads its table.
  public var role: Role
  /// The `# ` title line, if any.
  public var title: SourceText?
  /// The rows of every HTML table on the page, read as one (DISARM's pages have one each).
  public var table: HTMLTable

  /// Relative to the page folder; whole pages sit at its root (`techniques_index.md`).
  public var path: String { file.path }

  /// The role of a root-level file name in `framework` (its kinds' index pages, its matrices, the response-type
  /// tables of its kind folders), or nil for files that are not whole-knowledge-base pages.
  public static func role(forFileName name: String, in framework: FrameworkDescription) -> Role? {
    if let index = framework.matrixPages.firstIndex(of: name), index < 2 { return .framework(red: index == 0) }
    if let kind = framework.kinds.first(where: { $0.index == name }) { return .index(kind.role) }
    if name.hasSuffix("_by_responsetype_table.md") {
      let folder = String(name.dropLast("_by_responsetype_table.md".count))
      return framework.kind(folder: folder).map { .responseTypeTable($0.role) }
    }
    return nil
  }

  /// Reads a whole-knowledge-base page.
  public static func parse(path: String, role: Role, bytes: [UInt8]) -> WholePage {
    let file = SourceFile(path: path, bytes: bytes)
    var title: SourceText?
    for line in 1...file.lineCount {
      let range = file.lineContentRange(line)
      if range.count > 2, bytes[range.lowerBound] == UInt8(ascii: "#") {
        title = file.text(range)
        break
      }
      if !range.isEmpty { break }
    }
    let table = HTMLTableReader.table(in: file, range: 0..<bytes.count)
    return WholePage(file: file, role: role, title: title, table: table)
  }
}
