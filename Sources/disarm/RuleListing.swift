import DisarmEmitters
import DisarmModel

/// `disarm lint --list-rules` and `disarm explain`.
enum RuleListing {
  static func text(style: ANSIStyle) -> String {
    let width = Rules.all.map(\.id.count).max() ?? 0
    return Rules.all.map { rule in
      let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
      let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
      return "\(style.bold(id))  \(severity)  \(rule.isFixable ? "fix" : "   ")  \(rule.summary)\n"
    }.joined()
  }
}

import Foundation
