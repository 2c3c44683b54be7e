/// The icon an editor gives a completion; the server offers only references to objects.
enum CompletionItemKind: Int, Sendable {
  case reference = 18
}
