/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same namespace and name always give the same UUID, so that a
/// re-export never changes an object's identifier.
public struct UUIDv5: Hashable, Sendable, CustomStringConvertible {
  /// The 16 bytes in the order the canonical form writes them.
  public let bytes: [UInt8]

  /// The UUID for `name` in `namespace`.
  public init(namespace: UUIDv5, name: String) {
    var hash = Array(SHA1.digest(namespace.bytes + Array(name.utf8)).prefix(16))
    hash[6] = (hash[6] & 0x0F) | 0x50
    hash[8] = (hash[8] & 0x3F) | 0x80
    bytes = hash
  }

  /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
  public init?(_ text: String) {
    let hex = text.filter { $0 != "-" }
    guard hex.count == 32, text.count == 36 else { return nil }
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
      bytes.append(byte)
      index = next
    }
    self.bytes = bytes
  }

  /// Lower-case canonical form.
  public var description: String {
    let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(
        hex[
          hex.index(hex.startIndex, offsetBy: range.lowerBound)..<hex.index(hex.startIndex, offsetBy: range.upperBound)]
      )
    }
    return parts.joined(separator: "-")
  }

  /// RFC 9562's DNS namespace.
  public static let dnsNamespace = UUIDv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8")!
}
