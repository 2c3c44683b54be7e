import Foundation

/// The text of a Word document (`.docx`), paragraph by paragraph, for `disarm tag`.
///
/// A `.docx` file is a zip of XML parts like a workbook, and as untrusted: it is read with the same bounded zip
/// reading (no part may inflate beyond what its entry declares, nor all of them beyond ten times the file plus
/// 64 MiB) and the same XML scanner (no document type declarations, so no entity expansion). Only
/// `word/document.xml` is read: a paragraph (`w:p`) is the text of its runs (`w:t`), a tab (`w:tab`) a tab and a
/// line break (`w:br`, `w:cr`) a line break.
public enum WordDocument {
  /// The paragraphs of the document at `path`, in order (empty paragraphs included, so that numbers match Word's).
  public static func paragraphs(path: String) throws(WorkbookError) -> [String] {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw WorkbookError(path: path, "no such file, or not a file")
    }
    let size = Int(info.st_size)
    guard size <= 1 << 31, let data = FileManager.default.contents(atPath: path) else {
      throw WorkbookError(path: path, "cannot be read")
    }
    let bytes = [UInt8](data)
    let directory: ZipDirectory
    do {
      directory = try ZipDirectory(bytes)
    } catch {
      throw WorkbookError(path: path, "not a Word document, or a damaged one (\(error.reason))")
    }
    var reader = PartReader(
      source: .zip(bytes, directory), path: path, budget: Workbook.inflationBudget(forFileOfSize: size))
    guard let document = try reader.optional("word/document.xml") else {
      throw WorkbookError(path: path, "not a Word document: it has no word/document.xml")
    }
    return try paragraphs(xml: document, path: path)
  }

  /// The paragraphs of a `word/document.xml` part.
  public static func paragraphs(xml: [UInt8], path: String) throws(WorkbookError) -> [String] {
    var paragraphs: [String] = []
    var current = ""
    var inText = false
    try WorkbookParts.scan(xml, path: path, part: "word/document.xml") { event in
      switch event {
      case .start(let name, _, let selfClosing):
        switch WorkbookParts.local(name) {
        case "p":
          if selfClosing { paragraphs.append("") } else { current = "" }
        case "t": inText = !selfClosing
        case "tab": current += "\t"
        case "br", "cr": current += "\n"
        default: break
        }
      case .end(let name):
        switch WorkbookParts.local(name) {
        case "p":
          paragraphs.append(current)
          current = ""
        case "t": inText = false
        default: break
        }
      case .text(let text):
        if inText { current += text }
      }
    }
    return paragraphs
  }
}
