import CZlibInflate

/// One zip entry's deflate stream being inflated by zlib, piece by piece into buffers the caller owns, reading the
/// entry's compressed bytes where they lie in the file.
///
/// zlib is called directly rather than through ZIPFoundation's `Data.decompress`, which allocates and zeroes a new
/// output buffer for every piece and copies every piece of input: for DISARM's data workbook (a part of 2.8 MB that
/// inflates to 28 MB) that was a third of the reading. Two bounds hold here: no more than `declared` bytes come out
/// (a part that inflates beyond what its zip entry declares is a zip bomb or a damaged archive), and a stream that
/// runs out of input before its end is damaged (zlib is given exactly the entry's bytes, so it can neither read past
/// them nor wait for more).
final class PartInflation {
  enum Failure: Error {
    /// More bytes than the entry declares.
    case beyondDeclaredSize
    /// Not a deflate stream, or one that ends too early.
    case damaged
  }

  /// zlib keeps a pointer to its stream record and checks it, so the record must not move: it is allocated.
  private let stream: UnsafeMutablePointer<z_stream>
  /// What the entry declares the part inflates to: no more may come out.
  let declared: Int
  /// Bytes inflated so far.
  private(set) var total = 0
  /// Whether the stream has ended (everything inflated).
  private(set) var ended = false

  /// Starts inflating `compressed` (raw deflate, as a zip entry holds it), which must stay valid and unchanged until
  /// this inflation is done with.
  init(_ compressed: UnsafeRawBufferPointer, declared: Int) throws(Failure) {
    guard compressed.count <= Int(UInt32.max) else { throw .damaged }
    self.declared = declared
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    stream.pointee.next_in = UnsafeMutablePointer(
      mutating: compressed.baseAddress?.assumingMemoryBound(to: UInt8.self))
    stream.pointee.avail_in = UInt32(compressed.count)
    guard inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw .damaged
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Inflates the next bytes into `output` (at least one byte long), returning how many it wrote; 0 once the stream
  /// has ended.
  func inflate(into output: UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> Int {
    guard !ended else { return 0 }
    precondition(output.count > 0 && output.count <= Int(UInt32.max))
    stream.pointee.next_out = output.baseAddress
    stream.pointee.avail_out = UInt32(output.count)
    let result = CZlibInflate.inflate(stream, Z_NO_FLUSH)
    let produced = output.count - Int(stream.pointee.avail_out)
    switch result {
    case Z_STREAM_END: ended = true
    case Z_OK: break
    // No progress with room to write: the input ran out before the stream's end.
    case Z_BUF_ERROR where produced == 0: throw .damaged
    case Z_BUF_ERROR: break
    default: throw .damaged
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
        while !ended && count < declared {
          // zlib counts in 32 bits: a gigabyte at a time.
          let end = min(declared, count + (1 << 30))
          count += try inflate(into: UnsafeMutableBufferPointer(rebasing: buffer[count..<end]))
        }
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
