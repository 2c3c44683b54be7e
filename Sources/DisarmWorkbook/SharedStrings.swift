#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The shared strings part: every `<si>` item's text, runs of rich text (`<r><t>…</t></r>`) joined; phonetic runs
/// (`<rPh>`) left out, as spreadsheet programs show them; Excel's `_xHHHH_` escapes decoded.
enum SharedStrings {
  static func read(_ bytes: [UInt8], path: String) throws(WorkbookError) -> [String] {
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var phonetic = 0
    var tooLong: Int?
    var scanner = XMLScanner(bytes)
    while let event = try WorkbookParts.next(in: &scanner, path: path, part: "xl/sharedStrings.xml") {
      switch event {
      case .start(let name, _, let selfClosing):
        switch WorkbookParts.local(name) {
        case "si":
          current = ""
          inItem = !selfClosing
          if selfClosing { strings.append("") }
        case "t": inText = !selfClosing
        case "rPh": phonetic += selfClosing ? 0 : 1
        default: break
        }
      case .end(let name):
        switch WorkbookParts.local(name) {
        case "si":
          strings.append(unescape(current))
          inItem = false
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
      case .text(let text):
        if inItem, inText, phonetic == 0 {
          if current.utf8.count + text.utf8.count > Workbook.cellByteLimit {
            tooLong = strings.count
          } else {
            current += text
          }
        }
      }
    }
    if let tooLong {
      throw WorkbookError(
        path: path,
        "xl/sharedStrings.xml: shared string \(tooLong) holds more than \(Workbook.cellByteLimit) bytes of text (refused)"
      )
    }
    return strings
  }

  /// Text with Excel's escapes decoded: `_xHHHH_` is the character U+HHHH. Excel writes so what XML 1.0 cannot hold
  /// (control characters) and what XML reading would change (a carriage return, read back as a line feed), and
  /// `_x005F_` for a `_` that would otherwise begin such an escape. An escape naming no character (a surrogate) is
  /// left as it is.
  static func unescape(_ text: String) -> String {
    var text = text
    let hasUnderscore = text.withUTF8 { buffer in
      guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
      return memchr(base, Int32(UInt8(ascii: "_")), buffer.count) != nil
    }
    guard hasUnderscore else { return text }
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if let value = escapedValue(in: bytes, at: index), let scalar = Unicode.Scalar(value) {
        out += Array(String(Character(scalar)).utf8)
        index += 7
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The value of the escape `_xHHHH_` (four hexadecimal digits, either case) starting at `index`, if one does.
  static func escapedValue(in bytes: [UInt8], at index: Int) -> UInt32? {
    guard index + 7 <= bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
      bytes[index + 6] == UInt8(ascii: "_")
    else { return nil }
    var value: UInt32 = 0
    for byte in bytes[(index + 2)..<(index + 6)] {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(byte - UInt8(ascii: "A") + 10)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(byte - UInt8(ascii: "a") + 10)
      default: return nil
      }
    }
    return value
  }
}
