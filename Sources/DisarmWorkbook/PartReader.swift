/// Reads the parts of the archive, each within the size its directory entry declares and all within a budget.
struct PartReader: @unchecked Sendable {
  enum Source {
    case zip([UInt8], ZipDirectory)
    case parts([String: [UInt8]])
  }

  let source: Source
  let path: String
  var budget: Int

  /// How many bytes the part `name` declares it inflates to; nil when the archive has no such part.
  func declaredSize(of name: String) -> Int? {
    switch source {
    case .parts(let parts): parts[name]?.count
    case .zip(_, let directory): directory.entries[name]?.uncompressedSize
    }
  }

  /// Whether the part is in the zip, deflated (what ``inflatePieces(_:within:into:)`` reads).
  func isDeflated(_ name: String) -> Bool {
    guard case .zip(_, let directory) = source else { return false }
    return directory.entries[name]?.method == 8
  }

  /// The part's bytes, or nil when the archive has no such part; its size is taken from the budget.
  mutating func optional(_ name: String) throws(WorkbookError) -> [UInt8]? {
    guard let bytes = try inflate(name, within: budget) else { return nil }
    budget -= bytes.count
    return bytes
  }

  mutating func required(_ name: String) throws(WorkbookError) -> [UInt8] {
    guard let bytes = try optional(name) else { throw WorkbookError(path: path, "the workbook has no part \(name)") }
    return bytes
  }

  /// The part's bytes (nil when the archive has no such part), refused if its entry declares more than `budget`.
  func inflate(_ name: String, within budget: Int) throws(WorkbookError) -> [UInt8]? {
    switch source {
    case .parts(let parts): return parts[name]
    case .zip(let file, let directory):
      guard let entry = directory.entries[name] else { return nil }
      if entry.method == 0 {
        try check(name, entry, within: budget)
        return Array(file[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)])
      }
      return try inflating(name, entry, of: file, within: budget) { inflation throws(PartInflation.Failure) in
        try inflation.inflateWhole()
      }
    }
  }

  /// A worksheet part without its empty rows and cells (``EmptyElementFilter``), filtered while it is inflated, and
  /// how many bytes it inflated to (what the budget is charged); nil when the archive has no such part. A part with
  /// a CDATA section comes whole (it is inflated again).
  func inflateSheet(_ name: String, within budget: Int) throws(WorkbookError) -> (bytes: [UInt8], inflated: Int)? {
    guard case .zip(let file, let directory) = source, let entry = directory.entries[name], entry.method == 8 else {
      return try inflate(name, within: budget).map { (EmptyElementFilter.filtered($0), $0.count) }
    }
    let filtered = try inflating(name, entry, of: file, within: budget) { inflation throws(PartInflation.Failure) in
      try Self.filter(inflation).map { ($0, inflation.total) }
    }
    if let filtered { return filtered }
    return try inflate(name, within: budget).map { ($0, $0.count) }
  }

  /// Inflates a deflated part piece by piece into `pipeline`, for another task to filter (``filterPiped(_:within:from:)``),
  /// and ends it with the outcome: an error as ``inflateSheet(_:within:)`` would throw it.
  func inflatePieces(_ name: String, within budget: Int, into pipeline: FilterPipeline) {
    guard case .zip(let file, let directory) = source, let entry = directory.entries[name], entry.method == 8 else {
      preconditionFailure("only a deflated part of a zip is inflated piece by piece")
    }
    do throws(WorkbookError) {
      try inflating(name, entry, of: file, within: budget) { inflation throws(PartInflation.Failure) in
        while !inflation.ended {
          let piece = pipeline.emptyPiece()
          let count: Int
          do throws(PartInflation.Failure) {
            count = try inflation.inflate(into: piece)
          } catch {
            pipeline.giveBack(piece)
            throw error
          }
          pipeline.put(piece, count: count)
        }
      }
      pipeline.finish(nil)
    } catch {
      pipeline.finish(error)
    }
  }

  /// The sheet `name` inflated into `pipeline` by ``inflatePieces(_:within:into:)``, filtered as it comes: what
  /// ``inflateSheet(_:within:)`` gives, the part read again whole when it has a CDATA section.
  func filterPiped(_ name: String, within budget: Int, from pipeline: FilterPipeline) throws(WorkbookError) -> [UInt8] {
    let (failure, filtered) = pipeline.filterAll()
    if let failure { throw failure }
    if let filtered { return filtered }
    return try inflate(name, within: budget) ?? []
  }

  /// Pieces of 128 KiB: small enough that each is filtered while it is still in the processor's cache.
  static let pieceSize = 128 * 1024

  /// The inflated part filtered piece by piece, or nil when it has a CDATA section (nothing may be cut).
  private static func filter(_ inflation: PartInflation) throws(PartInflation.Failure) -> [UInt8]? {
    try EmptyElementFilter.filtered(pieceSize: pieceSize, expecting: inflation.declared) {
      buffer throws(PartInflation.Failure) in
      (try inflation.inflate(into: buffer), inflation.ended)
    }
  }

  /// Refuses an entry that declares more than `budget`, or that is stored or compressed in a way xlsx never is.
  private func check(_ name: String, _ entry: ZipDirectory.Entry, within budget: Int) throws(WorkbookError) {
    guard entry.uncompressedSize <= budget else {
      throw WorkbookError(
        path: path,
        "\(name) would inflate to \(entry.uncompressedSize) bytes, beyond the bound for a file of this size (refused)")
    }
    switch entry.method {
    case 0:
      guard entry.compressedSize == entry.uncompressedSize else {
        throw WorkbookError(path: path, "\(name): its stored size does not match its entry (damaged)")
      }
    case 8: break
    default:
      throw WorkbookError(path: path, "\(name) is compressed with method \(entry.method), which xlsx files do not use")
    }
  }

  /// Inflates the deflated entry with `body`, turning the inflation's failures into the reader's errors.
  private func inflating<Value>(
    _ name: String, _ entry: ZipDirectory.Entry, of file: [UInt8], within budget: Int,
    _ body: (PartInflation) throws(PartInflation.Failure) -> Value
  ) throws(WorkbookError) -> Value {
    try check(name, entry, within: budget)
    let outcome = file.withUnsafeBytes { bytes -> Result<Value, PartInflation.Failure> in
      let compressed = UnsafeRawBufferPointer(
        rebasing: bytes[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)])
      return Result { () throws(PartInflation.Failure) in
        try body(try PartInflation(compressed, declared: entry.uncompressedSize))
      }
    }
    switch outcome {
    case .success(let value): return value
    case .failure(.beyondDeclaredSize):
      throw WorkbookError(path: path, "\(name) inflates beyond the size its zip entry declares (refused)")
    case .failure(.damaged):
      throw WorkbookError(path: path, "\(name) cannot be read: its compressed data is damaged")
    }
  }
}
