import ArgumentParser
import DisarmModel
import Foundation

/// Shell completion of object identifiers (`disarm show T0151.<TAB>`): the identifiers of the knowledge base the
/// command line names with `--kb`, else `$DISARM_KB`, else `data/` or the current folder, as every command finds it.
/// Runs inside the shell's completion call, so it never prints errors: a folder that cannot be read completes
/// nothing.
enum IdentifierCompletion {
  static let kind = CompletionKind.custom { words, _, prefix in candidates(words: words, prefix: prefix) }

  /// The identifiers starting with `prefix` (any letter case), in identifier order.
  static func candidates(words: [String], prefix: String) -> [String] {
    var explicit: String?
    var framework: String?
    for (index, word) in words.enumerated() {
      let next = index + 1 < words.count ? words[index + 1] : nil
      if word == "--kb" { explicit = next } else if word.hasPrefix("--kb=") { explicit = String(word.dropFirst(5)) }
      if word == "--framework" {
        framework = next
      } else if word.hasPrefix("--framework=") {
        framework = String(word.dropFirst(12))
      }
    }
    let location = KnowledgeBaseLocation.find(explicit: explicit.map(expandingTilde))
    guard let kb = try? KnowledgeBaseLoader.load(from: location, framework: framework) else { return [] }
    let wanted = prefix.uppercased()
    return kb.objects.values.filter { !$0.isStale && $0.id.string.hasPrefix(wanted) }.map(\.id).sorted().map(\.string)
  }

  /// `~/kb` as the shell would have expanded it had the word been complete.
  static func expandingTilde(_ path: String) -> String {
    guard path.hasPrefix("~") else { return path }
    return (path as NSString).expandingTildeInPath
  }
}
