import ArgumentParser
import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import Foundation

/// `--kb DIR`, shared by the commands that read a knowledge base.
struct KnowledgeBaseOption: ParsableArguments {
  @Option(help: "The knowledge base (default: $DISARM_KB, else data/ when it exists, else the current folder).")
  var kb: String?

  @OptionGroup var framework: FrameworkOption

  /// Loads the knowledge base, or prints the error and exits 2.
  /// The knowledge base named by `--kb`, `$DISARM_KB`, `data/` or the current folder.
  func load() throws -> KnowledgeBase {
    try Loading.model(KnowledgeBaseLocation.find(explicit: kb), framework: framework.framework)
  }

}
