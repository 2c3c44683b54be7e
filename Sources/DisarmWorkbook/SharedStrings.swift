/// The shared strings part: every `<si>` item's text, runs of rich text (`<r><t>…</t></r>`) joined; phonetic runs
/// (`<rPh>`) left out, as spreadsheet programs show them.
enum SharedStrings {
  static func read(_ bytes: [UInt8], path: String) throws(WorkbookError) -> [String] {
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var phonetic = 0
    try WorkbookParts.scan(bytes, path: path, part: "xl/sharedStrings.xml") { event in
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
          strings.append(current)
          inItem = false
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
      case .text(let text):
        if inItem, inText, phonetic == 0 { current += text }
      }
    }
    return strings
  }
}
