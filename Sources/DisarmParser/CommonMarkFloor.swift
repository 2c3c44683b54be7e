import CCmark

/// libcmark's parse and nothing else: the work every page costs before `disarm` does anything of its own. The
/// benchmark (`disarm-bench floor`) measures commands against it; it lives here because only the parser may
/// import the C library.
public enum CommonMarkFloor {
  /// Parses `bytes` with libcmark and frees the document.
  public static func parse(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
        if let document = cmark_parse_document(pointer, buffer.count, CMARK_OPT_DEFAULT) { cmark_node_free(document) }
      }
    }
  }
}
