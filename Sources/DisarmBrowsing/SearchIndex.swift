import DisarmDiagnostics
import DisarmModel
import DisarmParser

/// Ranked full-text search over identifiers, names, summaries and incident descriptions.
public struct SearchIndex: Sendable {
  /// One hit: the object, its score, and the text the snippet comes from.
  public struct Hit: Sendable {
    /// The matching object; stale pages are never indexed, so never found.
    public var object: DisarmObject
    /// Weighted term occurrences (in the identifier 20, a name 10, a summary 3, incident text 1); an exact name match
    /// adds 1000, the exact identifier 2000.
    public var score: Int
    /// The field the best match is in (`name`, `summary`, `incident I00097`).
    public var field: String
    /// Text around the first match, at most about 160 characters.
    public var snippet: String
  }

  struct Document {
    var object: DisarmObject
    var fields: [(name: String, text: String, weight: Int)]
  }

  let documents: [Document]

  /// Indexes `kb`'s live objects once: identifiers, names, summaries, and incident descriptions from both the
  /// incident's and the technique's end. The identifier is a field like the others so that `A0001.003` (a code
  /// most pages do not write out) finds its object, and `T0151` its sub-techniques.
  public init(_ kb: KnowledgeBase) {
    documents = kb.objects.values.filter { !$0.isStale }.sorted { $0.id < $1.id }.map { object in
      var fields: [(String, String, Int)] = [("id", object.id.string, 20), ("name", object.name, 10)]
      if let summary = object.summary?.text { fields.append(("summary", summary, 3)) }
      for relation in kb.outgoing(object.id, .usesTechnique) {
        fields.append(("technique \(relation.target)", relation.description ?? "", 1))
      }
      for relation in kb.incoming(object.id, .usesTechnique) {
        fields.append(("incident \(relation.source)", relation.description ?? "", 1))
      }
      return Document(object: object, fields: fields)
    }
  }

  /// Words of at least two characters, lower-cased.
  static func terms(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { $0.count >= 2 }
  }

  /// Objects matching every term of `query`, best first (score: weighted occurrences; exact name match first).
  public func search(_ query: String, limit: Int = 20) -> [Hit] {
    let terms = Self.terms(query)
    guard !terms.isEmpty else { return [] }
    let phrase = query.lowercased().trimmingWhitespace()
    var hits: [Hit] = []
    for document in documents {
      var score = 0
      var matchedTerms = Set<String>()
      var best: (name: String, text: String, weight: Int)?
      for field in document.fields {
        let lower = field.text.lowercased()
        var fieldScore = 0
        for term in terms {
          let count = lower.occurrences(of: term, upTo: 5)
          if count > 0 {
            matchedTerms.insert(term)
            fieldScore += field.weight * min(count, 5)
          }
        }
        if lower.firstUTF8Offset(of: phrase) != nil { fieldScore += field.weight * 3 }
        // The snippet comes from the strongest matching field other than the name (the name is printed anyway).
        if fieldScore > 0, field.name != "name", field.name != "id", best == nil || field.weight > best!.weight {
          best = field
        }
        score += fieldScore
      }
      guard matchedTerms.count == terms.count else { continue }
      let shown = best ?? document.fields.first { $0.name == "summary" } ?? document.fields[1]
      if document.object.name.lowercased() == phrase { score += 1000 }
      if document.object.id.string.lowercased() == phrase { score += 2000 }
      hits.append(
        Hit(object: document.object, score: score, field: shown.name, snippet: Self.snippet(shown.text, around: terms)))
    }
    return Array(hits.sorted { $0.score != $1.score ? $0.score > $1.score : $0.object.id < $1.object.id }.prefix(limit))
  }

  /// About 160 characters of `text` around the first occurrence of any term, on one line.
  ///
  /// Only a window of a few hundred characters around the match is read character by character (tags stripped,
  /// lines joined), so that a field of many megabytes costs one pass of byte search, not arrays of its characters.
  static func snippet(_ text: String, around terms: [String]) -> String {
    let match = firstMatch(in: text, of: terms) ?? text.startIndex
    let windowStart = text.index(match, offsetBy: -240, limitedBy: text.startIndex) ?? text.startIndex
    let windowEnd = text.index(match, offsetBy: 480, limitedBy: text.endIndex) ?? text.endIndex
    let flat = stripTags(String(text[windowStart..<windowEnd])).split(whereSeparator: \.isNewline).joined(
      separator: " ")
    let before = windowStart > text.startIndex ? "…" : ""
    let after = windowEnd < text.endIndex ? "…" : ""
    let characters = Array(flat)
    let lower = Array(flat.lowercased())
    guard lower.count == characters.count else { return before + String(flat.prefix(160)) + "…" }
    var first = 0
    outer: for index in 0..<lower.count {
      for term in terms where lower[index...].starts(with: term) {
        first = index
        break outer
      }
    }
    let start = max(0, first - 60)
    let end = min(characters.count, start + 160)
    return (start > 0 ? "…" : before) + String(characters[start..<end]) + (end < characters.count ? "…" : after)
  }

  /// Where in `text` the first occurrence of any of `terms` (lower-cased) starts, found by byte search in the
  /// lower-cased text; nil when none occurs, or when lower-casing changed the text's length in bytes, so that the
  /// offsets of the two would not match.
  static func firstMatch(in text: String, of terms: [String]) -> String.Index? {
    let lower = text.lowercased()
    guard lower.utf8.count == text.utf8.count else { return nil }
    guard let offset = terms.compactMap({ lower.firstUTF8Offset(of: $0) }).min() else { return nil }
    // Round down to the start of a character.
    var index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    while index > text.startIndex, String.Index(index, within: text) == nil { index = text.utf8.index(before: index) }
    return index
  }
}

/// Text without `<…>` tags (a `<br>` becomes a space), for snippets.
func stripTags(_ text: String) -> String {
  var result = ""
  var inTag = false
  for character in text {
    if character == "<" {
      inTag = true
      result.append(" ")
    } else if character == ">", inTag {
      inTag = false
    } else if !inTag {
      result.append(character)
    }
  }
  return result.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
}

extension String {
  /// How many times `term` occurs, counting no further than `limit`: byte search in the UTF-8 text.
  func occurrences(of term: String, upTo limit: Int) -> Int {
    var count = 0
    var from = 0
    while count < limit, let offset = firstUTF8Offset(of: term, from: from) {
      count += 1
      from = offset + max(1, term.utf8.count)
    }
    return count
  }

  /// The offset in bytes of the first occurrence of `needle` at or after `from`, comparing UTF-8 bytes: a pass over
  /// the text that looks for the needle's first byte and compares the rest only there.
  func firstUTF8Offset(of needle: String, from: Int = 0) -> Int? {
    var haystack = self
    var needle = needle
    return haystack.withUTF8 { bytes in
      needle.withUTF8 { pattern in
        guard let head = pattern.first else { return from <= bytes.count ? from : nil }
        guard bytes.count >= pattern.count else { return nil }
        var index = from
        let last = bytes.count - pattern.count
        while index <= last {
          if bytes[index] == head {
            var matched = 1
            while matched < pattern.count, bytes[index + matched] == pattern[matched] { matched += 1 }
            if matched == pattern.count { return index }
          }
          index += 1
        }
        return nil
      }
    }
  }
}
