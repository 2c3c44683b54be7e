/// How important a `window/logMessage` is.
enum MessageType: Int, Sendable {
  case error = 1
  case warning = 2
  case info = 3
  case log = 4
}
