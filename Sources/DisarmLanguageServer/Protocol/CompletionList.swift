import DisarmDiagnostics

/// `textDocument/completion`'s answer; `isIncomplete` when more objects match than are listed.
struct CompletionList: Equatable, JSONRepresentable {
  var isIncomplete: Bool
  var items: [CompletionItem]

  var json: JSONValue { .object(["isIncomplete": .bool(isIncomplete), "items": items.json]) }
}
