/// The notifications the server acts on; any other is ignored, as the protocol asks.
enum NotificationMethod: String, Sendable {
  case initialized
  case exit
  case didOpen = "textDocument/didOpen"
  case didChange = "textDocument/didChange"
  case didClose = "textDocument/didClose"
  /// Its parameters are not read, nor those of `didChangeWatchedFiles`: every knowledge base then re-reads the files
  /// whose size or modification time changed, whichever they are.
  case didSave = "textDocument/didSave"
  case didChangeWatchedFiles = "workspace/didChangeWatchedFiles"
  /// Handled before the request it cancels runs (see `LanguageServer.run`).
  case cancelRequest = "$/cancelRequest"
}
