import DisarmDiagnostics
import DisarmModel
import Foundation

/// The incidents of a CSV dataset: one row per incident, metadata columns (``CSVColumnMap``) and one column per
/// technique holding 0 or 1. Findings are at `file.csv:ROW:COLUMN`, the row counted as a spreadsheet counts it (the
/// header is row 1) and the column from 1.
///
/// Each technique column's header is resolved once (unknown identifier: error; retired one: warning, its
/// replacement used; a name that drifted from the framework's: warning); each row's techniques are then exactly the
/// columns holding 1. Rows whose cells are all blank are skipped and counted. A row's source identity is
/// `csv:FILE#id=ID` when the dataset has an id column (and the row an id), else `csv:FILE#name=NAME`: the file's
/// name without its folder, so that the same dataset imported from elsewhere finds its pages; renaming a row of a
/// dataset without ids (or the file) therefore makes a new incident.
struct CSVDatasetReader {
  let path: String
  let bytes: [UInt8]
  let map: CSVColumnMap
  let resolver: TechniqueResolver
  /// The byte between fields; nil to tell it from the header row (``CSVDelimiter/detect(in:)``).
  var delimiter: CSVDelimiter? = nil

  /// At most this many findings are listed per file; past it one finding says how many more there were (a dataset
  /// written with `1.0` everywhere would otherwise print millions of lines).
  static let maximumFindings = 10_000

  struct Read {
    var records: [IncidentRecord] = []
    var findings: [Diagnostic] = []
    var remark: String
  }

  /// What each column is read as.
  enum Column {
    case role(CSVColumnMap.Role)
    case source
    /// A technique column and the live technique it stands for (nil when it stands for none: reported already).
    case technique(DisarmID?)
    case notRead
  }

  private struct Findings {
    var listed: [Diagnostic] = []
    var unlisted = 0
    var unlistedErrors = 0

    mutating func add(_ finding: Diagnostic) {
      if listed.count < CSVDatasetReader.maximumFindings {
        listed.append(finding)
      } else {
        unlisted += 1
        if finding.severity == .error { unlistedErrors += 1 }
      }
    }
  }

  func read() -> Read {
    var findings = Findings()
    let delimiter = self.delimiter ?? CSVDelimiter.detect(in: bytes)
    var reader = CSVRecordReader(bytes: bytes, delimiter: delimiter.byte)
    let name = (path as NSString).lastPathComponent
    do throws(CSVRecordReader.Failure) {
      guard let header = try reader.next() else {
        return failed("the file is empty: a CSV dataset starts with a header row")
      }
      var headers: [String] = []
      for (index, field) in header.fields.enumerated() {
        guard let text = reader.text(of: field) else {
          findings.add(error(IncidentFindings.malformed, 1, index + 1, "a header that is not UTF-8 text"))
          headers.append("")
          continue
        }
        headers.append(text.trimmingWhitespace())
      }
      guard !findings.listed.contains(where: { $0.severity == .error }) else {
        return Read(findings: findings.listed, remark: "\(path): not read")
      }
      let columns = assign(headers, findings: &findings)
      guard let nameColumn = columns.firstIndex(where: { if case .role(.name) = $0 { true } else { false } }) else {
        if findings.listed.contains(where: { $0.severity == .error }) {
          return Read(findings: findings.listed, remark: "\(path): not read")
        }
        return failed(
          "no name column: a header 'name' or 'title', or 'name:' in the --columns map (headers: "
            + headers.prefix(12).map { "'\(BoundedText.short($0))'" }.joined(separator: ", ")
            + (headers.count > 12 ? ", …" : "") + ")")
      }
      var records: [IncidentRecord] = []
      var blank = 0
      while let record = try reader.next() {
        guard !isBlank(record, in: reader) else {
          blank += 1
          continue
        }
        if let row = self.record(
          record, columns: columns, headers: headers, nameColumn: nameColumn, reader: reader, file: name,
          findings: &findings)
        {
          records.append(row)
        }
      }
      if findings.unlisted > 0 {
        findings.listed.append(
          IncidentFindings.finding(
            IncidentFindings.dirtyCell, .whole(path),
            "\(findings.unlisted) more findings in this file are not listed (\(findings.unlistedErrors) errors); "
              + "only the first \(Self.maximumFindings) are",
            severity: findings.unlistedErrors > 0 ? .error : .warning))
      }
      let techniques = columns.filter { if case .technique = $0 { true } else { false } }.count
      let separated = delimiter == .comma ? "" : " separated by \(delimiter.shown)"
      var remark =
        "\(path): CSV dataset\(separated), \(IncidentFileReader.count(records)), \(techniques) technique columns"
      if blank > 0 { remark += ", \(blank) blank row\(blank == 1 ? "" : "s") skipped" }
      let unread = zip(headers.indices, columns).compactMap { index, column -> String? in
        guard case .notRead = column else { return nil }
        return headers[index].isEmpty ? "column \(index + 1) (no header)" : "'\(BoundedText.short(headers[index]))'"
      }
      if !unread.isEmpty {
        remark += "; not read: " + unread.prefix(10).joined(separator: ", ") + (unread.count > 10 ? ", …" : "")
      }
      return Read(records: records, findings: findings.listed, remark: remark)
    } catch {
      // Listed whatever the bound: it is why the file was not read.
      findings.listed.append(
        self.error(IncidentFindings.malformed, error.row, error.column, "not readable as CSV: " + error.message))
      return Read(findings: findings.listed, remark: "\(path): not read")
    }
  }

