import DisarmEditing
import DisarmFramework
import DisarmModel
import DisarmRegeneration
import Foundation

/// The final pages of the rows DISARM's generator wrote under an identifier cell that is not a valid identifier
/// (`techniques/T0039 .md`, `incidents/.md`; ``ImportedSpreadsheet/rowsAsWritten(of:)``).
///
/// The knowledge base reads such a page as unassigned: the index, the tactic's table and the matrix list it, but no
/// renderer makes its page, because no object stands behind it. Its page is the generator's page of an object that
/// nothing names, so it is rendered as one: the row's content under a stand-in identifier of the kind, in a small
/// knowledge base holding only that page and the pages its fields name (phases, tactics, a parent technique), and
/// the heading then given back the identifier as written. Nothing can name the written identifier, so the stand-in's
/// derived tables are empty, as the generator's were.
struct RowsAsWrittenPages {
  let pages: ImportedPages
  /// Every seed of the import, for the pages a stand-in's fields name.
  let seeds: [String: [UInt8]]
  /// The empty folder the import reads its knowledge bases over.
  let scratch: URL

  /// Each page written as it was, by path, in its final bytes.
  func render() throws(EditRefusal) -> [String: [UInt8]] {
    let framework = pages.kb.framework
    var contents: [String: NewPageSeed.Content] = [:]
    for kind in ObjectKind.allCases where framework.kind(kind)?.folder != nil {
      for row in pages.spreadsheet.rowsAsWritten(of: kind) {
        guard let (path, content) = pages.asWritten(row, of: kind) else { continue }
        contents[path] = content
      }
    }
    guard !contents.isEmpty else { return [:] }
    // The pages a stand-in's fields can name: every phase and tactic, and a sub-technique's parent.
    let named = Set([ObjectKind.phase, .tactic].compactMap { framework.kind($0)?.folder })
    var rendered: [String: [UInt8]] = [:]
    for (path, content) in contents.sorted(by: { $0.key < $1.key }) {
      guard let folder = framework.kind(content.id.kind)?.folder else { continue }
      let standInPath = "\(folder)/\(content.id).md"
      let parent = content.id.parentTechnique.map { "\(folder)/\($0).md" }
      var overlay = seeds.filter { path, _ in
        guard let slash = path.firstIndex(of: "/") else { return false }
        return path == parent || (named.contains(String(path[..<slash])) && path != standInPath)
      }
      var standIn = content
      standIn.writtenID = nil
      overlay[standInPath] = pages.seed(standIn, path: path)
      let kb: KnowledgeBase
      do {
        kb = try KnowledgeBaseLoader.load(pageFolder: scratch, framework: framework, overlay: overlay)
      } catch {
        throw EditRefusal(error.description)
      }
      let template = pages.template
      guard let page = PageRenderer.render(kb, template: template, only: [standInPath]).pages.first else { continue }
      rendered[path] = Self.heading(of: page.bytes, standIn: content.id.string, written: content.writtenID ?? "")
    }
    return rendered
  }

  /// `bytes` with the heading's identifier `standIn` written back as `written`: `# Technique T0039 : Name`.
  static func heading(of bytes: [UInt8], standIn: String, written: String) -> [UInt8] {
    let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
    let line = String(decoding: bytes[..<end], as: UTF8.self)
    guard let range = line.range(of: " \(standIn):") else { return bytes }
    let fixed = line.replacingCharacters(in: range, with: " \(written):")
    return Array(fixed.utf8) + bytes[end...]
  }
}
