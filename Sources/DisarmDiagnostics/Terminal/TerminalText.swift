/// Makes page text safe to print on a terminal: control characters are shown as visible symbols, never sent.
///
/// Escape sequences (ESC, CSI), OSC strings, carriage returns and backspaces in pages could otherwise recolour the
/// terminal, rewrite what was printed, or set the window title; U+2400 "control pictures" show them inert.
public enum TerminalText {
  /// Control characters but tab, and bidirectional overrides, made visible; line feeds too, so apply it per line.
  public static func inert(_ text: String) -> String {
    // Most text needs no change: printable ASCII and multi-byte UTF-8 outside the C1 and bidi ranges. Checking the
    // bytes first saves rebuilding every message scalar by scalar.
    if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) { return text }
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09: result.unicodeScalars.append(scalar)  // tab
      case 0x00...0x1F: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: result.unicodeScalars.append("\u{2421}")
      case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
        // C1 controls (8-bit CSI, OSC) and bidirectional overrides, shown by code point.
        result += "<U+\(String(scalar.value, radix: 16, uppercase: true))>"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