  private func failed(_ message: String) -> Read {
    Read(
      findings: [
        IncidentFindings.finding(IncidentFindings.malformed, InputPlace(file: path, line: 1, column: 1), message)
      ],
      remark: "\(path): not read")
  }

  private func error(_ rule: RuleDescription, _ row: Int, _ column: Int, _ message: String, severity: Severity? = nil)
    -> Diagnostic
  {
    IncidentFindings.finding(rule, InputPlace(file: path, line: row, column: column), message, severity: severity)
  }

  // MARK: - Columns

  /// What each header is read as: the roles the map names (else the default headers), the source columns, the
  /// technique columns (resolved, with their names checked), and the rest not read.
  private func assign(_ headers: [String], findings: inout Findings) -> [Column] {
    let folded = headers.map(CSVColumnMap.folded)
    var columns = [Column](repeating: .notRead, count: headers.count)
    var taken = Set<Int>()
    for role in CSVColumnMap.Role.allCases {
      if let wanted = map.named[role] {
        guard let index = folded.indices.first(where: { folded[$0] == wanted && !taken.contains($0) }) else {
          let place = map.namedAt[role] ?? .whole(path)
          findings.add(
            IncidentFindings.finding(
              IncidentFindings.malformed, place,
              "--columns: \(role.rawValue) is column '\(wanted)', which \((path as NSString).lastPathComponent) "
                + "does not have"))
          continue
        }
        columns[index] = .role(role)
        taken.insert(index)
        continue
      }
      for candidate in CSVColumnMap.defaults[role] ?? [] {
        if let index = folded.indices.first(where: { folded[$0] == candidate && !taken.contains($0) }) {
          columns[index] = .role(role)
          taken.insert(index)
          break
        }
      }
    }
    if let sources = map.sources {
      for wanted in sources {
        guard let index = folded.indices.first(where: { folded[$0] == wanted && !taken.contains($0) }) else {
          findings.add(
            IncidentFindings.finding(
              IncidentFindings.malformed, map.sourcesAt[wanted] ?? .whole(path),
              "--columns: source column '\(wanted)' is not in \((path as NSString).lastPathComponent)"))
          continue
        }
        columns[index] = .source
        taken.insert(index)
      }
    }
    for index in headers.indices where !taken.contains(index) && !map.ignored.contains(folded[index]) {
      if let technique = techniqueColumn(headers[index], folded: folded[index], column: index + 1, findings: &findings)
      {
        columns[index] = .technique(technique)
      } else if map.sources == nil && CSVColumnMap.isDefaultSource(folded[index]) {
        columns[index] = .source
      }
    }
    return columns
  }

