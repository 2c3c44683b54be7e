import DisarmDiagnostics
import DisarmFramework
import DisarmParser
import DisarmSupport
import Dispatch
import Foundation

/// Reads a page folder from disk, parses every page on all cores, and links the result.
public enum KnowledgeBaseLoader {
  /// A page file found in the folder, before it is read.
  struct PageFile {
    enum Role {
      case object(ObjectKind)
      case whole(WholePage.Role)
      /// A page of an older copy of a kind's folder, or another page at the root that is not a whole page: read and
      /// kept as it is.
      case kept
      /// An upstream index page the local tree has its own copy of: read only for which objects it lists.
      case upstreamIndex(WholePage.Role)
      /// An upstream object page the local tree has a page of its own at the same path: not read; the local page
      /// is the union's (and an error, `upstream-collision`).
      case shadowed
    }
    var relativePath: String
    /// The file's path on disk, kept as a string: converting a `URL` back to a path for every page cost more than
    /// reading it.
    var path: String
    var role: Role
  }

  /// Loads the knowledge base at `path` (the page folder, or a folder containing `generated_pages/`) with the
  /// framework description `framework` names (a built-in name or a description file), else the one `.disarm.yml`
  /// names, else the built-in description that fits the tree (``FrameworkChoice``).
  ///
  /// `overlay` holds pages that are read from memory instead of the disk, by page-folder-relative path: a page not
  /// yet written (`disarm new` checks the knowledge base with its new page before writing anything), or an editor's
  /// unsaved text. A path in a kind folder, or a whole page's name at the root, that is not on disk is added.
  ///
  /// A knowledge base whose `.disarm.yml` `extends:` an upstream one is read together with it (``Upstream``);
  /// `upstream` may give another release instead (`disarm upstream update` checks the pages against the new one) or
  /// none.
  public static func load(
    from path: String, framework: String? = nil, overlay: [String: [UInt8]] = [:],
    upstream: UpstreamChoice = .configured
  ) throws(LoadError) -> KnowledgeBase {
    let folder = try PageFolder.resolve(path)
    let release = try upstream.release(for: folder)
    defer { if case .configured = upstream { release?.remove() } }
    let framework = try FrameworkChoice.choose(pageFolder: folder, path: path, explicit: framework, upstream: release)
    return try load(
      pageFolder: folder, framework: framework, overlay: overlay, upstream: release.map { .given($0) } ?? .none)
  }

  /// Which upstream knowledge base a load reads beside the local pages.
  public enum UpstreamChoice: Sendable {
    /// The one `.disarm.yml` names (`extends:`), if any.
    case configured
    /// This release (already found on disk; the caller removes a temporary checkout).
    case given(UpstreamRelease)
    /// None: the local pages alone.
    case none

    func release(for folder: URL) throws(LoadError) -> UpstreamRelease? {
      switch self {
      case .configured: try UpstreamRelease.configured(for: folder)
      case .given(let release): release
      case .none: nil
      }
    }
  }

