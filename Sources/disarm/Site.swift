import ArgumentParser
import DisarmDiagnostics
import DisarmModel
import DisarmRegeneration
import DisarmSite
import DisarmSupport
import DisarmVersions
import Foundation

extension Disarm {
  /// `disarm site [DIR] --output SITE`: the knowledge base as a static website.
  struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "site",
      abstract: "Write the knowledge base as a static website: matrix, a page per object, lists, search.",
      discussion: """
        The site is self-contained (no CDN, fonts or scripts from elsewhere), uses relative links (it works from \
        any folder, any static host and from file://), and is deterministic (the same pages give the same bytes). \
        With --compare OLD (a folder or a git revision, as in `disarm diff`), a changelog page and badges on new and \
        changed objects. It is built next to SITE and published in one rename. Exit codes: 0 written; 2 usage or I/O \
        failure (an unknown revision, a SITE folder holding other files).
        """)

    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "data"

    @Option(name: .shortAndLong, help: "The site folder to write.", completion: .directory)
    var output: String = "site"

    @Option(help: "The site's title (default: the framework's title).")
    var title: String?

    @Option(help: "Where the site will be published (canonical links), e.g. https://example.org/disarm.")
    var baseURL: String?

    @Option(help: "Where the pages can be read, e.g. https://github.com/OWNER/REPO/blob/main/generated_pages.")
    var sourceURL: String?

    @Option(help: "An older version to compare with: a folder or a git revision.")
    var compare: String?

    @Flag(help: "After writing, serve the site on 127.0.0.1 and rebuild it when a page changes.")
    var serve = false

    @Option(help: "The port for --serve.")
    var port: UInt16 = 8000

    @OptionGroup var frameworkOption: FrameworkOption

    func run() throws {
      try build()
      guard serve else { return }
      let folder = try exitingOnLoadFailure { () throws(LoadError) in try PageFolder.resolve(directory) }
      // The server is its own executable beside this one (see Package.swift); it runs this command again, without
      // --serve, to rebuild.
      let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      let server = own.deletingLastPathComponent().appendingPathComponent("disarm-serve")
      guard FileManager.default.isExecutableFile(atPath: server.path) else {
        Terminal.error(
          "\(server.path) is missing: the preview server is built from source (swift build --product disarm-serve) "
            + "and installed beside disarm; the site itself is written to \(output): serve it with any static file "
            + "server, for example python3 -m http.server -d \(output)")
        throw ExitStatus.failure
      }
      var rebuild = [own.path, "site", directory, "--output", output]
      if let title { rebuild += ["--title", title] }
      if let baseURL { rebuild += ["--base-url", baseURL] }
      if let sourceURL { rebuild += ["--source-url", sourceURL] }
      if let compare { rebuild += ["--compare", compare] }
      if let framework = frameworkOption.framework { rebuild += ["--framework", framework] }
      // The server takes this process's place (exec), so that stopping `disarm site --serve` stops the server.
      let argv = [server.path, "--site", output, "--port", "\(port)", "--watch", folder.path, "--"] + rebuild
      var cArguments = argv.map { strdup($0) } + [nil]
      execv(server.path, &cArguments)
      Terminal.error("cannot start \(server.path): \(String(cString: strerror(errno)))")
      throw ExitStatus.failure
    }

    /// Loads the knowledge base and writes the site once.
    func build() throws {
      let kb = try Loading.model(directory, framework: frameworkOption.framework)
      var comparison: VersionDiff?
      if let compare {
        do {
          let old = try VersionSource.load(compare, revisionOf: directory, framework: frameworkOption.framework)
          comparison = VersionDiff(old: old, new: kb, oldLabel: compare, newLabel: directory)
        } catch {
          Terminal.error(error.description)
          throw ExitStatus.failure
        }
      }
      let trim = { (url: String?) in url.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } }
      let options = SiteOptions(
        title: title, baseURL: trim(baseURL), sourceURL: trim(sourceURL), comparison: comparison)
      let files = SiteBuilder.files(for: kb, options: options)
      Trace.mark("render site")
      try exitingOnWriteFailure { () throws(WriteError) in
        try SiteBuilder.write(files, to: URL(fileURLWithPath: output))
      }
      Trace.mark("write site")
      let bytes = files.reduce(0) { $0 + $1.bytes.count }
      Terminal.status(
        "disarm: site of \(files.filter { $0.path.hasSuffix(".html") }.count) pages "
          + String(format: "(%.1f MiB)", Double(bytes) / 1_048_576) + "; wrote \(output)")
    }
  }
}
