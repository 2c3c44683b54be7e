import ArgumentParser
import DisarmBrowsing
import DisarmDiagnostics
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport
import Foundation

extension Disarm.Export {
  /// `disarm export misp`: MISP galaxies and clusters for techniques, counters, actor types and detections, with the
  /// UUIDs of the MISP project's own DISARM galaxies.
  struct MISP: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "misp",
      abstract: "Export MISP galaxies and clusters (disarm-techniques, -countermeasures, -actortypes, -detections).",
      discussion: """
        Writes OUT/clusters/disarm-TYPE.json and OUT/galaxies/disarm-TYPE.json for each of techniques,
        countermeasures (counters), actortypes and detections that the knowledge base has, in the layout of the MISP
        project's misp-galaxy repository. Value UUIDs are those of MISP's published DISARM galaxies. Stale objects
        are not exported. Exporting the same pages twice gives the same bytes.
        With --events, writes OUT/events.json instead: the incidents as MISP events ({"response": [{"Event": …}]}),
        each tagged with its techniques (misp-galaxy:disarm-techniques="T0002 - Name", and the disarm-techniques
        galaxy's clusters), its summary, technique descriptions and references as attributes; MISP imports it, and
        disarm import reads it back into the same knowledge base without changing a page.
        Exit codes: 0 written; 1 written, but the knowledge base has errors (see disarm lint); 2 usage or I/O failure.
        """)

    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "data"

    @Option(name: .shortAndLong, help: "The folder to write clusters/ and galaxies/ into.", completion: .directory)
    var output: String = "build/misp"

    @Option(help: "The version number of every galaxy and cluster (MISP updates its copy when it grows).")
    var galaxyVersion: Int = 1

    @Option(help: "The URL of the page folder, for each value's meta.refs.")
    var refsBase: String = MISPExport.defaultRefsBase

    @Option(
      help: "An earlier export's folder: a galaxy keeps its version when unchanged and gets the next one when changed.",
      completion: .directory)
    var previous: String?

    func validate() throws {
      if galaxyVersion < 1 { throw ValidationError("--galaxy-version must be 1 or more") }
    }

    @Flag(help: "Write the incidents as MISP events (OUT/events.json) instead of the galaxies.")
    var events = false

    @OptionGroup var frameworkOption: FrameworkOption

    func run() throws {
      let (kb, errors) = try Loading.modelWithErrorCount(directory, framework: frameworkOption.framework)
      if events {
        try ExportFileWriter.write([("events.json", MISPEventExport.bytes(for: kb))], to: output)
        let count = kb.objects(of: .incident).filter { !$0.isStale }.count
        Terminal.status(
          "disarm: wrote \(count) MISP event\(count == 1 ? "" : "s") to "
            + "\(URL(fileURLWithPath: output).appendingPathComponent("events.json").path); "
            + "\(Summary.plural(errors, "error")) in the knowledge base")
        if errors > 0 { throw ExitStatus.findings }
        return
      }
      var before: MISPPreviousExport?
      if let previous {
        do {
          before = try MISPPreviousExport.read(folder: previous, paths: MISPExport.paths(for: kb))
        } catch {
          Terminal.error(error.description)
          throw ExitStatus.failure
        }
      }
      let files = MISPExport.files(
        for: kb, options: MISPExport.Options(version: galaxyVersion, refsBase: refsBase, previous: before))
      try ExportFileWriter.write(files.map { ($0.path, $0.bytes) }, to: output)
      let counts = MISPGalaxy.allCases.compactMap { galaxy -> String? in
        let count = kb.objects(of: galaxy.kind).filter { !$0.isStale }.count
        return count == 0 ? nil : "\(galaxy.rawValue) \(count)"
      }
      let galaxies = files.count / 2
      Terminal.status(
        "disarm: wrote \(galaxies) MISP galax\(galaxies == 1 ? "y" : "ies") (\(counts.joined(separator: ", "))) to "
          + "\(output); \(Summary.plural(errors, "error")) in the knowledge base")
      if let before {
        Terminal.status(
          "disarm: versions since \(previous ?? ""): " + MISPExport.versionSummary(files, previous: before))
      }
      if errors > 0 { throw ExitStatus.findings }
    }
  }
}

/// Writing the files of an export.
enum ExportFileWriter {
  /// Writes each file (path relative to `folder`) atomically, or prints the error and exits 2.
  static func write(_ files: [(path: String, bytes: [UInt8])], to folder: String) throws {
    let base = URL(fileURLWithPath: folder)
    try exitingOnWriteFailure { () throws(WriteError) in
      for file in files { try AtomicFile.write(file.bytes, to: base.appendingPathComponent(file.path)) }
    }
  }
}
