import DisarmDiagnostics
import DisarmModel
import Foundation

/// `disarm lsp`: the Language Server Protocol (3.17) over a byte stream, for the knowledge base of the editor's
/// workspace. Requests are answered in order, one at a time; every change re-checks the knowledge base with the
/// open pages' unsaved text and publishes the findings that changed. A Markdown file of the workspace that is not a
/// page is a report: it is tagged as `disarm tag` tags reports (``Reports``), and its mentions are served.
///
/// Robustness: a body that is not JSON gets a parse error, a message that is not a request or notification an
/// invalid-request error, an unknown method a method-not-found error, bad parameters an invalid-params error, a file
/// outside the workspace a request-failed error; nothing a client sends ends the server but `exit`.
public final class LanguageServer {
  /// The knowledge bases of the workspace folders, each with its own model and open pages; a document belongs to
  /// the one whose page folder holds it.
  var workspaces: [Workspace] = []
  /// The workspace folders as the client named them: a Markdown file below one of them that is not a page is a
  /// report.
  private var roots: [URL] = []
  /// The reports open in the editor, tagged.
  let reports = Reports()
  /// The findings last published for each report, by URI, so that only changes are sent.
  private var publishedReports: [String: [LSPDiagnostic]] = [:]
  private var shutdownRequested = false
  /// Set by `exit`: the process's status (0 after `shutdown`, 1 otherwise, as the protocol says).
  public private(set) var exitStatus: Int32?
  /// The findings last published for each page, by URI, so that only changes are sent.
  private var published: [String: [Diagnostic]] = [:]
  /// Messages to send (responses and notifications), in order.
  private var outgoing: [Message] = []
  /// A framework description named in the client's initialization options (`{"framework": "disarm-1"}`).
  private var framework: String?

  public init() {}

  /// Handles one message body and returns the messages to send.
  ///
  /// `moreFollow` says that other messages have already arrived behind this one: a re-check that an edit, open or
  /// close asks for then waits for them, so that a burst of keystrokes costs one re-check, not one each (a request
  /// among them still sees the knowledge base with every edit before it).
  func handle(_ body: [UInt8], moreFollow: Bool = false) -> [Message] {
    handle(Result { () throws(Message.Invalid) in try Message.decode(body) }, moreFollow: moreFollow)
  }

  /// Handles one message as read (or the error answer its body gets) and returns the messages to send.
  func handle(_ message: Result<Message, Message.Invalid>, moreFollow: Bool = false) -> [Message] {
    outgoing = []
    switch message {
    case .success(let message): process(message)
    case .failure(let invalid): outgoing.append(.errorResponse(id: invalid.id, error: invalid.error))
    }
    if !moreFollow { runPendingRefresh() }
    return outgoing
  }

  /// Handles one message, adding what to send to ``outgoing``.
  private func process(_ message: Message) {
    switch message {
    case .request(let id, let method, let params):
      runPendingRefresh()
      do {
        outgoing.append(.response(id: id, result: try request(method, params)))
      } catch let error as ResponseError {
        outgoing.append(.errorResponse(id: id, error: error))
      } catch {
        outgoing.append(.errorResponse(id: id, error: .failed("\(error)")))
      }
    case .notification(let method, let params):
      notification(method, params)
    case .response, .errorResponse, .reply:
      // The client's answer to the file-watching registration: not needed.
      break
    }
  }

  private func notify(_ method: String, _ params: some JSONRepresentable) {
    outgoing.append(.notification(method: method, params: params.json))
  }

  /// Logs a message in the client's output (`window/logMessage`).
  func log(_ text: String, type: MessageType = .log) {
    notify(LogMessageParams.method, LogMessageParams(type: type, message: text))
  }

  // MARK: Requests

