/// Escaping for the standalone HTML files (the clickable matrices). The markdown whole pages are written as DISARM
/// writes them, unescaped; only generated HTML files escape text taken from pages.
public enum HTMLEscaping {
  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, safe in element content and in
  /// quoted attribute values.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A relative link target: each path segment percent-encoded where a URL needs it (spaces, `%`, `#`, `?`, quotes,
  /// angle brackets, control and non-ASCII bytes), then HTML-escaped for a quoted attribute.
  public static func href(_ path: String) -> String {
    var encoded = ""
    for byte in path.utf8 {
      let keep =
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || "-._~/!$&'()*+,;=:@".utf8.contains(byte)
      if keep {
        encoded.append(Character(Unicode.Scalar(byte)))
      } else {
        let hex = Array("0123456789ABCDEF")
        encoded += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
      }
    }
    return escape(encoded)
  }
}
