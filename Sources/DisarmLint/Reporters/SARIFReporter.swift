import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// Reports diagnostics as a SARIF 2.1.0 log, for code-scanning services.
public enum SARIFReporter {
  /// The `$schema` code-scanning services check the log against.
  public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

  /// The log. `pathPrefix` makes page-folder-relative paths repository-relative (`uriBaseId` `%SRCROOT%`).
  public static func report(
    _ diagnostics: [Diagnostic], rules: [RuleDescription], version: String, pathPrefix: String = ""
  )
    -> [UInt8]
  {
    let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
    let results: [JSONValue] = diagnostics.sorted().map { diagnostic in
      let physical = physicalLocation(
        file: diagnostic.file, line: diagnostic.line, column: diagnostic.column, range: diagnostic.range,
        pathPrefix: pathPrefix)
      var result: [String: JSONValue] = [
        "ruleId": .string(diagnostic.rule.rawValue),
        "level": .string(level(diagnostic.severity)),
        "message": .object(["text": .string(diagnostic.message)]),
        "locations": .array([location(diagnostic, physical: physical, pathPrefix: pathPrefix)]),
      ]
      if let index = ruleIndex[diagnostic.rule] { result["ruleIndex"] = .int(index) }
      if !diagnostic.notes.isEmpty {
        result["relatedLocations"] = .array(
          diagnostic.notes.enumerated().map { index, note in
            .object([
              "id": .int(index),
              "message": .object(["text": .string(note.message)]),
              "physicalLocation": physicalLocation(
                file: note.file, line: note.line, column: note.column, range: note.range, pathPrefix: pathPrefix),
            ])
          })
      }
      if !diagnostic.fixIts.isEmpty {
        result["fixes"] = .array(diagnostic.fixIts.map { fix(fix: $0, file: diagnostic.file, pathPrefix: pathPrefix) })
      }
      return .object(result)
    }
    let driverRules: [JSONValue] = rules.map { rule in
      .object([
        "id": .string(rule.id.rawValue),
        "shortDescription": .object(["text": .string(rule.summary)]),
        "fullDescription": .object(["text": .string(rule.explanation.isEmpty ? rule.summary : rule.explanation)]),
        "defaultConfiguration": .object(["level": .string(level(rule.severity))]),
      ])
    }
    return JSONWriter.write(
      .object([
        "$schema": .string(schema),
        "version": .string("2.1.0"),
        "runs": .array([
          .object([
            "tool": .object([
              "driver": .object([
                "name": .string("disarm"),
                "version": .string(version),
                "informationUri": .string("https://github.com/disarm-tools/disarm"),
                "rules": .array(driverRules),
              ])
            ]),
            "results": .array(results),
          ])
        ]),
      ]))
  }

  /// A SARIF `physicalLocation`: the file, and the region when there is a line (with its end when known).
  /// A result's location: the page and region, or for a spreadsheet cell the workbook file and the cell as a
  /// logical location (`tactics!A2`), which code-scanning services show beside the file.
  static func location(_ diagnostic: Diagnostic, physical: JSONValue, pathPrefix: String) -> JSONValue {
    guard let (file, place) = diagnostic.spreadsheetPlace else { return .object(["physicalLocation": physical]) }
    return .object([
      "physicalLocation": physicalLocation(file: file, line: 0, column: 0, range: nil, pathPrefix: pathPrefix),
      "logicalLocations": .array([.object(["fullyQualifiedName": .string(place), "kind": .string("element")])]),
    ])
  }

  static func physicalLocation(file: String, line: Int, column: Int, range: SourceRange?, pathPrefix: String)
    -> JSONValue
  {
    var physical: [String: JSONValue] = [
      "artifactLocation": .object([
        "uri": .string(uriEscaped(pathPrefix + file)), "uriBaseId": .string("%SRCROOT%"),
      ])
    ]
    if line > 0 {
      var region: [String: JSONValue] = ["startLine": .int(line)]
      if column > 0 { region["startColumn"] = .int(column) }
      if let range {
        region["endLine"] = .int(range.end.line)
        region["endColumn"] = .int(range.end.column)
      }
      physical["region"] = .object(region)
    }
    return .object(physical)
  }

  /// A SARIF `fix`: one artifact change replacing the fix-it's region.
  static func fix(fix: FixIt, file: String, pathPrefix: String) -> JSONValue {
    let region: JSONValue = .object([
      "startLine": .int(fix.range.start.line), "startColumn": .int(fix.range.start.column),
      "endLine": .int(fix.range.end.line), "endColumn": .int(fix.range.end.column),
    ])
    return .object([
      "description": .object(["text": .string(fix.message)]),
      "artifactChanges": .array([
        .object([
          "artifactLocation": .object([
            "uri": .string(uriEscaped(pathPrefix + file)), "uriBaseId": .string("%SRCROOT%"),
          ]),
          "replacements": .array([
            .object(["deletedRegion": region, "insertedContent": .object(["text": .string(fix.replacement)])])
          ]),
        ])
      ]),
    ])
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  /// Percent-encodes what a URI reference may not hold (spaces in `techniques/T0039 .md`).
  static func uriEscaped(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
      let isUnreserved =
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/")].contains(
          byte)
      result +=
        isUnreserved ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
    }
    return result
  }
}

extension String {
  func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
