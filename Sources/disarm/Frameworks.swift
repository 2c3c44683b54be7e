import ArgumentParser
import DisarmBrowsing
import DisarmFramework
import DisarmModel
import Foundation

extension Disarm {
  /// `disarm frameworks [FOLDER]`: the built-in framework descriptions, or which one fits a page tree and why.
  struct Frameworks: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "frameworks",
      abstract: "List the built-in framework descriptions, or say which one fits a knowledge base and why.",
      discussion: """
        Without FOLDER, lists the descriptions that ship with disarm (frameworks/*.yml in the repository). With \
        FOLDER, scores each against its page tree (folders, a few pages' headings, marker files) and prints what \
        fitted and what was expected. Exit codes: 0 listed, or the folder fits a description; 2 it fits none, or \
        usage or I/O failure.
        """)

    @Argument(help: "A knowledge base to match against the descriptions.", completion: .directory)
    var folder: String?

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
      let style = colorOptions.style()
      guard let folder else {
        Terminal.output(FrameworkReport.listing(BuiltInFrameworks.all, style: style), terminator: "")
        return
      }
      let pageFolder = try exitingOnLoadFailure { () throws(LoadError) in try PageFolder.resolve(folder) }
      let matches = FrameworkDetection.matches(pageFolder: pageFolder.path)
      Terminal.output(FrameworkReport.detection(matches, path: folder, style: style), terminator: "")
      if !matches.contains(where: \.fits) { throw ExitStatus.failure }
    }
  }
}
