/// A page or file produced from the model, ready to be written or compared.
public struct RenderedPage: Sendable, Equatable {
  /// Path relative to the page folder (`techniques/T0151.008.md`, `techniques_index.md`), or, for extra files,
  /// relative to the output folder (`generated_files/disarm_red_framework_clickable.html`).
  public var path: String
  /// The complete content, line endings included, compared byte for byte with the file on disk.
  public var bytes: [UInt8]

  /// `path` is relative to the page folder, or to the output folder for extra files.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
