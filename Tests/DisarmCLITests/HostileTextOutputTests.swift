import DisarmTestSupport
import Foundation
import Testing

/// Page text is attacker-controlled: names that are spreadsheet formulas and summaries holding terminal escapes,
/// backspaces, C1 controls and bidi overrides. The outputs for people carry none of those controls; CSV cells never
/// start a formula; JSON keeps the exact text, escaped (docs/SECURITY-OUTPUTS.md).
@Suite struct HostileTextOutputTests {
  static let formulaName = "=HYPERLINK(\"http://evil\")"
  static let sumName = "@SUM(1)"
  static let plusName = "+cmd|' /C calc'!A0"
  /// An OSC title change ended by BEL, a backspace, an 8-bit CSI and a right-to-left override.
  static let payload = "Work \u{1B}]0;pwned\u{07} out back\u{08}space 8bit\u{9B}31m csi and \u{202E}txt.exe reversed"
  static let escapedName = "Red \u{1B}[31mtext\u{1B}[0m \u{2066}isolated\u{2069}"

  /// data/ as `old`, and `new`: a copy whose technique names are formulas and whose summary holds the payload.
  static func trees(in root: URL) throws -> (old: URL, new: URL) {
    let old = root.appendingPathComponent("old")
    let new = root.appendingPathComponent("new")
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: old)
    try FileManager.default.copyItem(at: TestSupport.sampleData, to: new)
    try edit(new, "techniques/T0073.md") {
      $0.replacingOccurrences(of: "T0073: Determine Target Audiences", with: "T0073: \(formulaName)")
        .replacingOccurrences(of: "**Summary**: Work out", with: "**Summary**: \(payload) Work out")
    }
    try edit(new, "techniques/T0002.md") {
      $0.replacingOccurrences(of: "T0002: Facilitate State Propaganda", with: "T0002: \(sumName)")
    }
    try edit(new, "techniques/T0085.001.md") {
      $0.replacingOccurrences(of: "T0085.001: Develop AI-Generated Text", with: "T0085.001: \(plusName)")
    }
    try edit(new, "techniques/T0085.md") {
      $0.replacingOccurrences(of: "# Technique T0085: ", with: "# Technique T0085: \(escapedName) ")
    }
    return (old, new)
  }

  static func edit(_ tree: URL, _ path: String, _ change: (String) -> String) throws {
    let file = tree.appendingPathComponent(path)
    let text = try String(contentsOf: file, encoding: .utf8)
    let changed = change(text)
    #expect(changed != text, "\(path) was edited")
    try Data(changed.utf8).write(to: file)
  }

  /// The scalars no output for people may carry: C0 controls but line feed (and tab and carriage return where
  /// `allowing` says), DEL, C1 controls and the bidi overrides and isolates.
  static func forbidden(in text: String, allowing allowed: Set<UInt32> = [0x0A]) -> [String] {
    text.unicodeScalars.filter { scalar in
      switch scalar.value {
      case 0x00...0x1F: !allowed.contains(scalar.value)
      case 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
      default: false
      }
    }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
  }

  @Test func csvCellsNeverStartAFormula() throws {
    let root = TemporaryFolder.make("disarm-hostile-text")
    defer { try? FileManager.default.removeItem(at: root) }
    let (_, new) = try Self.trees(in: root)

    let list = try DisarmProcess.run(["list", "techniques", "--kb", new.path, "--format", "csv"])
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("T0073,technique,\"'=HYPERLINK(\"\"http://evil\"\")\""), "\(list.stdout)")
    #expect(list.stdout.contains("T0002,technique,'@SUM(1),"), "\(list.stdout)")
    #expect(list.stdout.contains("T0085.001,technique,'+cmd|' /C calc'!A0,"), "\(list.stdout)")
    #expect(!list.stdout.contains(",=") && !list.stdout.contains(",@") && !list.stdout.contains(",+"))
    // Printed for people: the controls of the names are shown, not sent.
    #expect(Self.forbidden(in: list.stdout, allowing: [0x0A, 0x0D]) == [], "\(list.stdout)")

    let out = root.appendingPathComponent("csv")
    let export = try DisarmProcess.run(["export", "csv", new.path, "-o", out.path])
    #expect(export.status == 0 || export.status == 1, "\(export.stderr)")
    let techniques = try String(contentsOf: out.appendingPathComponent("techniques.csv"), encoding: .utf8)
    #expect(techniques.contains("T0073,\"'=HYPERLINK(\"\"http://evil\"\")\","), "\(techniques)")
    #expect(techniques.contains("T0002,'@SUM(1),"), "\(techniques)")
    #expect(techniques.contains("T0085.001,'+cmd|' /C calc'!A0,"), "\(techniques)")
    // A file of data keeps the page text exactly, but for the quote that disarms a formula.
    #expect(techniques.contains(Self.payload), "the export keeps the summary exactly")
    for line in techniques.split(separator: "\r\n") {
      for cell in line.split(separator: ",") {
        #expect(!["=", "+", "-", "@"].contains(cell.first), "\(line)")
      }
    }
  }

  @Test func textOutputsCarryNoControlCharacters() throws {
    let root = TemporaryFolder.make("disarm-hostile-text")
    defer { try? FileManager.default.removeItem(at: root) }
    let (old, new) = try Self.trees(in: root)
    let runs: [(String, [String])] = [
      ("list", ["list", "--kb", new.path]),
      ("show", ["show", "T0073", "--kb", new.path, "--no-pager", "--color", "always"]),
      ("show T0085", ["show", "T0085", "--kb", new.path, "--no-pager"]),
      ("show markdown", ["show", "T0073", "--kb", new.path, "--format", "markdown"]),
      ("search", ["search", "pwned", "--kb", new.path, "--color", "always"]),
      ("search name", ["search", "isolated", "--kb", new.path]),
      ("diff text", ["diff", old.path, new.path, "--color", "always"]),
      ("diff markdown", ["diff", old.path, new.path, "--format", "markdown"]),
    ]
    for (name, arguments) in runs {
      let result = try DisarmProcess.run(arguments)
      #expect(result.status == 0, "\(name): \(result.stderr)")
      #expect(!result.stdout.isEmpty, "\(name) printed something")
      // The colours are the only escapes, each ESC [ … m of disarm's own; a page's escape never survives.
      let withoutStyles = result.stdout.replacingOccurrences(
        of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
      #expect(Self.forbidden(in: withoutStyles) == [], "\(name): \(result.stdout)")
      #expect(Self.forbidden(in: result.stderr) == [], "\(name): \(result.stderr)")
    }
  }

  @Test func jsonOutputsKeepTheExactTextEscaped() throws {
    let root = TemporaryFolder.make("disarm-hostile-text")
    defer { try? FileManager.default.removeItem(at: root) }
    let (old, new) = try Self.trees(in: root)
    let runs: [(String, [String], (Any) -> [String])] = [
      (
        "show", ["show", "T0073", "--kb", new.path, "--format", "json"],
        { json in
          let object = (json as? [String: Any])?["object"] as? [String: Any]
          return [object?["name"] as? String, object?["summary"] as? String].compactMap { $0 }
        }
      ),
      (
        "list", ["list", "techniques", "--kb", new.path, "--format", "json"],
        { json in (json as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
      ),
      ("diff", ["diff", old.path, new.path, "--format", "json"], { _ in [] }),
    ]
    for (name, arguments, strings) in runs {
      let result = try DisarmProcess.run(arguments)
      #expect(result.status == 0, "\(name): \(result.stderr)")
      #expect(Self.forbidden(in: result.stdout) == [], "\(name): \(result.stdout)")
      let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
      let texts = strings(json)
      if name == "show" {
        #expect(texts.contains(Self.formulaName), "\(texts)")
        #expect(texts.contains { $0.contains(Self.payload) }, "\(texts)")
      }
      if name == "list" {
        #expect(texts.contains(Self.formulaName) && texts.contains(Self.sumName), "\(texts)")
        #expect(texts.contains { $0.contains(Self.escapedName) }, "\(texts)")
      }
      if name == "diff" { #expect(result.stdout.contains("\\u001b]0;pwned\\u0007"), "\(result.stdout)") }
    }
  }
}