  /// Loads the pages of `folder` (a page folder, as ``PageFolder/resolve(_:)`` gives it) with the description
  /// `framework`, and the pages of `overlay` from memory: `disarm import` reads a tree that exists only in memory.
  ///
  /// With a `cache` (the language server's), a file whose size and modification time are those of its last reading
  /// is not read or parsed again: only the pages that changed are. With `diskUnchanged` as well, the folder is not
  /// listed again and no file is looked at: only the `overlay` pages are parsed (the language server after an edit
  /// in the editor, which changes nothing on disk).
  public static func load(
    pageFolder folder: URL, framework: FrameworkDescription, overlay: [String: [UInt8]], cache: PageCache? = nil,
    diskUnchanged: Bool = false, upstream: UpstreamChoice = .configured
  ) throws(LoadError) -> KnowledgeBase {
    var skipped: [SkippedFile] = []
    Trace.mark("start")
    let trustCache = diskUnchanged && cache?.listing != nil
    var files: [PageFile]
    var upstreamListing: UpstreamListing?
    // Kept until the pages are read: a git revision's checkout is removed when this load is done with it.
    let release = trustCache ? nil : try upstream.release(for: folder)
    defer { if case .configured = upstream { release?.remove() } }
    if trustCache, let listing = cache?.listing {
      files = listing.files
      skipped = listing.skipped
      upstreamListing = listing.upstream
    } else {
      files = try listPages(in: folder, framework: framework, skipped: &skipped)
      if let release {
        let listed = try UpstreamListing.list(
          release, localPaths: Set(files.map(\.relativePath)).union(overlay.keys), framework: framework)
        upstreamListing = listed.listing
        files = (files + listed.files).sorted { $0.relativePath < $1.relativePath }
      }
      cache?.listing = (files, skipped, upstreamListing)
    }
    let listed = Set(files.map(\.relativePath))
    // Joined as strings: a `URL` per page (`disarm import` reads 780 from memory) cost more than the listing.
    let base = folder.path
    for relative in overlay.keys.sorted() where !listed.contains(relative) {
      let parts = relative.split(separator: "/")
      let path = base.hasSuffix("/") ? base + relative : base + "/" + relative
      if parts.count == 1, let role = WholePage.role(forFileName: relative, in: framework) {
        // A whole page written from memory: `disarm import` gives the indexes that list a release's objects.
        files.append(PageFile(relativePath: relative, path: path, role: .whole(role)))
      }
      guard parts.count == 2, let kind = framework.kind(folder: String(parts[0]))?.role else { continue }
      files.append(PageFile(relativePath: relative, path: path, role: .object(kind)))
    }
    Trace.mark("list \(files.count) files")

    let read: [(parsed: ParsedFile, fresh: Bool)] = {
      // Released before the cache is updated below, which then changes its table in place instead of copying it.
      let cached = cache?.entries ?? [:]
      return ParallelMap.map(files) { file in
        if overlay[file.relativePath] == nil, let entry = cached[file.relativePath],
          trustCache || entry.stamp == PageCache.Stamp(path: file.path)
        {
          return (entry.parsed, false)
        }
        return (parse(file, overlay: overlay, framework: framework), true)
      }
    }()
    if let cache {
      // After a change on disk the table is made anew from this reading. When the disk is as it was, the cached
      // files stand and only files read from disk for the first time are added (a page closed in the editor); open
      // pages' files keep their entries, ready for when they are closed.
      if !trustCache { cache.entries = [:] }
      for (file, result) in zip(files, read) where (result.fresh || !trustCache) && overlay[file.relativePath] == nil {
        if case .failed = result.parsed { continue }
        if let stamp = PageCache.Stamp(path: file.path) {
          cache.entries[file.relativePath] = .init(stamp: stamp, parsed: result.parsed)
        }
      }
    }
    let results = read.map(\.parsed)
    Trace.mark("read and parse")
    var pages: [ObjectPage] = []
    var wholePages: [WholePage] = []
    var kept: [SourceFile] = []
    var upstreamIndexes: [WholePage] = []
    for result in results {
      switch result {
      case .object(let page): pages.append(page)
      case .whole(let page): wholePages.append(page)
      case .failed(let file): skipped.append(file)
      case .kept(let file): kept.append(file)
      case .upstreamIndex(let page): upstreamIndexes.append(page)
      case .shadowed: break
      }
    }
    let linkedUpstream = upstreamListing.map {
      Linker.UpstreamPages(paths: Set($0.files.keys), indexes: upstreamIndexes)
    }
    var kb = Linker.link(
      pages: pages, wholePages: wholePages, skippedFiles: skipped, framework: framework, cache: cache,
      upstream: linkedUpstream)
    kb.keptFiles = kept
    kb.register =
      skipped.contains { $0.path == RetiredRegister.fileName }
      ? RetiredRegister() : try readRegister(in: folder, syntax: framework.identifiers)
    if let upstreamListing {
      kb.register = kb.register.inheriting(upstreamListing.register)
      kb.upstream = upstreamListing.upstream(of: kb, indexes: upstreamIndexes)
    }
    Trace.mark("link")
    return kb
  }

