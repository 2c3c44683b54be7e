import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport
import Foundation

/// What `disarm build --output OUT` writes: `OUT/disarm.json`, every regenerated page under `OUT/pages/` (same
/// relative paths) and `OUT/generated_files/` (framework grids as CSV, clickable HTML matrices). The whole folder
/// is built next to `OUT` and published in one rename (``StagedFolder``): a reader sees the old output or the new
/// one, never a mixture, and a crash leaves the old one whole.
public enum BuildOutput {
  /// The names `build` owns in its output folder; anything else there stops the build rather than be removed.
  public static let ownedNames: Set<String> = ["disarm.json", "pages", "generated_files"]

  /// Writes the output folder; returns the document's path (as given) and the number of pages written.
  public static func write(_ checked: CheckedKnowledgeBase, to folder: URL, generator: String)
    throws(WriteError) -> (document: String, pages: Int)
  {
    let staged = try StagedFolder.begin(folder, owned: ownedNames)
    let pages = checked.allRenderedPages.map { (path: "pages/" + $0.path, bytes: $0.bytes) }
    do {
      try staged.stream("disarm.json") { file in
        KnowledgeBaseJSON.write(for: checked, generator: generator, chunk: file.write)
      }
      Trace.mark("write disarm.json")
      let extras = WholePageRenderer.extras(checked.kb).map { (path: $0.path, bytes: $0.bytes) }
      try staged.write(pages + extras)
      Trace.mark("write pages")
      try staged.publish()
      Trace.mark("publish")
    } catch {
      staged.discard()
      throw error
    }
    return (folder.appendingPathComponent("disarm.json").relativePath, pages.count)
  }
}
