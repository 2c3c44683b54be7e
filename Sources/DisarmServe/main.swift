import Foundation

// disarm-serve --site SITE --port N --watch FOLDER [--head-timeout SECONDS] -- COMMAND...
// Started by `disarm site --serve`: serves SITE on 127.0.0.1:N and runs COMMAND (the `disarm site` that wrote it)
// whenever a file under FOLDER changes. `--head-timeout` (default 10) is how long a client may take to send a request
// head; the tests shorten it.
// Stopping (Ctrl-C, or SIGTERM from whoever started `disarm site --serve`) ends the server at once: the site on disk
// is complete whenever it is read, since every rebuild publishes in one rename.
// A parent that blocks them (a test runner's threads do) passes its mask on through exec: unblock them first.
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
sigaddset(&stopSignals, SIGTERM)
sigaddset(&stopSignals, SIGINT)
pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
signal(SIGTERM) { _ in _exit(0) }
signal(SIGINT) { _ in _exit(0) }
// A client that closes its connection while the answer is written must not end the server.
signal(SIGPIPE, SIG_IGN)
let arguments = Array(CommandLine.arguments.dropFirst())
func value(_ name: String, in arguments: [String]) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}
guard let site = value("--site", in: arguments), let portText = value("--port", in: arguments),
  let port = UInt16(portText), let watch = value("--watch", in: arguments),
  let separator = arguments.firstIndex(of: "--"), separator + 1 < arguments.count
else {
  FileHandle.standardError.write(
    Data("usage: disarm-serve --site SITE --port N --watch FOLDER [--head-timeout SECONDS] -- COMMAND...\n".utf8))
  exit(2)
}
let command = Array(arguments[(separator + 1)...])
var limits = RequestLimits()
if let timeout = value("--head-timeout", in: Array(arguments[..<separator])) {
  guard let seconds = Double(timeout), seconds > 0 else {
    FileHandle.standardError.write(Data("disarm-serve: --head-timeout takes a positive number of seconds\n".utf8))
    exit(2)
  }
  limits.headTimeout = seconds
}
do {
  try SitePreview.serve(
    site: URL(fileURLWithPath: site), port: port, limits: limits, watching: URL(fileURLWithPath: watch),
    rebuild: {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: command[0])
      process.arguments = Array(command.dropFirst())
      try? process.run()
      process.waitUntilExit()
    },
    report: { FileHandle.standardError.write(Data("disarm: \($0)\n".utf8)) })
} catch {
  FileHandle.standardError.write(Data("disarm: error: \(error)\n".utf8))
  exit(2)
}
