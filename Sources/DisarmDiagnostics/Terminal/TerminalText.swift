/// Makes page text safe to print on a terminal: control characters are shown as visible symbols, never sent.
///
/// Escape sequences (ESC, CSI), OSC strings, carriage returns and backspaces in pages could otherwise recolour the
/// terminal, rewrite what was printed, or set the window title; U+2400 "control pictures" show them inert. C1
/// controls (an 8-bit CSI is U+009B) and the bidirectional overrides and isolates, which make text read in another
/// order than it is stored, are shown by code point. Every text output of `disarm` prints page text through here
/// (docs/SECURITY-OUTPUTS.md).
public enum TerminalText {
  /// Control characters but tab, and bidirectional overrides, made visible; line feeds too, so apply it per line.
  public static func inert(_ text: String) -> String {
    // Most text needs no change: printable ASCII and multi-byte UTF-8 outside the C1 and bidi ranges. Checking the
    // bytes first saves rebuilding every message scalar by scalar.
    if !needsChange(text) { return text }
    var result = ""
    result.unicodeScalars.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        result.unicodeScalars.append(scalar)
      } else if let shown = visible(scalar) {
        result += shown
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether `text` holds anything ``visible(_:)`` shows differently, judged on its UTF-8 bytes: a C0 control but
  /// tab, DEL, a C1 control (`C2 80`–`C2 9F`) or a bidi override or isolate (`E2 80 AA`–`E2 80 AE`,
  /// `E2 81 A6`–`E2 81 A9`). Other multi-byte text (dashes, quotes, accents) needs no change.
  static func needsChange(_ text: String) -> Bool {
    // Read in place (every line of every finding comes through here): printable ASCII, most of the text, is passed
    // over with one comparison per byte.
    if let found = text.utf8.withContiguousStorageIfAvailable({ needsChange(bytes: $0) }) { return found }
    return Array(text.utf8).withUnsafeBufferPointer { needsChange(bytes: $0) }
  }

  private static func needsChange(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in bytes {
      if byte &- 0x20 < 0x5F {
        // Printable ASCII (0x20 to 0x7E): never shown differently, nor the start of a sequence that is.
        previous = (previous.1, byte)
        continue
      }
      switch byte {
      case 0x09: break
      case 0x00..<0x20, 0x7F: return true
      case 0x80...0x9F where previous.1 == 0xC2: return true
      case 0xAA...0xAE where previous == (0xE2, 0x80): return true
      case 0xA6...0xA9 where previous == (0xE2, 0x81): return true
      default: break
      }
      previous = (previous.1, byte)
    }
    return false
  }

  /// What `scalar` is shown as when it must not reach a terminal or a document as it is, or nil when it is
  /// printable: C0 controls (tab and line feed included) and DEL as their control pictures (`␛`, `␡`), C1 controls
  /// and bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069) as `<U+202E>`.
  public static func visible(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x00...0x1F: String(Unicode.Scalar(0x2400 + scalar.value)!)
    case 0x7F: "\u{2421}"
    case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: "<U+\(String(scalar.value, radix: 16, uppercase: true))>"
    default: nil
    }
  }
}
