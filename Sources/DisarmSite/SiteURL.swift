import Foundation

/// Addresses the site writes into `href` and `src` attributes. Everything that becomes part of an address comes from
/// input someone else wrote (a framework description's folder names, page text, the command line), so it is checked
/// here: path segments are limited to safe characters, addresses from outside are allowed only as http, https or
/// mailto or as relative paths, and nothing with a control character, a backslash or another scheme (`javascript:`,
/// `data:`, `vbscript:`, `file:`) reaches an attribute.
enum SiteURL {
  /// The schemes an address taken from input may have.
  static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

  /// Whether `segment` can be a folder name on the site as it is: ASCII letters, digits, `-`, `_` and `.` (not first),
  /// at most 100 characters. Anything else (markup, a colon, a space, `..`) is refused rather than encoded, so the
  /// folder names on disk and in links are the same plain words.
  static func isSafeSegment(_ segment: String) -> Bool {
    guard !segment.isEmpty, segment.utf8.count <= 100, segment.utf8.first != UInt8(ascii: ".") else { return false }
    return segment.utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
        true
      default: false
      }
    }
  }

  /// The scheme of `address` (lowercased), or nil for a relative address. The scheme is what comes before the first
  /// colon when no `/`, `?` or `#` comes before it, as a browser reads it.
  static func scheme(of address: String) -> String? {
    for (offset, byte) in address.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: ":"): return String(address.utf8.prefix(offset))?.lowercased()
      case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return nil
      default: continue
      }
    }
    return nil
  }

  /// `address` ready for an attribute value (HTML-escaped), or nil when it must not be linked: another scheme than
  /// http, https or mailto; a scheme-relative (`//host`) address; whitespace at either end; a control character or
  /// a backslash anywhere (browsers drop tabs and newlines inside a scheme and read `\` as `/`).
  static func checked(_ address: String) -> String? {
    guard !address.isEmpty,
      !address.unicodeScalars.contains(where: { HTMLText.isControl($0) || $0 == "\\" || $0 == "\u{2028}" }),
      address.trimmingCharacters(in: .whitespaces) == address, !address.hasPrefix("//")
    else { return nil }
    if let scheme = scheme(of: address), !allowedSchemes.contains(scheme) { return nil }
    return HTMLText.escape(address)
  }

  /// Removes the addresses `checked` refuses from HTML that libcmark wrote: every `href="…"` and `src="…"` whose
  /// value is refused gets an empty value. libcmark's safe mode already empties `javascript:`, `vbscript:` and
  /// `file:` links but keeps `data:image/…`; this makes the site's rule the one rule. libcmark writes `"` in text
  /// as `&quot;`, so every `href="` and `src="` in its output opens an attribute.
  static func checkingAttributes(in html: String) -> String {
    // One pass over the bytes: `String.range(of:)` from each attribute, for both names, rescans the rest of the page
    // (a cost that grows with links times length).
    // Most summaries and notes have no link or image at all: no attribute, nothing to copy.
    guard html.utf8.contains(UInt8(ascii: "=")) else { return html }
    let bytes = Array(html.utf8)
    let href = Array("href=\"".utf8)
    let src = Array("src=\"".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var copied = 0
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      let name = byte == UInt8(ascii: "h") ? href : byte == UInt8(ascii: "s") ? src : []
      guard !name.isEmpty, i + name.count <= bytes.count, bytes[i..<(i + name.count)].elementsEqual(name) else {
        i += 1
        continue
      }
      let valueStart = i + name.count
      guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
      let raw = String(decoding: bytes[valueStart..<end], as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
      out += bytes[copied..<valueStart]
      if checked(raw) != nil { out += bytes[valueStart..<end] }
      copied = end
      i = end
    }
    out += bytes[copied...]
    return String(decoding: out, as: UTF8.self)
  }
}
