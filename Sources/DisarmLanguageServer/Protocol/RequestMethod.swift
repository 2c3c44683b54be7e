/// The requests the server answers; any other gets a method-not-found error.
enum RequestMethod: String, Sendable {
  case initialize
  case shutdown
  case hover = "textDocument/hover"
  case definition = "textDocument/definition"
  case references = "textDocument/references"
  case completion = "textDocument/completion"
  case documentSymbol = "textDocument/documentSymbol"
  case codeAction = "textDocument/codeAction"
  case prepareRename = "textDocument/prepareRename"
  case rename = "textDocument/rename"
  case workspaceSymbol = "workspace/symbol"
}
