import DisarmDiagnostics
import DisarmRegeneration
import Foundation

/// The `name-whitespace` fix: the heading line of a regenerated object page without spaces around the name.
enum NameFix {
  static func trimmingHeadingName(_ page: RenderedPage) -> RenderedPage {
    guard page.path.contains("/"), page.bytes.first == UInt8(ascii: "#"),
      let end = page.bytes.firstIndex(of: UInt8(ascii: "\n"))
    else { return page }
    let heading = String(decoding: page.bytes[..<end], as: UTF8.self)
    guard let colon = heading.firstIndex(of: ":") else { return page }
    let name = heading[heading.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    let fixed = heading[...colon] + " " + name
    guard fixed != heading else { return page }
    var result = page
    result.bytes = Array(fixed.utf8) + page.bytes[end...]
    return result
  }
}
