import DisarmFramework
import DisarmModel
import DisarmWorkbook

/// Which built-in framework a spreadsheet is, when no page folder tells: the one whose identifiers its techniques
/// sheet uses and whose page signatures the technique pages it would make fit (DISARM 2.0 Observations numbers a
/// sub-technique `.000`, which DISARM 1.x never does; the 2026 Assessments framework's are `A0001`). Ties go to
/// DISARM 1.x.
enum WorkbookFramework {
  static func detect(_ workbook: Workbook, candidates: [FrameworkDescription] = BuiltInFrameworks.all)
    -> FrameworkDescription?
  {
    var best: (FrameworkDescription, Int)?
    for framework in candidates where !framework.workbook.isEmpty {
      guard let layout = framework.workbook["technique"], let sheet = workbook.sheet(layout.sheet),
        let folder = framework.kind(.technique)?.folder
      else { continue }
      // Only the identifiers are read: a row without one makes no page, whatever its other cells hold.
      let records = SheetRecords(name: "technique", layout: layout, sheet: sheet, file: "", facts: ["id"])
      let pages = records.records.compactMap { row -> String? in
        guard let id = DisarmID(row["id"].trimmingWhitespace(), in: framework.identifiers), id.kind == .technique
        else { return nil }
        return "\(folder)/\(id).md"
      }
      var score = pages.count
      var ruledOut = false
      for signature in framework.signatures where signature.contains("/") {
        let negative = signature.hasPrefix("!")
        let pattern = negative ? String(signature.dropFirst()) : signature
        let matched = pages.contains { FrameworkDetection.signature(pattern, matches: $0) }
        if negative && matched { ruledOut = true }
        if !negative && matched { score += 1_000_000 }
      }
      if ruledOut || score == 0 { continue }
      if best == nil || score > best!.1 || (score == best!.1 && framework.name == "disarm-1") {
        best = (framework, score)
      }
    }
    return best?.0
  }
}
