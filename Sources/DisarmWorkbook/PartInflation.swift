/// One zip entry's deflate stream being inflated piece by piece into buffers the caller owns, reading the entry's
/// compressed bytes where they lie in the file (``DeflateDecoder``).
///
/// Two bounds hold here: no more than `declared` bytes come out (a part that inflates beyond what its zip entry
/// declares is a zip bomb or a damaged archive), and a stream that runs out of input before its end is damaged (the
/// decoder is given exactly the entry's bytes, so it can neither read past them nor wait for more).
final class PartInflation {
  enum Failure: Error {
    /// More bytes than the entry declares.
    case beyondDeclaredSize
    /// Not a deflate stream, or one that ends too early.
    case damaged
  }

  private let decoder: DeflateDecoder
  /// What the entry declares the part inflates to: no more may come out.
  let declared: Int
  /// Bytes inflated so far.
  private(set) var total = 0
  /// Whether the stream has ended (everything inflated).
  var ended: Bool { decoder.ended }

  /// Starts inflating `compressed` (raw deflate, as a zip entry holds it), which must stay valid and unchanged until
  /// this inflation is done with.
  init(_ compressed: UnsafeRawBufferPointer, declared: Int) throws(Failure) {
    self.declared = declared
    decoder = DeflateDecoder(compressed)
  }

  /// Inflates the next bytes into `output` (at least one byte long), filling it unless the stream ends; returns how
  /// many it wrote, 0 once the stream has ended.
  func inflate(into output: UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> Int {
    guard !ended else { return 0 }
    precondition(output.count > 0)
    let produced: Int
    do {
      produced = try decoder.decode(into: output)
    } catch {
      throw .damaged
    }
    total += produced
    guard total <= declared else { throw .beyondDeclaredSize }
    return produced
  }

  /// The whole part in one array of the declared size, inflated in place (no piece copied).
  func inflateWhole() throws(Failure) -> [UInt8] {
    var failure: Failure?
    let bytes = [UInt8](unsafeUninitializedCapacity: declared) { buffer, count in
      count = 0
      do throws(Failure) {
        if declared > 0 { count = try inflate(into: buffer) }
        // Full at the declared size: the stream must end there.
        var probe: UInt8 = 0
        while !ended {
          _ = try withUnsafeMutablePointer(to: &probe) { pointer throws(Failure) in
            try inflate(into: UnsafeMutableBufferPointer(start: pointer, count: 1))
          }
        }
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return bytes
  }
}
