import DisarmDiagnostics
import DisarmFramework
import DisarmModel
import DisarmParser

/// Renders the incident index of a framework whose pages carry their identifier as a field (AMITT 2019's
/// `incidents.md`): `# AMITT Incidents:` and an HTML table with the columns `id`, `name`, `type`, `Year Started`,
/// `From country`, `To country`, `Found via`, each cell the incident page's own field value, exactly as written
/// (`2016.0`, `nan`). The page's `From country / To country` field is split at its first ` / `.
public enum FieldedIndexRenderer {
  /// The columns after `id`, with the page field each comes from.
  static let columns: [(header: String, field: String)] = [
    ("name", "name"), ("type", "type"), ("Year Started", "year started"), ("From country", ""), ("To country", ""),
    ("Found via", "found via"),
  ]

  /// The index page of `kind` (only incidents have one in AMITT 2019).
  public static func render(_ kind: ObjectKind, in kb: KnowledgeBase) -> RenderedPage {
    let folder = kb.words(kind).folder ?? kind.folder
    var html = "# \(kb.framework.brand) \(kb.words(kind).pluralTitle):\n\n<table border=\"1\">\n<tr>\n<th>id</th>\n"
    for column in columns { html += "<th>\(column.header)</th>\n" }
    html += "</tr>\n"
    for entry in kb.listing(of: kind) {
      let row = ListedRow(entry, indexRows: [:])
      let countries = row.field("from country / to country")
      let split = countries.firstRange(ofLiteral: " / ")
      html += "<tr>\n<td><a href=\"\(folder)/\(row.idText).md\">\(row.idText)</a></td>\n"
      for column in columns {
        let value: String
        switch column.header {
        case "name": value = row.page == nil ? row.name : row.field("name")
        case "From country": value = split.map { String(countries[..<$0.lowerBound]) } ?? countries
        case "To country": value = split.map { String(countries[$0.upperBound...]) } ?? ""
        default: value = row.field(column.field)
        }
        html += "<td>\(value)</td>\n"
      }
      html += "</tr>\n"
    }
    html += "</table>\n"
    return RenderedPage(path: IndexPageRenderer.path(of: kind, in: kb), bytes: Array(html.utf8))
  }
}
