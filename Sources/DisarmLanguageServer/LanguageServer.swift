import DisarmDiagnostics
import DisarmModel
import Foundation

/// `disarm lsp`: the Language Server Protocol (3.17) over a byte stream, for the knowledge base of the editor's
/// workspace. Requests are answered in order, one at a time; every change re-checks the knowledge base with the
/// open pages' unsaved text and publishes the findings that changed.
///
/// Robustness: a body that is not JSON gets a parse error, a message that is not a request or notification an
/// invalid-request error, an unknown method a method-not-found error, bad parameters an invalid-params error, a file
/// outside the workspace a request-failed error; nothing a client sends ends the server but `exit`.
public final class LanguageServer {
  enum ErrorCode {
    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let serverNotInitialized = -32002
    static let requestFailed = -32803
    static let requestCancelled = -32800
  }

  /// An error answer: code and message.
  struct Failure: Error {
    var code: Int
    var message: String
    static func params(_ message: String) -> Failure { Failure(code: ErrorCode.invalidParams, message: message) }
  }

  /// The knowledge bases of the workspace folders, each with its own model and open pages; a document belongs to
  /// the one whose page folder holds it.
  var workspaces: [Workspace] = []
  private var shutdownRequested = false
  /// Set by `exit`: the process's status (0 after `shutdown`, 1 otherwise, as the protocol says).
  public private(set) var exitStatus: Int32?
  /// The findings last published for each page, by URI, so that only changes are sent.
  private var published: [String: [Diagnostic]] = [:]
  /// Messages to send (responses and notifications), in order.
  private var outgoing: [[String: Any]] = []
  /// A framework description named in the client's initialization options (`{"framework": "disarm-1"}`).
  private var framework: String?

  public init() {}

  /// Handles one message body and returns the messages to send.
  ///
  /// `moreFollow` says that other messages have already arrived behind this one: a re-check that an edit, open or
  /// close asks for then waits for them, so that a burst of keystrokes costs one re-check, not one each (a request
  /// among them still sees the knowledge base with every edit before it).
  public func handle(_ body: [UInt8], moreFollow: Bool = false) -> [[String: Any]] {
    outgoing = []
    process(body)
    if !moreFollow { runPendingRefresh() }
    return outgoing
  }

