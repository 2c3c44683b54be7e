import DisarmWorkbook

/// A cell's text as DISARM's generator puts it on a page: the generator reads the workbook with pandas
/// (`read_excel`, then `fillna('')`) and formats values with Python's `str`, so the same number can reach a page as
/// `2016` or `2016.0` depending on the rest of its column. Reproducing that is what makes imported pages
/// byte-identical to the generator's, and what lets `float-year` warn where a page will show `2016.0`.
enum CellText {
  /// How pandas types a column: integers only where every row has an integer, floats where a number column has an
  /// empty cell or a fraction, and each value's own type in a column that mixes text and numbers.
  enum ColumnType: Equatable {
    case integers
    case floats
    case mixed
  }

  /// The texts pandas reads as missing (`na_values`' defaults): such a cell is empty on a page.
  static let missingMarkers: Set<String> = [
    "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA",
    "NULL", "NaN", "None", "n/a", "nan", "null",
  ]

  /// Whether pandas reads `text` as missing. Every marker is ASCII and at most 8 bytes, and only a string of the
  /// same bytes equals one (no other text normalises to ASCII letters, digits or `#./<>-`): so a longer text is not
  /// hashed at all (hashing a cell of a page's length, normalised for non-ASCII letters, cost a fifth of reading the
  /// records).
  static func isMissing(_ text: String) -> Bool {
    text.utf8.count <= 8 && missingMarkers.contains(text)
  }

  /// The type pandas gives a column holding `values` over `rowCount` data rows (a row without a value in the column
  /// is missing).
  static func columnType(_ values: [Workbook.Value], rowCount: Int) -> ColumnType {
    var sawMissing = values.count < rowCount
    var sawFraction = false
    for value in values {
      switch value {
      case .number(let text):
        if isFraction(text) { sawFraction = true }
      case .text(let text) where isMissing(text): sawMissing = true
      case .error: sawMissing = true
      default: return .mixed
      }
    }
    return sawMissing || sawFraction ? .floats : .integers
  }

  /// The text of `value` in a column of `type`.
  static func text(_ value: Workbook.Value?, in type: ColumnType) -> String {
    switch value {
    case nil, .error: return ""
    case .text(let text): return isMissing(text) ? "" : text
    case .bool(let flag): return flag ? "True" : "False"
    case .date(let text): return text
    case .number(let text):
      switch type {
      case .floats: return pythonFloat(text)
      case .integers: return pythonInteger(text) ?? pythonFloat(text)
      // openpyxl gives an integer for a number written without a point or exponent, a float otherwise.
      case .mixed: return isFraction(text) ? pythonFloat(text) : (pythonInteger(text) ?? pythonFloat(text))
      }
    }
  }

  /// Whether openpyxl reads `text` as a float (it has a point or an exponent).
  static func isFraction(_ text: String) -> Bool {
    text.contains(".") || text.contains("e") || text.contains("E")
  }

  static func pythonInteger(_ text: String) -> String? {
    if let integer = Int(text) { return String(integer) }
    guard let double = Double(text), double.rounded() == double, abs(double) < 1e18 else { return nil }
    return String(Int(double))
  }

  /// Python's `repr(float)`: the shortest text that reads back as the same double, which Swift's description also
  /// is, with Python's spelling of the exponent and of whole numbers (`2016.0`).
  static func pythonFloat(_ text: String) -> String {
    guard let double = Double(text) else { return text }
    if double.isNaN { return "" }
    if double.isInfinite { return double < 0 ? "-inf" : "inf" }
    return "\(double)"
  }
}