  private func request(_ method: String, _ params: JSONValue?) throws -> JSONValue {
    guard let known = RequestMethod(rawValue: method) else {
      guard !workspaces.isEmpty else { throw Self.notInitialized }
      throw ResponseError(code: .methodNotFound, message: "disarm lsp does not handle \(method)")
    }
    if known == .initialize { return try initialize(InitializeParams(json: params)).json }
    if known == .shutdown {
      shutdownRequested = true
      return .null
    }
    guard let first = workspaces.first else { throw Self.notInitialized }
    if known == .workspaceSymbol {
      // Every knowledge base's symbols, in the order of the workspace folders.
      let query = WorkspaceSymbolParams(json: params)
      return workspaces.flatMap { Features(workspace: $0).workspaceSymbols(query) }.json
    }
    // A document request goes to the knowledge base that holds the document, or to the report it is (the first
    // knowledge base answers that a document outside every knowledge base and report is outside).
    let uri = TextDocumentIdentifier(params: params)?.uri
    if let uri, let workspace = reports.workspace(of: uri) ?? knowledgeBase(forReport: uri) {
      return try reportRequest(known, params, features: ReportFeatures(report: reports.report(uri, against: workspace)))
    }
    let features = Features(workspace: uri.flatMap { self.workspace(holding: $0)?.workspace } ?? first)
    switch known {
    case .hover: return try features.hover(TextDocumentPositionParams(json: params)).json
    case .definition: return try features.definition(TextDocumentPositionParams(json: params)).json
    case .references: return try features.references(TextDocumentPositionParams(json: params)).json
    case .completion: return try features.completion(TextDocumentPositionParams(json: params)).json
    case .documentSymbol: return try features.documentSymbols(DocumentSymbolParams(json: params)).json
    case .codeAction: return try features.codeActions(CodeActionParams(json: params)).json
    case .prepareRename: return try features.prepareRename(TextDocumentPositionParams(json: params)).json
    case .rename: return try features.rename(RenameParams(json: params)).json
    case .initialize, .shutdown, .workspaceSymbol: return .null
    }
  }

  /// A document request about a report.
  private func reportRequest(_ method: RequestMethod, _ params: JSONValue?, features: ReportFeatures)
    throws(ResponseError)
    -> JSONValue
  {
    switch method {
    case .hover: return features.hover(try TextDocumentPositionParams(json: params)).json
    case .definition: return features.definition(try TextDocumentPositionParams(json: params)).json
    case .references: return features.references(try TextDocumentPositionParams(json: params)).json
    case .completion: return features.completion(try TextDocumentPositionParams(json: params)).json
    case .documentSymbol: return [DocumentSymbol]().json
    case .codeAction: return features.codeActions(try CodeActionParams(json: params)).json
    case .prepareRename, .rename:
      throw ResponseError.failed(
        "this is a report, not a page of the knowledge base: rename an object from its page or a page that "
          + "mentions it")
    case .initialize, .shutdown, .workspaceSymbol: return .null
    }
  }

  private static let notInitialized = ResponseError(
    code: .serverNotInitialized, message: "initialize first, with a workspace folder")

  private func initialize(_ params: InitializeParams) throws(ResponseError) -> InitializeResult {
    let roots = params.roots
    self.roots = roots.map(\.standardizedFileURL)
    framework = params.framework
    watchesFilesOnRequest = params.watchesFilesOnRequest
    let folders = Workspace.pageFolders(in: roots.map(\.standardizedFileURL))
    var failures: [String] = []
    workspaces = []
    for folder in folders {
      do {
        workspaces.append(try Workspace(folder: folder, framework: framework))
      } catch {
        failures.append(error.description)
      }
    }
    guard !workspaces.isEmpty else {
      let place = roots.isEmpty ? "no root given" : roots.map(\.path).joined(separator: ", ")
      throw ResponseError.failed(
        failures.first
          ?? "no knowledge base in the workspace (\(place)): open the folder that holds techniques/, generated_pages/ or data/"
      )
    }
    reports.keepTaggers(of: workspaces)
    // A knowledge base that cannot be read does not keep the others from being served; the client is told.
    for failure in failures { log("disarm: \(failure)", type: .error) }
    return InitializeResult(version: LanguageServer.version)
  }

  /// Whether the client watches files for a server that asks it to (`didChangeWatchedFiles.dynamicRegistration`):
  /// then, once initialized, the server asks to hear of every page and description changed on disk.
  private var watchesFilesOnRequest = false

  /// The id of the server's one request to the client, `client/registerCapability`; its answer is not needed.
  static let watchRegistrationID = RequestID.string("disarm/watch-files")

  /// The server's request to be told of pages, registers and framework descriptions changed on disk behind the
  /// editor's back (created, changed or deleted), anywhere in the workspace.
  static var watchRegistration: Message {
    .request(
      id: watchRegistrationID, method: RegistrationParams.method,
      params: RegistrationParams(registrationID: "disarm-watched-files", globPattern: "**/*.{md,yml,yaml}").json)
  }

  /// The version the server reports; the command sets it from the binary's.
  public static nonisolated(unsafe) var version = ""

  // MARK: Notifications