  /// Handles one message body, adding what to send to ``outgoing``.
  private func process(_ body: [UInt8]) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
      respond(id: NSNull(), failure: Failure(code: ErrorCode.parseError, message: "the message is not JSON"))
      return
    }
    guard let message = object as? [String: Any] else {
      respond(id: NSNull(), failure: Failure(code: ErrorCode.invalidRequest, message: "a message is a JSON object"))
      return
    }
    let id = message["id"]
    guard let method = message["method"] as? String else {
      // A response to a request of ours (the file-watching registration: its answer is not needed) or garbage:
      // answered only when it carries an id it cannot.
      if id == nil || message["result"] != nil || message["error"] != nil { return }
      respond(id: id!, failure: Failure(code: ErrorCode.invalidRequest, message: "a request needs a method"))
      return
    }
    if let id, !(id is String || id is NSNumber) {
      respond(id: NSNull(), failure: Failure(code: ErrorCode.invalidRequest, message: "an id is a number or a string"))
      return
    }
    let params = message["params"]
    if let id {
      runPendingRefresh()
      do {
        let result = try request(method, params)
        outgoing.append(["jsonrpc": "2.0", "id": id, "result": result])
      } catch let failure as Failure {
        respond(id: id, failure: failure)
      } catch {
        respond(id: id, failure: Failure(code: ErrorCode.requestFailed, message: "\(error)"))
      }
    } else {
      notification(method, params)
    }
  }

  private func respond(id: Any, failure: Failure) {
    outgoing.append(["jsonrpc": "2.0", "id": id, "error": ["code": failure.code, "message": failure.message]])
  }

  private func notify(_ method: String, _ params: [String: Any]) {
    outgoing.append(["jsonrpc": "2.0", "method": method, "params": params])
  }

  /// Logs a message in the client's output (`window/logMessage`, 1 error … 4 log).
  func log(_ text: String, type: Int = 4) { notify("window/logMessage", ["type": type, "message": text]) }

  // MARK: Requests

  private func request(_ method: String, _ params: Any?) throws -> Any {
    if method == "initialize" { return try initialize(params) }
    if method == "shutdown" {
      shutdownRequested = true
      return NSNull()
    }
    guard let first = workspaces.first else {
      throw Failure(code: ErrorCode.serverNotInitialized, message: "initialize first, with a workspace folder")
    }
    if method == "workspace/symbol" {
      // Every knowledge base's symbols, in the order of the workspace folders.
      return try workspaces.flatMap { try Features(workspace: $0).workspaceSymbols(params) as? [Any] ?? [] }
    }
    // A document request goes to the knowledge base that holds the document (the first one answers that a
    // document outside every knowledge base is outside).
    let uri = ((params as? [String: Any])?["textDocument"] as? [String: Any])?["uri"] as? String
    let features = Features(workspace: uri.flatMap { self.workspace(holding: $0)?.workspace } ?? first)
    switch method {
    case "textDocument/hover": return try features.hover(params)
    case "textDocument/definition": return try features.definition(params)
    case "textDocument/references": return try features.references(params)
    case "textDocument/completion": return try features.completion(params)
    case "textDocument/documentSymbol": return try features.documentSymbols(params)
    case "textDocument/codeAction": return try features.codeActions(params)
    case "textDocument/prepareRename": return try features.prepareRename(params)
    case "textDocument/rename": return try features.rename(params)
    default:
      throw Failure(code: ErrorCode.methodNotFound, message: "disarm lsp does not handle \(method)")
    }
  }

  private func initialize(_ params: Any?) throws -> Any {
    let object = params as? [String: Any] ?? [:]
    var roots: [URL] = []
    if let folders = object["workspaceFolders"] as? [[String: Any]], !folders.isEmpty {
      roots = folders.compactMap { ($0["uri"] as? String).flatMap(URL.init(string:)) }
    } else if let uri = object["rootUri"] as? String, let url = URL(string: uri) {
      roots = [url]
    } else if let path = object["rootPath"] as? String {
      roots = [URL(fileURLWithPath: path)]
    }
    framework = (object["initializationOptions"] as? [String: Any])?["framework"] as? String
    let workspaceCapabilities = (object["capabilities"] as? [String: Any])?["workspace"] as? [String: Any]
    watchesFilesOnRequest =
      (workspaceCapabilities?["didChangeWatchedFiles"] as? [String: Any])?["dynamicRegistration"] as? Bool ?? false
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
      throw Failure(
        code: ErrorCode.requestFailed,
        message: failures.first
          ?? "no knowledge base in the workspace (\(place)): open the folder that holds techniques/, generated_pages/ or data/"
      )
    }
    // A knowledge base that cannot be read does not keep the others from being served; the client is told.
    for failure in failures { log("disarm: \(failure)", type: 1) }
    return [
      "capabilities": [
        "positionEncoding": "utf-16",
        "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
        "hoverProvider": true, "definitionProvider": true, "referencesProvider": true,
        "completionProvider": ["triggerCharacters": ["."], "resolveProvider": false],
        "documentSymbolProvider": true, "workspaceSymbolProvider": true,
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        "renameProvider": ["prepareProvider": true],
      ] as [String: Any],
      "serverInfo": ["name": "disarm", "version": LanguageServer.version],
    ]
  }

  /// Whether the client watches files for a server that asks it to (`didChangeWatchedFiles.dynamicRegistration`):
  /// then, once initialized, the server asks to hear of every page and description changed on disk.
  private var watchesFilesOnRequest = false

  /// The id of the server's one request to the client, `client/registerCapability`; its answer is not needed.
  static let watchRegistrationID = "disarm/watch-files"

  /// The server's request to be told of pages, registers and framework descriptions changed on disk behind the
  /// editor's back (created, changed or deleted), anywhere in the workspace.
  static var watchRegistration: [String: Any] {
    [
      "jsonrpc": "2.0", "id": watchRegistrationID, "method": "client/registerCapability",
      "params": [
        "registrations": [
          [
            "id": "disarm-watched-files", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": [["globPattern": "**/*.{md,yml,yaml}"]]],
          ] as [String: Any]
        ]
      ],
    ]
  }

  /// The version the server reports; the command sets it from the binary's.
  public static nonisolated(unsafe) var version = ""

  // MARK: Notifications

  private func notification(_ method: String, _ params: Any?) {
    if method == "exit" {
      exitStatus = shutdownRequested ? 0 : 1
      return
    }
    guard !workspaces.isEmpty else { return }
    let object = params as? [String: Any] ?? [:]
    let document = object["textDocument"] as? [String: Any] ?? [:]
    let held = (document["uri"] as? String).flatMap { workspace(holding: $0) }
    switch method {
    case "initialized":
      if watchesFilesOnRequest { outgoing.append(Self.watchRegistration) }
    case "textDocument/didOpen":
      guard let (workspace, path) = held, let text = document["text"] as? String else { return }
      workspace.setOpen(path, Array(text.utf8))
      refresh(workspace, always: [path], diskChanged: false)
    case "textDocument/didChange":
      guard let (workspace, path) = held, let changes = object["contentChanges"] as? [[String: Any]] else { return }
      let text = workspace.open[path] ?? workspace.source(path)?.bytes ?? []
      workspace.setOpen(path, DocumentChanges.apply(changes, to: text, path: path))
      refresh(workspace, always: [path], diskChanged: false)
    case "textDocument/didClose":
      guard let (workspace, path) = held else { return }
      workspace.setOpen(path, nil)
      refresh(workspace, always: [], diskChanged: false)
    case "textDocument/didSave", "workspace/didChangeWatchedFiles":
      // Each knowledge base re-reads only the files whose size or modification time changed.
      for workspace in workspaces { refresh(workspace, always: []) }
    default:
      // `initialized`, `$/cancelRequest` (requests are answered before the next is read), `$/setTrace`, …
      break
    }
  }

  /// The knowledge base whose page folder holds the document `uri` (the innermost, should folders nest), and the
  /// document's path in it.
  func workspace(holding uri: String) -> (workspace: Workspace, path: String)? {
    workspaces.compactMap { workspace in workspace.path(of: uri).map { (workspace, $0) } }
      .max { $0.workspace.folder.path.count < $1.workspace.folder.path.count }
  }

  /// The re-checks asked for and not yet run, by knowledge base (its index in ``workspaces``): the pages to publish
  /// whatever their findings, and whether the disk may have changed.
  private var pendingRefresh: [Int: (always: Set<String>, diskChanged: Bool)] = [:]

  /// Asks for a re-check of `workspace` that publishes the findings of `always` and of every page whose findings
  /// changed; it runs once no message that has already arrived is left (see ``handle(_:moreFollow:)``).
  /// `diskChanged` is false for the editor's own open, edit and close, which change nothing on disk.
  private func refresh(_ workspace: Workspace, always: Set<String>, diskChanged: Bool = true) {
    guard let index = workspaces.firstIndex(where: { $0 === workspace }) else { return }
    let pending = pendingRefresh[index] ?? ([], false)
    pendingRefresh[index] = (pending.always.union(always), pending.diskChanged || diskChanged)
  }

  /// Runs the re-check still pending, if any, and returns what it publishes.
  func finishPendingWork() -> [[String: Any]] {
    outgoing = []
    runPendingRefresh()
    return outgoing
  }

  private func runPendingRefresh() {
    let pending = pendingRefresh.sorted { $0.key < $1.key }
    pendingRefresh = [:]
    for (index, refresh) in pending where workspaces.indices.contains(index) {
      recheck(workspaces[index], always: refresh.always, diskChanged: refresh.diskChanged)
    }
  }

  /// Re-checks one knowledge base and publishes what changed.
  private func recheck(_ workspace: Workspace, always: Set<String>, diskChanged: Bool) {
    let changed: Set<String>
    do {
      changed = try workspace.reload(diskChanged: diskChanged)
    } catch {
      log("disarm: \(error.description)", type: 1)
      return
    }
    for path in always.union(changed).sorted() {
      let findings = workspace.findings[path] ?? []
      let uri = workspace.uri(of: path)
      if published[uri] == findings && !always.contains(path) { continue }
      published[uri] = findings
      let file = workspace.source(path)
      notify(
        "textDocument/publishDiagnostics",
        [
          "uri": uri,
          "diagnostics": findings.map { LSPDiagnostic.json($0, in: file, workspace: workspace) },
        ])
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
      var bodies: [[UInt8]] = []
      while true {
        do {
          guard let body = try framing.next() else { break }
          bodies.append(body)
        } catch {
          write(
            ["jsonrpc": "2.0", "method": "window/logMessage", "params": ["type": 1, "message": "disarm: \(error)"]],
            to: output)
        }
      }
      let cancelled = Self.cancelledIDs(in: bodies)
      for (index, body) in bodies.enumerated() {
        if let id = Self.requestID(of: body), cancelled.contains(id) {
          write(
            ["jsonrpc": "2.0", "id": id, "error": ["code": ErrorCode.requestCancelled, "message": "cancelled"]],
            to: output)
          continue
        }
        for message in handle(body, moreFollow: index < bodies.count - 1) { write(message, to: output) }
        if let exitStatus { return exitStatus }
      }
      // A cancelled request last in the batch leaves the re-check of the edits before it to run.
      for message in finishPendingWork() { write(message, to: output) }
    }
  }

  /// The ids of the requests that `$/cancelRequest` notifications among `bodies` cancel (numbers or strings).
  static func cancelledIDs(in bodies: [[UInt8]]) -> Set<AnyHashable> {
    var ids = Set<AnyHashable>()
    for body in bodies where body.count < 4096 {
      guard let message = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
        message["method"] as? String == "$/cancelRequest", let id = (message["params"] as? [String: Any])?["id"]
      else { continue }
      if let text = id as? String {
        ids.insert(text)
      } else if let number = id as? NSNumber {
        ids.insert(number.intValue)
      }
    }
    return ids
  }

  /// The id of a request body (number or string); nil for notifications and what cannot be read.
  static func requestID(of body: [UInt8]) -> AnyHashable? {
    guard let message = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
      message["method"] is String, let id = message["id"]
    else { return nil }
    if let text = id as? String { return text }
    return (id as? NSNumber)?.intValue
  }

  private func write(_ message: [String: Any], to output: Int32) {
    guard let data = try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys]) else { return }
    let bytes = MessageFraming.frame([UInt8](data))
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Foundation.write(output, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      offset += written
    }
  }
}
