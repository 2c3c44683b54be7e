/// Horizontal bars of block characters for the terminal: whole blocks (`█`) and one of the seven eighth-blocks
/// (`▏▎▍▌▋▊▉`) for the remainder, so that a bar's length is exact to an eighth of a column.
public enum BarChart {
  static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// A bar for `value` out of `maximum`, at most `width` columns; a non-zero value shows at least an eighth.
  public static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
    guard maximum > 0, value > 0, width > 0 else { return "" }
    let total = max(1, Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()))
    return String(repeating: "█", count: total / 8) + eighths[total % 8]
  }
}