  private func notification(_ method: String, _ params: JSONValue?) {
    guard let known = NotificationMethod(rawValue: method) else {
      // `$/setTrace`, `$/progress`, …: nothing to do.
      return
    }
    if known == .exit {
      exitStatus = shutdownRequested ? 0 : 1
      return
    }
    guard !workspaces.isEmpty else { return }
    switch known {
    case .initialized:
      if watchesFilesOnRequest { outgoing.append(Self.watchRegistration) }
    case .didOpen:
      guard let open = DidOpenTextDocumentParams(json: params) else { return }
      if let (workspace, path) = held(open.textDocument) {
        workspace.setOpen(path, Array(open.text.utf8))
        refresh(workspace, always: [path], diskChanged: false)
      } else if let workspace = knowledgeBase(forReport: open.textDocument.uri) {
        reports.setOpen(open.textDocument.uri, Array(open.text.utf8), workspace: workspace)
        pendingReports.insert(open.textDocument.uri)
      }
    case .didChange:
      guard let change = DidChangeTextDocumentParams(json: params) else { return }
      if let (workspace, path) = held(change.textDocument) {
        let text = workspace.open[path] ?? workspace.source(path)?.bytes ?? []
        workspace.setOpen(path, DocumentChanges.apply(change.contentChanges, to: text, path: path))
        refresh(workspace, always: [path], diskChanged: false)
      } else if let workspace = reports.workspace(of: change.textDocument.uri)
        ?? knowledgeBase(forReport: change.textDocument.uri)
      {
        let uri = change.textDocument.uri
        // A report changed without being opened first starts from the file's text, as a page does.
        let text = reports.text(of: uri) ?? (try? reports.report(uri, against: workspace).file.bytes) ?? []
        reports.setOpen(uri, DocumentChanges.apply(change.contentChanges, to: text, path: uri), workspace: workspace)
        pendingReports.insert(uri)
      }
    case .didClose:
      guard let close = DidCloseTextDocumentParams(json: params) else { return }
      if let (workspace, path) = held(close.textDocument) {
        workspace.setOpen(path, nil)
        refresh(workspace, always: [], diskChanged: false)
      } else if let workspace = reports.workspace(of: close.textDocument.uri) {
        // A closed report is no longer tagged: its findings are taken back.
        let uri = close.textDocument.uri
        reports.setOpen(uri, nil, workspace: workspace)
        pendingReports.remove(uri)
        if publishedReports.removeValue(forKey: uri)?.isEmpty == false {
          notify(PublishDiagnosticsParams.method, PublishDiagnosticsParams(uri: uri, diagnostics: []))
        }
      }
    case .didSave, .didChangeWatchedFiles:
      // Each knowledge base re-reads only the files whose size or modification time changed.
      for workspace in workspaces { refresh(workspace, always: []) }
    case .cancelRequest, .exit:
      // A cancellation is taken before its request runs (see ``run(input:output:)``); one that arrives later is
      // for a request already answered.
      break
    }
  }

  /// The knowledge base that holds `document`, and the document's path in it.
  private func held(_ document: TextDocumentIdentifier) -> (workspace: Workspace, path: String)? {
    workspace(holding: document.uri)
  }

  /// The knowledge base whose page folder holds the document `uri` (the innermost, should folders nest), and the
  /// document's path in it; nil for a Markdown file of the folder that is not a page (a report).
  func workspace(holding uri: String) -> (workspace: Workspace, path: String)? {
    let markdown = Reports.isMarkdown(uri)
    return workspaces.compactMap { workspace in
      workspace.path(of: uri).flatMap { path in markdown && !workspace.isPage(path) ? nil : (workspace, path) }
    }
    .max { $0.workspace.folder.path.count < $1.workspace.folder.path.count }
  }

  /// The knowledge base a report is tagged against, or nil when `uri` is not a report: a report is a Markdown file
  /// (`.md`, `.markdown`) below a workspace folder or a page folder that is not a page of a knowledge base. It is
  /// tagged against the nearest knowledge base above it (the innermost whose ``Workspace/home`` holds it: a report
  /// in `reports/` beside `data/` or `generated_pages/` is tagged against that knowledge base), else the only one,
  /// else the first in the order of ``workspaces`` (workspace folders in order, the knowledge bases below one in path
  /// order).
  func knowledgeBase(forReport uri: String) -> Workspace? {
    guard Reports.isMarkdown(uri), workspace(holding: uri) == nil, let url = URL(string: uri) else { return nil }
    let path = url.standardizedFileURL.path
    func holds(_ folder: URL) -> Bool {
      let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
      return path.hasPrefix(base)
    }
    guard roots.contains(where: holds) || workspaces.contains(where: { holds($0.folder) }) else { return nil }
    return workspaces.filter { holds($0.home) }.max { $0.home.path.count < $1.home.path.count } ?? workspaces.first
  }

  /// The re-checks asked for and not yet run, by knowledge base (its index in ``workspaces``): the pages to publish
  /// whatever their findings, and whether the disk may have changed.
  private var pendingRefresh: [Int: (always: Set<String>, diskChanged: Bool)] = [:]
  /// The open reports to tag again and publish (opened or edited), by URI; they run after the re-checks, with the
  /// models they make.
  private var pendingReports: Set<String> = []