  /// The technique a header stands for: `.some(id)` for a technique column (`.some(nil)` when its identifier is
  /// unknown, reported), nil for a column that is no technique column.
  private func techniqueColumn(_ header: String, folded: String, column: Int, findings: inout Findings) -> DisarmID?? {
    let place = InputPlace(file: path, line: 1, column: column)
    var sink: [Diagnostic] = []
    defer { for finding in sink { findings.add(finding) } }
    if let identifier = map.techniqueColumns[folded] {
      return .some(resolver.resolve(TechniqueReference(identifiers: [identifier]), at: place, findings: &sink))
    }
    var text = Substring(header)
    if !map.techniquePrefix.isEmpty {
      guard text.lowercased().hasPrefix(map.techniquePrefix.lowercased()) else { return nil }
      text = text.dropFirst(map.techniquePrefix.count)
    }
    text = text.drop { $0 == " " }
    let token = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") }
    let identifierText = token.hasSuffix(".") ? token.dropLast() : token
    guard !identifierText.isEmpty, let written = resolver.identifier(String(identifierText)) else { return nil }
    var rest = text.dropFirst(identifierText.count)
    // `ID_Name`, `ID Name`, `ID - Name`, `ID: Name`: the separator is not part of the name.
    rest = rest.drop { $0 == "_" || $0 == " " || $0 == "-" || $0 == ":" || $0 == "." || $0 == "\t" }
    let live = resolver.resolve(TechniqueReference(identifiers: [written.string]), at: place, findings: &sink)
    if let live, live == written, !rest.isEmpty, let framework = resolver.kb[live]?.name {
      let given = String(rest).replacingOccurrences(of: "_", with: " ")
      if given != framework {
        let how =
          TechniqueResolver.folded(given) == TechniqueResolver.folded(framework)
          ? " (spacing or case differs)" : ""
        sink.append(
          IncidentFindings.finding(
            IncidentFindings.dirtyCell, place,
            "header names \(live) '\(BoundedText.short(given))'; the framework calls it '\(framework)'\(how); "
              + "read as \(live) by its identifier"))
      }
    }
    return .some(live)
  }

  // MARK: - Rows

  private func isBlank(_ record: CSVRecordReader.Record, in reader: CSVRecordReader) -> Bool {
    record.fields.allSatisfy { field in
      reader.bytes[field.range].allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
    }
  }

  /// One row as an incident record, nil when it cannot be one (its errors reported).
  private func record(
    _ record: CSVRecordReader.Record, columns: [Column], headers: [String], nameColumn: Int,
    reader: CSVRecordReader, file: String, findings: inout Findings
  ) -> IncidentRecord? {
    let row = record.row
    var values: [CSVColumnMap.Role: String] = [:]
    var urls: [String] = []
    var techniques: [TechniqueUse] = []
    var readable = true
    for (index, field) in record.fields.enumerated() {
      let column = index + 1
      guard index < columns.count else {
        if !reader.bytes[field.range].allSatisfy({ $0 == 32 || $0 == 9 }) {
          findings.add(
            error(
              IncidentFindings.dirtyCell, row, column,
              "a cell beyond the header's \(columns.count) columns; not read"))
        }
        continue
      }
      switch columns[index] {
      case .notRead: continue
      case .technique(let technique):
        // The usual cells, compared as bytes: `1`, `0` and blank.
        if reader.field(field, is: "1") {
          if let technique { techniques.append(use(technique, row, column)) }
          continue
        }
        if field.range.isEmpty || reader.field(field, is: "0") { continue }
        guard let text = reader.text(of: field) else {
          findings.add(error(IncidentFindings.malformed, row, column, "a cell that is not UTF-8 text"))
          readable = false
          continue
        }
        switch CSVTechniqueCell.read(text) {
        case .clean(let uses):
          if uses, let technique { techniques.append(use(technique, row, column)) }
        case .dirty(let uses, let remark):
          findings.add(error(IncidentFindings.dirtyCell, row, column, "\(label(technique, headers[index])): \(remark)"))
          if uses, let technique { techniques.append(use(technique, row, column)) }
        case .errorValue(let value):
          findings.add(
            error(
              IncidentFindings.dirtyCell, row, column,
              "\(label(technique, headers[index])): the spreadsheet error value \(value) (a formula that did not "
                + "compute); read as 0"))
        case .unreadable(let value):
          findings.add(
            error(
              IncidentFindings.dirtyCell, row, column,
              "\(label(technique, headers[index])): '\(BoundedText.short(value))' is not 0 or 1; the row's "
                + "incident may or may not use the technique",
              severity: .error))
          readable = false
        }
      case .role(let role):
        guard let text = cellText(field, row, column, reader: reader, findings: &findings) else {
          if reader.text(of: field) == nil { readable = false }
          continue
        }
        if !text.isEmpty { values[role] = text }
      case .source:
        guard let text = cellText(field, row, column, reader: reader, findings: &findings) else { continue }
        let (found, other) = Self.webAddresses(in: text)
        for url in found where !urls.contains(url) { urls.append(url) }
        if !other.isEmpty {
          findings.add(
            error(
              IncidentFindings.dirtyCell, row, column,
              "'\(BoundedText.short(other.joined(separator: " ")))' is not a web address; not added to the "
                + "references"))
        }
      }
    }
    guard readable else { return nil }
    guard let name = values[.name].map(InputText.name), !name.isEmpty else {
      findings.add(
        error(IncidentFindings.malformed, row, nameColumn + 1, "a row without a name (every incident needs one)"))
      return nil
    }
    var year: String?
    if let text = values[.year] {
      year = InputText.year(text.trimmingWhitespace())
      if year == nil, let column = columns.firstIndex(where: { if case .role(.year) = $0 { true } else { false } }) {
        findings.add(
          error(
            IncidentFindings.dirtyCell, row, column + 1,
            "'\(BoundedText.short(text))' does not start with a year; Year started is left as the page has it"))
      }
    }
    let countries = IncidentCountries.field(
      attributed: values[.actor].map { [$0] } ?? [], foundIn: values[.country].map { [$0] } ?? [])
    let identity: String
    if let id = values[.id].map(InputText.name), !id.isEmpty {
      identity = "csv:\(file)#id=\(id)"
    } else {
      identity = "csv:\(file)#name=\(name)"
    }
    return IncidentRecord(
      identity: identity, name: name, summary: values[.summary], yearStarted: year, countries: countries,
      foundVia: values[.foundVia], dateAdded: nil, techniques: techniques, references: urls.isEmpty ? nil : urls,
      place: InputPlace(file: path, line: row, column: nameColumn + 1))
  }

