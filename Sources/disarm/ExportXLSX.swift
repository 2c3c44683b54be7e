import ArgumentParser
import DisarmDiagnostics
import DisarmImport
import DisarmLint
import DisarmRegeneration
import DisarmSupport
import DisarmWorkbook
import Foundation

extension Disarm.Export {
  /// `disarm export xlsx`: the knowledge base as the framework's master spreadsheet.
  struct XLSX: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "xlsx",
      abstract: "Export the knowledge base as a master spreadsheet (.xlsx), the reverse of disarm import.",
      discussion: """
        Writes one workbook with the sheets and columns of the framework's description (for DISARM: phases, \
        tactics, techniques, tasks, countermeasures, actortypes, metatechniques, responsetypes, detections, and the \
        data sheets incidents, incidenttechniques, associatedtechniques and urls), every cell as text. Importing it \
        (disarm import OUT --into DIR) gives back the same pages. Exporting the same pages twice gives the same \
        bytes. Exit codes: 0 written; 1 written, but the knowledge base has errors (see disarm lint); 2 usage or I/O \
        failure.
        """)

    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "data"

    @Option(name: .shortAndLong, help: "The workbook to write.", completion: .file(extensions: ["xlsx"]))
    var output: String = "build/DISARM_FRAMEWORKS_MASTER.xlsx"

    @OptionGroup var frameworkOption: FrameworkOption

    func run() throws {
      let (kb, errors) = try Loading.modelWithErrorCount(directory, framework: frameworkOption.framework)
      guard !kb.framework.workbook.isEmpty else {
        Terminal.error("the \(kb.framework.name) framework describes no spreadsheet (no 'workbook:' section)")
        throw ExitStatus.failure
      }
      let sheets = WorkbookExport.sheets(kb)
      let bytes: [UInt8]
      do {
        bytes = try WorkbookWriter.bytes(sheets)
      } catch {
        Terminal.error(error.description)
        throw ExitStatus.failure
      }
      // AtomicFile creates the folder when it is missing.
      try exitingOnWriteFailure { () throws(WriteError) in try AtomicFile.write(bytes, to: URL(fileURLWithPath: output))
      }
      let rows = sheets.reduce(0) { $0 + $1.rows.count - 1 }
      Terminal.status(
        "disarm: wrote \(output) (\(Summary.plural(sheets.count, "sheet")), \(Summary.plural(rows, "row"))); "
          + "\(Summary.plural(errors, "error")) in the knowledge base")
      if errors > 0 { throw ExitStatus.findings }
    }
  }
}
