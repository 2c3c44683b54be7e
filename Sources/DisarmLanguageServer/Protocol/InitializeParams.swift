import DisarmDiagnostics
import Foundation

/// What the server reads of `initialize`'s parameters: the workspace's roots (its folders, else `rootUri`, else
/// `rootPath`), a framework named in the initialization options (`{"framework": "disarm-1"}`), and whether the client
/// watches files for a server that asks (`workspace.didChangeWatchedFiles.dynamicRegistration`). Whatever is missing
/// or of another type is taken as absent.
struct InitializeParams {
  var roots: [URL] = []
  var framework: String?
  var watchesFilesOnRequest = false

  init(roots: [URL], framework: String? = nil, watchesFilesOnRequest: Bool = false) {
    self.roots = roots
    self.framework = framework
    self.watchesFilesOnRequest = watchesFilesOnRequest
  }

  init(json: JSONValue?) {
    if let folders = json?["workspaceFolders"]?.arrayValue, !folders.isEmpty {
      roots = folders.compactMap { $0["uri"]?.stringValue.flatMap(URL.init(string:)) }
    } else if let uri = json?["rootUri"]?.stringValue, let url = URL(string: uri) {
      roots = [url]
    } else if let path = json?["rootPath"]?.stringValue {
      roots = [URL(fileURLWithPath: path)]
    }
    framework = json?["initializationOptions"]?["framework"]?.stringValue
    watchesFilesOnRequest =
      json?["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
  }
}
