import ArgumentParser
import DisarmModel
import Foundation

/// `--kb DIR`, shared by the commands that read a knowledge base.
struct KnowledgeBaseOption: ParsableArguments {
  @Option(help: "The knowledge base (default: $DISARM_KB, else data/ when it exists, else the current folder).")
  var kb: String?

  /// Loads the knowledge base, or prints the error and exits 2.
  func load() throws -> KnowledgeBase {
    do {
      // show, list and search print no diagnostics, so the cross-page checks are skipped.
      let loaded = try KnowledgeBaseLoader.load(from: KnowledgeBaseLocation.find(explicit: kb), checks: false)
      KeepAlive.keep(loaded)
      return loaded
    } catch {
      Terminal.error(error.description)
      throw ExitStatus.failure
    }
  }
}
