import DisarmTestSupport
import Testing

@testable import DisarmWorkbook

/// The XML text decoder copies runs and tells the five entities apart on their bytes; it decodes (and refuses)
/// exactly as the character-by-character decoder it replaced, kept here as the reference.
@Suite struct XMLDecodeTests {
  static func reference(_ slice: ArraySlice<UInt8>) -> Result<String, XMLScanner.Failure> {
    guard slice.contains(UInt8(ascii: "&")) || slice.contains(0x0D) else {
      return .success(String(decoding: slice, as: UTF8.self))
    }
    var out: [UInt8] = []
    var index = slice.startIndex
    while index < slice.endIndex {
      let byte = slice[index]
      if byte == 0x0D {
        out.append(0x0A)
        index += 1
        if index < slice.endIndex, slice[index] == 0x0A { index += 1 }
        continue
      }
      guard byte == UInt8(ascii: "&") else {
        out.append(byte)
        index += 1
        continue
      }
      guard let semicolon = slice[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
        return .failure(XMLScanner.Failure(message: "a bare '&' in text"))
      }
      let entity = String(decoding: slice[(index + 1)..<semicolon], as: UTF8.self)
      switch entity {
      case "lt": out.append(UInt8(ascii: "<"))
      case "gt": out.append(UInt8(ascii: ">"))
      case "amp": out.append(UInt8(ascii: "&"))
      case "quot": out.append(UInt8(ascii: "\""))
      case "apos": out.append(UInt8(ascii: "'"))
      default:
        let value: UInt32?
        if entity.hasPrefix("#x") {
          value = UInt32(entity.dropFirst(2), radix: 16)
        } else if entity.hasPrefix("#") {
          value = UInt32(entity.dropFirst(1))
        } else {
          return .failure(XMLScanner.Failure(message: "unknown entity &\(entity); (only XML's five are allowed)"))
        }
        guard let value, let scalar = Unicode.Scalar(value) else {
          return .failure(XMLScanner.Failure(message: "invalid character reference &\(entity);"))
        }
        out += Array(String(Character(scalar)).utf8)
      }
      index = semicolon + 1
    }
    return .success(String(decoding: out, as: UTF8.self))
  }

  @Test func decodesAsTheCharacterByCharacterDecoder() {
    var random = SeededRandom(seed: 25)
    let pieces = [
      "a", "é", " ", "\r", "\n", "\r\n", "&", ";", "&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "&#65;", "&#x41;",
      "&#x110000;", "&#+66;", "&#xD800;", "&lt", "&bogus;", "&aaaaaaaaaaaaaaa;", "&#x1F600;", "\u{FF}",
    ]
    for round in 0..<5000 {
      let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }
        .joined()
      var bytes = Array(text.utf8)
      if round % 7 == 0, !bytes.isEmpty { bytes[Int.random(in: 0..<bytes.count, using: &random)] = 0xC3 }
      let slice = bytes[...]
      let expected = Self.reference(slice)
      let decoded = Result { () throws(XMLScanner.Failure) in try XMLScanner.decode(slice) }
      switch (expected, decoded) {
      case (.success(let a), .success(let b)):
        #expect(a == b && Array(a.utf8) == Array(b.utf8), "\(text.debugDescription)")
      case (.failure(let a), .failure(let b)): #expect(a.message == b.message, "\(text.debugDescription)")
      default: Issue.record("\(text.debugDescription): \(expected) against \(decoded)")
      }
    }
  }
}

/// A cell's numbers and type read on the attribute's bytes are what reading the attribute as text gave.
@Suite struct CellAttributeTests {
  @Test func integersReadOnBytesAreSwiftsIntegers() {
    var random = SeededRandom(seed: 5)
    let pieces = ["0", "1", "9", "-", "+", " ", "a", "12", "9223372036854775807", "9223372036854775808", "é", ""]
    for round in 0..<5000 {
      let text = (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }
        .joined()
      var copy = text
      #expect(copy.withUTF8 { SheetReader.integer($0) } == Int(text), "round \(round): \(text.debugDescription)")
    }
    for text in ["-9223372036854775808", "-9223372036854775809", "+0", "-0", "007"] {
      var copy = text
      #expect(copy.withUTF8 { SheetReader.integer($0) } == Int(text), "\(text)")
    }
  }

  @Test func cellTypesReadOnBytesAreTheirText() {
    for text in ["n", "s", "str", "inlineStr", "b", "e", "d", "x", "", "inlinestr", "ß"] {
      var copy = text
      #expect(copy.withUTF8 { SheetReader.cellType($0) } == text)
    }
  }
}