  private func use(_ technique: DisarmID, _ row: Int, _ column: Int) -> TechniqueUse {
    TechniqueUse(
      reference: TechniqueReference(identifiers: [technique.string]), description: "",
      place: InputPlace(file: path, line: row, column: column))
  }

  /// How a message names a technique column: its technique, else its header.
  private func label(_ technique: DisarmID?, _ header: String) -> String {
    technique.map { "\($0)" } ?? "'\(BoundedText.short(header))'"
  }

  /// A metadata cell's text, trimmed; a spreadsheet error value is blank (with a warning), bytes that are not UTF-8
  /// an error (nil).
  private func cellText(
    _ field: CSVRecordReader.Field, _ row: Int, _ column: Int, reader: CSVRecordReader, findings: inout Findings
  ) -> String? {
    guard let text = reader.text(of: field) else {
      findings.add(error(IncidentFindings.malformed, row, column, "a cell that is not UTF-8 text"))
      return nil
    }
    let trimmed = text.trimmingWhitespace()
    if CSVTechniqueCell.errorValues.contains(trimmed.uppercased()) {
      findings.add(
        error(
          IncidentFindings.dirtyCell, row, column,
          "the spreadsheet error value \(trimmed) (a formula that did not compute); read as blank"))
      return ""
    }
    return trimmed
  }

  /// The `http(s)` addresses in a source cell (several may be separated by spaces, line breaks or `;`), and the
  /// other words it holds.
  static func webAddresses(in text: String) -> (urls: [String], other: [String]) {
    var urls: [String] = []
    var other: [String] = []
    for word in text.split(whereSeparator: { $0.isWhitespace || $0 == ";" }) {
      var candidate = Substring(word)
      while let last = candidate.last, last == "," || last == "." { candidate = candidate.dropLast() }
      let lower = candidate.lowercased()
      if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
        urls.append(String(candidate))
      } else if !candidate.isEmpty {
        other.append(String(candidate))
      }
    }
    return (urls, other)
  }
}

/// Text from an input shortened for a message: one line (line breaks and tabs as spaces, other spaces kept, so that
/// a doubled space shows), other control characters and bidirectional overrides dropped, at most 60 characters.
enum BoundedText {
  static func short(_ text: String) -> String {
    var line = ""
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\r" || scalar == "\t" {
        line.unicodeScalars.append(" ")
      } else if TerminalText.visible(scalar) == nil {
        line.unicodeScalars.append(scalar)
      }
    }
    return line.count > 60 ? String(line.prefix(59)) + "…" : line
  }
}
