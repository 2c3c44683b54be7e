import CCmark

/// Runs libcmark over a page and copies its leaf blocks into Swift values.
///
/// As in swift-markdown's `CommonMarkConverter`, no cmark pointer leaves this type: the document is freed before
/// `blocks(in:)` returns.
enum CommonMarkReader {
  /// The leaf blocks of `bytes`, in document order. Line numbers are relative to `bytes`.
  static func blocks(in bytes: ArraySlice<UInt8>) -> [MarkdownBlock] {
    guard
      let document = bytes.withUnsafeBufferPointer({ buffer -> OpaquePointer? in
        buffer.baseAddress.flatMap { base in
          base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
          }
        } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
      })
    else { return [] }
    defer { cmark_node_free(document) }
    var blocks: [MarkdownBlock] = []
    // Depth-first over block containers only; inline children of leaves are never visited. An explicit stack keeps
    // deeply nested lists and block quotes from exhausting the call stack.
    var stack: [(node: OpaquePointer, inListItem: Bool)] = []
    var child = cmark_node_last_child(document)
    while let node = child {
      stack.append((node, false))
      child = cmark_node_previous(node)
    }
    while let (node, inListItem) = stack.popLast() {
      let type = cmark_node_get_type(node)
      let kind: MarkdownBlock.Kind
      switch type {
      case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
      case CMARK_NODE_PARAGRAPH: kind = .paragraph
      case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
      case CMARK_NODE_CODE_BLOCK: kind = .codeBlock
      case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
      default:
        let nested = inListItem || type == CMARK_NODE_ITEM
        var child = cmark_node_last_child(node)
        while let inner = child {
          stack.append((inner, nested))
          child = cmark_node_previous(inner)
        }
        continue
      }
      blocks.append(
        MarkdownBlock(
          kind: kind, inListItem: inListItem,
          startLine: Int(cmark_node_get_start_line(node)), startColumn: Int(cmark_node_get_start_column(node)),
          endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node))))
    }
    return blocks
  }
}
