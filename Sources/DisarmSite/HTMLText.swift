import DisarmParser
import Foundation

/// Text from pages made safe to place in HTML: markup characters escaped, and control characters (a NUL byte, an
/// escape sequence, a bidirectional override) shown as visible escapes rather than passed to the browser. Every piece
/// of page text on the site goes through here or through libcmark's safe renderer.
enum HTMLText {
  /// `text` escaped for an element's content.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      default:
        if isControl(scalar) {
          out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// HTML that libcmark rendered, with control characters (which it passes through) shown as visible escapes.
  static func visibleControls(_ html: String) -> String {
    guard html.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return html }
    var out = ""
    for scalar in html.unicodeScalars {
      if isControl(scalar), scalar != "\n", scalar != "\t" {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Markdown rendered by libcmark's safe renderer, control characters made visible.
  static func markdown(_ text: String) -> String { visibleControls(MarkdownHTML.render(text)) }

  /// Control characters and the invisible formatting characters that can reorder or hide text.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
      || (0x2066...0x2069).contains(value)
  }

  /// `text` for a JSON string inside a `<script>` element: JSON escapes, and `<`, `>`, `&` and the line separators
  /// as `\u` escapes so that no page text can close the script or start markup.
  static func javaScriptString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        out += String(format: "\\u%04x", scalar.value)
      default:
        if scalar.value < 0x20 || isControl(scalar) {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
