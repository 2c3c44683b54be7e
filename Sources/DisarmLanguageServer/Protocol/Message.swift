import DisarmDiagnostics

/// One JSON-RPC message, in either direction: the envelope around every method's parameters and results, which
/// are the typed values of this folder written as ``JSONValue``.
enum Message: Equatable {
  /// A request, answered by a response with the same id.
  case request(id: RequestID, method: String, params: JSONValue?)
  /// A notification: no id, no answer.
  case notification(method: String, params: JSONValue?)
  /// A request's result.
  case response(id: RequestID, result: JSONValue)
  /// A request's error; the id is `null` when the request's own could not be read.
  case errorResponse(id: RequestID?, error: ResponseError)
  /// The client's answer to a request of the server's (a result or an error, no method): the server needs none.
  case reply(id: RequestID?)

  /// A body that is not a message the server can take, and the error answer it gets.
  struct Invalid: Error, Equatable {
    var id: RequestID?
    var error: ResponseError
  }

  /// The message a body holds.
  static func decode(_ body: [UInt8]) throws(Invalid) -> Message {
    let value: JSONValue
    do {
      value = try JSONParser.parse(body)
    } catch {
      throw Invalid(error: ResponseError(code: .parseError, message: "the message is not JSON"))
    }
    guard case .object(let members) = value else {
      throw Invalid(error: ResponseError(code: .invalidRequest, message: "a message is a JSON object"))
    }
    let rawID = members["id"]
    let id = RequestID(json: rawID)
    guard let method = members["method"]?.stringValue else {
      // A response to a request of ours (the file-watching registration) or garbage: refused only when it carries
      // an id and no answer.
      if rawID == nil || members["result"] != nil || members["error"] != nil { return .reply(id: id) }
      throw Invalid(id: id, error: ResponseError(code: .invalidRequest, message: "a request needs a method"))
    }
    guard rawID != nil else { return .notification(method: method, params: members["params"]) }
    guard let id else {
      throw Invalid(error: ResponseError(code: .invalidRequest, message: "an id is a number or a string"))
    }
    return .request(id: id, method: method, params: members["params"])
  }

  /// The message as JSON-RPC 2.0 writes it.
  var json: JSONValue {
    var members: [String: JSONValue] = ["jsonrpc": .string("2.0")]
    switch self {
    case .request(let id, let method, let params):
      members["id"] = id.json
      members["method"] = .string(method)
      members["params"] = params
    case .notification(let method, let params):
      members["method"] = .string(method)
      members["params"] = params
    case .response(let id, let result):
      members["id"] = id.json
      members["result"] = result
    case .errorResponse(let id, let error):
      members["id"] = id?.json ?? .null
      members["error"] = error.json
    case .reply(let id):
      members["id"] = id?.json ?? .null
      members["result"] = .null
    }
    return .object(members)
  }

  /// The bytes sent for the message, framing header included.
  var framed: [UInt8] { MessageFraming.frame(JSONWriter.compact(json)) }

  /// The id of a request or an answer.
  var id: RequestID? {
    switch self {
    case .request(let id, _, _), .response(let id, _): id
    case .errorResponse(let id, _), .reply(let id): id
    case .notification: nil
    }
  }

  /// The method of a request or notification.
  var method: String? {
    switch self {
    case .request(_, let method, _), .notification(let method, _): method
    default: nil
    }
  }

  /// The parameters of a request or notification.
  var params: JSONValue? {
    switch self {
    case .request(_, _, let params), .notification(_, let params): params
    default: nil
    }
  }

  /// The result of a response.
  var result: JSONValue? {
    guard case .response(_, let result) = self else { return nil }
    return result
  }

  /// The error of an error response.
  var error: ResponseError? {
    guard case .errorResponse(_, let error) = self else { return nil }
    return error
  }
}