  /// A page file read (from `overlay` if it is there, else from disk) and parsed as its role says.
  static func parse(_ file: PageFile, overlay: [String: [UInt8]], framework: FrameworkDescription) -> ParsedFile {
    if case .shadowed = file.role { return .shadowed }
    let bytes: [UInt8]
    do {
      bytes = try overlay[file.relativePath] ?? readBytes(atPath: file.path)
    } catch {
      return .failed(SkippedFile(path: file.relativePath, reason: .unreadablePage(error.reason)))
    }
    switch file.role {
    case .object(let kind):
      return .object(PageParser.parse(path: file.relativePath, kind: kind, bytes: bytes, framework: framework))
    case .whole(let role): return .whole(WholePage.parse(path: file.relativePath, role: role, bytes: bytes))
    case .kept: return .kept(SourceFile(path: file.relativePath, bytes: bytes))
    case .upstreamIndex(let role):
      return .upstreamIndex(WholePage.parse(path: file.relativePath, role: role, bytes: bytes))
    case .shadowed: return .shadowed
    }
  }

  enum ParsedFile: Sendable {
    case object(ObjectPage)
    case whole(WholePage)
    case failed(SkippedFile)
    case kept(SourceFile)
    case upstreamIndex(WholePage)
    case shadowed
  }

  /// The pages of every kind folder and the whole-knowledge-base pages at the root, sorted by path.
  static func listPages(
    in folder: URL, framework: FrameworkDescription, skipped: inout [SkippedFile]
  ) throws(LoadError) -> [PageFile] {
    let rootEntries: [(name: String, isLink: Bool)]
    do {
      rootEntries = try directoryEntries(folder.path)
    } catch {
      throw .unreadable(folder.path, error.reason)
    }
    var files: [PageFile] = []
    let olderFolders = Set(framework.kinds.flatMap(\.olderFolders) + framework.keptFolders)
    for (name, isLink) in rootEntries.sorted(by: { $0.name < $1.name }) {
      let url = folder.appendingPathComponent(name)
      // A link is followed only when it stays inside the tree: anything else is reported, never read.
      if isLink, !TreeBoundary.contains(root: folder.path, url.path) {
        if framework.kind(folder: name) != nil || olderFolders.contains(name) || name.hasSuffix(".md")
          || name == RetiredRegister.fileName
        {
          skipped.append(SkippedFile(path: name, reason: .outsideTree))
        }
        continue
      }
      if let kind = framework.kind(folder: name)?.role {
        // The folder's path once, not per page: a URL makes its path anew each time it is asked.
        let folderPath = url.path
        let entries: [(name: String, isLink: Bool)]
        do {
          entries = try directoryEntries(folderPath)
        } catch {
          skipped.append(SkippedFile(path: name, reason: .unlistableFolder(error.reason)))
          continue
        }
        for (entry, isLink) in entries.sorted(by: { $0.name < $1.name })
        where !entry.hasPrefix(".") || entry.hasSuffix(".md") {
          let relative = "\(name)/\(entry)"
          if isLink, !TreeBoundary.contains(root: folder.path, folderPath + "/" + entry) {
            skipped.append(SkippedFile(path: relative, reason: .outsideTree))
            continue
          }
          guard entry.hasSuffix(".md") else {
            skipped.append(SkippedFile(path: relative, reason: .notMarkdown))
            continue
          }
          files.append(PageFile(relativePath: relative, path: folderPath + "/" + entry, role: .object(kind)))
        }
      } else if let role = WholePage.role(forFileName: name, in: framework) {
        files.append(PageFile(relativePath: name, path: url.path, role: .whole(role)))
      } else if olderFolders.contains(name) {
        let entries = (try? directoryEntries(url.path)) ?? []
        for (entry, isLink) in entries.sorted(by: { $0.name < $1.name }) where entry.hasSuffix(".md") {
          if isLink, !TreeBoundary.contains(root: folder.path, url.path + "/" + entry) {
            skipped.append(SkippedFile(path: "\(name)/\(entry)", reason: .outsideTree))
            continue
          }
          files.append(PageFile(relativePath: "\(name)/\(entry)", path: url.path + "/" + entry, role: .kept))
        }
      } else if name.hasSuffix(".md"), !name.hasPrefix(".") {
        // Other pages beside the whole pages (an older folder's index, a matrix the description does not name, a
        // README): not derived, kept as read so that `build --output` holds every page of the tree.
        files.append(PageFile(relativePath: name, path: url.path, role: .kept))
      }
    }
    return files
  }

