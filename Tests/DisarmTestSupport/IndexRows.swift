/// Edits of the rows of an index page (`techniques_index.md`), for tests that remove an object: the index owns which
/// objects a knowledge base has, so removing an object is removing its row (and its page).
public enum IndexRows {
  /// `index` without the `<tr>…</tr>` row whose first cell links to `<folder>/<id>.md`.
  public static func removing(_ id: String, folder: String, from index: String) -> String {
    let start = "<tr>\n<td><a href=\"\(folder)/\(id).md\">"
    guard let row = index.range(of: start), let end = index[row.upperBound...].range(of: "</tr>\n") else {
      return index
    }
    return String(index[..<row.lowerBound] + index[end.upperBound...])
  }
}
