import DisarmDiagnostics
import DisarmLint
import DisarmModel
import DisarmRegeneration
import Foundation

/// What `disarm build --output OUT` writes: `OUT/disarm.json`, every regenerated page under `OUT/pages/` (same
/// relative paths) and `OUT/generated_files/` (framework grids as CSV, clickable HTML matrices).
public enum BuildOutput {
  /// Writes the output folder; returns the document's path (as given) and the number of pages written.
  public static func write(_ checked: CheckedKnowledgeBase, to folder: URL, generator: String)
    throws(WriteError) -> (document: String, pages: Int)
  {
    let target = folder.appendingPathComponent("disarm.json")
    try AtomicFile.stream(toPath: target.path, durable: false) { file in
      KnowledgeBaseJSON.write(for: checked, generator: generator, chunk: file.write)
    }
    Trace.mark("write disarm.json")
    let pagesFolder = folder.appendingPathComponent("pages").path
    for page in checked.rendered.pages {
      try AtomicFile.write(page.bytes, toPath: try SafePath.resolvePath(page.path, in: pagesFolder), durable: false)
    }
    Trace.mark("write pages")
    for extra in WholePageRenderer.extras(checked.kb) {
      try AtomicFile.write(extra.bytes, to: try SafePath.resolve(extra.path, in: folder), durable: false)
    }
    return (target.relativePath, checked.rendered.pages.count)
  }
}
