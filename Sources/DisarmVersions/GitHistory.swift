import DisarmExports
import DisarmModel
import DisarmSupport
import Foundation

/// Each page's history in the git repository that holds a knowledge base, read with one `git log` over the page
/// folder: when the page was first committed, when it last changed, and how many commits changed it. `disarm export
/// stix --dates git` gives objects these dates, as ATT&CK's releases do, so that diff tools comparing two exports
/// see which objects changed. Renames are not followed: a page's history starts at its current path.
public enum GitHistory {
  /// The history of every committed page under `folder` (the page folder), by page-folder-relative path.
  public static func pages(in folder: URL) throws(GitRevision.Failure) -> [String: STIXPageHistory] {
    let (top, relative) = try GitRevision.location(
      of: folder, notInGit: "\(folder.path): not in a git repository, so page dates cannot be read")
    // Committer dates in UTC, written as STIX timestamps; a record separator before each commit.
    let log = try GitRevision.git(
      [
        "-C", top, "log", "--format=%x1e%cd", "--date=format-local:%Y-%m-%dT%H:%M:%S.000Z", "--name-only",
        "--no-renames", "--", relative.isEmpty ? "." : relative,
      ], environment: ["TZ": "UTC"], failure: { "git log: \($0)" })
    let prefix = relative.isEmpty ? "" : relative + "/"
    var history: [String: STIXPageHistory] = [:]
    // Newest commit first: the first date seen is the last change, the last one seen the creation.
    for record in log.split(separator: "\u{1e}") {
      let lines = record.split(separator: "\n")
      guard let date = lines.first.map(String.init) else { continue }
      for line in lines.dropFirst() where line.hasPrefix(prefix) && line.hasSuffix(".md") {
        let path = String(line.dropFirst(prefix.count))
        if var known = history[path] {
          known.created = date
          known.changes += 1
          history[path] = known
        } else {
          history[path] = STIXPageHistory(created: date, modified: date, changes: 1)
        }
      }
    }
    return history
  }
}
