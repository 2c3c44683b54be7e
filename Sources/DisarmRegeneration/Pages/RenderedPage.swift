#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A page or file produced from the model, ready to be written or compared.
public struct RenderedPage: Sendable, Equatable {
  /// What the page's file held when the model was read: the only content a rewrite in place may replace
  /// (compare-and-swap), so that an edit made while `disarm` runs is never overwritten.
  public enum Basis: Sendable, Equatable {
    /// The file did not exist when the knowledge base was read.
    case absent
    /// The file's exact bytes when the knowledge base was read.
    case bytes([UInt8])
    /// The model did not read this file (output-only files such as the framework grids).
    case unread
  }

  /// Path relative to the page folder (`techniques/T0151.008.md`, `techniques_index.md`), or, for extra files,
  /// relative to the output folder (`generated_files/disarm_red_framework_clickable.html`).
  public var path: String
  /// The complete content, line endings included, compared byte for byte with the file on disk.
  public var bytes: [UInt8]
  /// What the file held when the model was read.
  public var basis: Basis

  /// `path` is relative to the page folder, or to the output folder for extra files.
  public init(path: String, bytes: [UInt8], basis: Basis = .unread) {
    self.path = path
    self.bytes = bytes
    self.basis = basis
  }

  /// Whether the page is exactly the file as read (its ``basis``): most regenerated pages are, and commands that
  /// only compare drop those at once.
  public var isUnchanged: Bool {
    guard case .bytes(let read) = basis else { return false }
    return Self.sameBytes(read, bytes)
  }

  /// Whether `a` and `b` hold the same bytes, compared with `memcmp` (an array's `==` compares element by element,
  /// and every page of a knowledge base is compared with its file).
  public static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    return a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
      }
    }
  }
}