  /// The register of retired identifiers (`retired.yml` in the page folder), or an empty one when there is none.
  static func readRegister(in folder: URL, syntax: IdentifierSyntax) throws(LoadError) -> RetiredRegister {
    let path = folder.appendingPathComponent(RetiredRegister.fileName).path
    guard FileManager.default.fileExists(atPath: path) else { return RetiredRegister() }
    let bytes: [UInt8]
    do {
      bytes = try readBytes(atPath: path)
    } catch {
      throw .unreadable(path, error.reason)
    }
    do {
      return try RetiredRegister(bytes: bytes, path: RetiredRegister.fileName, syntax: syntax)
    } catch {
      // Reported with the path as the user can open it.
      throw .badRegister(DescriptionError(path: path, line: error.line, column: error.column, message: error.message))
    }
  }

  /// The names in a folder (without `.` and `..`), read with `opendir`/`readdir` so that failures keep their
  /// reason (`Not a directory`, `Too many levels of symbolic links`, `Permission denied`).
  /// The names in the folder at `path`, each with whether it is a symbolic link (from the directory entry's type, so
  /// that telling links apart costs no system call per file; an `lstat` only where the file system does not say).
  static func directoryEntries(_ path: String) throws -> [(name: String, isLink: Bool)] {
    guard let directory = opendir(path) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { closedir(directory) }
    var names: [(name: String, isLink: Bool)] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      guard name != ".", name != ".." else { continue }
      let type = entry.pointee.d_type
      let isLink =
        type == UInt8(DT_LNK) || (type == UInt8(DT_UNKNOWN) && TreeBoundary.isSymbolicLink(path + "/" + name))
      names.append((name, isLink))
    }
    return names
  }

  /// The whole file, read with one `fstat` and `read` calls (no Foundation buffering).
  static func readBytes(atPath path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw POSIXError(.EISDIR) }
    let size = max(Int(status.st_size), 0)
    // Read the size `fstat` gave, exactly, into an uninitialised buffer (no zeroing, no spare capacity).
    var failure: Int32?
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      while initialized < size {
        let read = Foundation.read(descriptor, buffer.baseAddress! + initialized, size - initialized)
        if read < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if read == 0 { break }
        initialized += read
      }
    }
    if let failure { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    // A file that grew since `fstat` (or reports no size) is read on to its end; one byte tells whether it did.
    var probe: UInt8 = 0
    while true {
      let read = Foundation.read(descriptor, &probe, 1)
      if read < 0 {
        if errno == EINTR { continue }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      if read == 0 { return bytes }
      bytes.append(probe)
      break
    }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let read = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
      if read < 0 {
        if errno == EINTR { continue }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      if read == 0 { break }
      bytes += chunk[0..<read]
    }
    return bytes
  }
}

extension Error {
  /// A short human reason: the POSIX description when there is one.
  var reason: String {
    let error = self as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    {
      return String(cString: strerror(code.rawValue))
    }
    if let posix = self as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
    if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
    return error.localizedDescription
  }
}