  /// Asks for a re-check of `workspace` that publishes the findings of `always` and of every page whose findings
  /// changed; it runs once no message that has already arrived is left (see ``handle(_:moreFollow:)``).
  /// `diskChanged` is false for the editor's own open, edit and close, which change nothing on disk.
  private func refresh(_ workspace: Workspace, always: Set<String>, diskChanged: Bool = true) {
    guard let index = workspaces.firstIndex(where: { $0 === workspace }) else { return }
    let pending = pendingRefresh[index] ?? ([], false)
    pendingRefresh[index] = (pending.always.union(always), pending.diskChanged || diskChanged)
  }

  /// Runs the re-check still pending, if any, and returns what it publishes.
  func finishPendingWork() -> [Message] {
    outgoing = []
    runPendingRefresh()
    return outgoing
  }

  private func runPendingRefresh() {
    let pending = pendingRefresh.sorted { $0.key < $1.key }
    pendingRefresh = [:]
    // Reports tagged against a knowledge base whose identifiers or names a re-check changes are tagged again, and
    // published only if their findings change.
    var outdated = Set<String>()
    for (index, refresh) in pending where workspaces.indices.contains(index) {
      recheck(workspaces[index], always: refresh.always, diskChanged: refresh.diskChanged)
      outdated.formUnion(reports.outdated(by: workspaces[index]))
    }
    let edited = pendingReports
    pendingReports = []
    for uri in edited.union(outdated).sorted() {
      guard let report = reports.tag(uri) else { continue }
      let findings = ReportDiagnostics.diagnostics(of: report)
      if publishedReports[uri] == findings && !edited.contains(uri) { continue }
      publishedReports[uri] = findings
      notify(PublishDiagnosticsParams.method, PublishDiagnosticsParams(uri: uri, diagnostics: findings))
    }
  }

  /// Re-checks one knowledge base and publishes what changed.
  private func recheck(_ workspace: Workspace, always: Set<String>, diskChanged: Bool) {
    let changed: Set<String>
    do {
      changed = try workspace.reload(diskChanged: diskChanged)
    } catch {
      log("disarm: \(error.description)", type: .error)
      return
    }
    for path in always.union(changed).sorted() {
      let findings = workspace.findings[path] ?? []
      let uri = workspace.uri(of: path)
      if published[uri] == findings && !always.contains(path) { continue }
      published[uri] = findings
      let file = workspace.source(path)
      notify(
        PublishDiagnosticsParams.method,
        PublishDiagnosticsParams(
          uri: uri, diagnostics: findings.map { LSPDiagnostic($0, in: file, workspace: workspace) }))
    }
  }

  // MARK: The stream

  /// Reads messages from `input` and writes the answers to `output` until `exit` or the end of the input; returns
  /// the exit status.
  public func run(input: Int32, output: Int32) -> Int32 {
    var framing = MessageFraming()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return exitStatus ?? 1 }
      framing.append(chunk[0..<count])
      // Every message already here is taken at once, so that a `$/cancelRequest` that arrived behind its request
      // cancels it before it runs (the request then gets the protocol's RequestCancelled answer).
      var messages: [Result<Message, Message.Invalid>] = []
      while true {
        do {
          guard let body = try framing.next() else { break }
          messages.append(Result { () throws(Message.Invalid) in try Message.decode(body) })
        } catch {
          write(
            .notification(
              method: LogMessageParams.method,
              params: LogMessageParams(type: .error, message: "disarm: \(error)").json),
            to: output)
        }
      }
      let cancelled = Self.cancelledIDs(in: messages)
      for (index, message) in messages.enumerated() {
        if case .success(.request(let id, _, _)) = message, cancelled.contains(id) {
          write(.errorResponse(id: id, error: ResponseError(code: .requestCancelled, message: "cancelled")), to: output)
          continue
        }
        for answer in handle(message, moreFollow: index < messages.count - 1) { write(answer, to: output) }
        if let exitStatus { return exitStatus }
      }
      // A cancelled request last in the batch leaves the re-check of the edits before it to run.
      for message in finishPendingWork() { write(message, to: output) }
    }
  }

  /// The ids of the requests that `$/cancelRequest` notifications among `messages` cancel.
  static func cancelledIDs(in messages: [Result<Message, Message.Invalid>]) -> Set<RequestID> {
    var ids = Set<RequestID>()
    for case .success(.notification(let method, let params)) in messages
    where method == NotificationMethod.cancelRequest.rawValue {
      if let cancel = CancelParams(json: params) { ids.insert(cancel.id) }
    }
    return ids
  }

  private func write(_ message: Message, to output: Int32) {
    let bytes = message.framed
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Foundation.write(output, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      offset += written
    }
  }
}
