/// Writes the owning pages of a DISARM-shaped knowledge base `scale` times the size of the 2025-02-10 release:
/// phases, tactics, techniques (a third of them sub-techniques), tasks, incidents with technique rows and inline
/// references, counters, actor types and metatechniques, some pages with notes. Derived tables are left empty;
/// regenerating the pages (`disarm build --write`) fills them, which makes the result lint-clean by construction.
public struct SyntheticKnowledgeBase {
  /// Multiple of the release's object counts; at least 1, because smaller values are raised.
  public let scale: Int
  /// Seeds the ``SplitMix64`` that picks every word, count and link: the same seed writes the same pages.
  public let seed: UInt64

  /// A knowledge base `scale` times the release's size (0 and below count as 1), its text chosen by `seed`.
  public init(scale: Int, seed: UInt64) {
    self.scale = max(1, scale)
    self.seed = seed
  }

  static let marker = "DO NOT EDIT ABOVE THIS LINE - PLEASE ADD NOTES BELOW"
  static let words = [
    "account", "amplify", "audience", "automated", "campaign", "channel", "claim", "community", "content",
    "coordinated",
    "counter", "credible", "deceptive", "develop", "digital", "discredit", "distort", "engagement", "establish",
    "forum", "fabricated", "harass", "hashtag", "identity", "influence", "inauthentic", "leak", "local", "media",
    "message", "monitor", "narrative", "network", "news", "online", "operation", "persona", "platform", "polarise",
    "post", "promote", "public", "recruit", "reach", "repurpose", "research", "seed", "segment", "share", "signal",
    "social", "source", "spread", "target", "trend", "trusted", "video", "viral", "website",
  ]

  struct Names {
    var rng: SplitMix64
    mutating func words(_ count: Int) -> [String] {
      (0..<count).map { _ in SyntheticKnowledgeBase.words.randomElement(using: &rng)! }
    }
    mutating func title(_ count: Int, number: Int) -> String {
      (words(count).map { $0.prefix(1).uppercased() + $0.dropFirst() } + [String(number)]).joined(separator: " ")
    }
    mutating func sentence(_ count: Int) -> String {
      let text = words(count).joined(separator: " ")
      return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
    mutating func paragraph(sentences: Int) -> String {
      (0..<sentences).map { _ in sentence(Int.random(in: 8...20, using: &rng)) }.joined(separator: " ")
    }
  }

  /// Identifier with `digits` digits, at least the kind's usual count.
  static func id(_ prefix: String, _ number: Int, digits: Int) -> String {
    let text = String(number)
    return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
  }

  static func digits(_ count: Int, minimum: Int) -> Int { max(minimum, String(count).count) }

  /// Page-folder-relative path to page text.
  public func pages() -> [(path: String, text: String)] {
    var names = Names(rng: SplitMix64(seed: seed))
    var pages: [(String, String)] = []
    let link = { (folder: String, id: String, name: String) in
      "[\(id) \(name)](../../generated_pages/\(folder)/\(id).md)"
    }

    // Phases and tactics.
    let phaseNames = ["Plan", "Prepare", "Execute", "Assess"]
    for (index, name) in phaseNames.enumerated() {
      let id = Self.id("P", index + 1, digits: 2)
      pages.append(
        (
          "phases/\(id).md",
          "# Phase \(id): \(name)\n\n* **Summary:** \(names.paragraph(sentences: 2))\n\n\(Self.marker)"
        ))
    }
    let tacticCount = 16 * scale
    let tacticDigits = Self.digits(tacticCount, minimum: 2)
    var tactics: [(id: String, name: String)] = []
    for number in 1...tacticCount {
      let id = Self.id("TA", number, digits: tacticDigits)
      let name = names.title(3, number: number)
      tactics.append((id, name))
      let phase = Self.id("P", min(4, (number - 1) * 4 / tacticCount + 1), digits: 2)
      pages.append(
        (
          "tactics/\(id).md",
          "# Tactic \(id): \(name)\n\n* **Summary:** \(names.paragraph(sentences: 3))\n\n* **Belongs to phase:** \(phase)\n\n\n\n| Tasks |\n| ----- |\n\n\n\n| Techniques |\n| ---------- |\n\n\n\n| Counters | Response types |\n| -------- | -------------- |\n\n\n\(Self.marker)"
        ))
    }

    // Techniques: two of three top-level, the rest sub-techniques of the previous top-level one.
    let techniqueCount = 391 * scale
    let techniqueDigits = Self.digits(techniqueCount, minimum: 4)
    var techniques: [(id: String, name: String)] = []
    var number = 0
    var tacticIndex = 0
    while techniques.count < techniqueCount {
      number += 1
      let parentID = Self.id("T", number, digits: techniqueDigits)
      let parentName = names.title(3, number: number)
      let tactic = tactics[tacticIndex % tactics.count]
      tacticIndex += 1
      techniques.append((parentID, parentName))
      pages.append(
        (
          "techniques/\(parentID).md",
          technique(
            parentID, parentName, summary: names.paragraph(sentences: Int.random(in: 2...6, using: &names.rng)),
            tactic: tactic, parent: nil)
        ))
      let subtechniques = min(Int.random(in: 0...1, using: &names.rng), techniqueCount - techniques.count)
      for sub in 0..<subtechniques {
        let subID = parentID + "." + Self.id("", sub + 1, digits: 3)
        let subName = names.title(2, number: number * 10 + sub + 1)
        techniques.append((subID, subName))
        pages.append(
          (
            "techniques/\(subID).md",
            technique(
              subID, subName, summary: names.paragraph(sentences: Int.random(in: 2...5, using: &names.rng)),
              tactic: tactic, parent: (parentID, parentName))
          ))
      }
    }

    // Tasks.
    for number in 1...(42 * scale) {
      let id = Self.id("TK", number, digits: Self.digits(42 * scale, minimum: 4))
      let tactic = tactics[(number - 1) % tactics.count]
      pages.append(
        (
          "tasks/\(id).md",
          "# Task \(id): \(names.title(3, number: number))\n\n* **Summary:** \(names.paragraph(sentences: 1))\n\n* **Belongs to tactic stage:** \(tactic.id)\n\n\(Self.marker)"
        ))
    }

    // Actor types and metatechniques.
    let actorCount = 33 * scale
    let actors = (1...actorCount).map {
      (Self.id("A", $0, digits: Self.digits(actorCount, minimum: 3)), names.title(2, number: $0))
    }
    for (id, name) in actors {
      pages.append(
        (
          "actortypes/\(id).md",
          "# Actor \(id): \(name)\n\n* **Summary:** \(names.paragraph(sentences: 1))\n\n* **Sector:** S001, S002\n\n* **Viewpoint:** FW01\n\n\n| Counters | Response types |\n| -------- | -------------- |\n\n\n\(Self.marker)"
        ))
    }
    let metaCount = 14 * scale
    let metas = (1...metaCount).map {
      (Self.id("M", $0, digits: Self.digits(metaCount, minimum: 3)), names.title(1, number: $0))
    }
    for (id, name) in metas {
      pages.append(
        (
          "metatechniques/\(id).md",
          "# Metatechnique \(id): \(name)\n\n* **Summary:** \(names.paragraph(sentences: 1))\n\n\n| Counters | Response types |\n| -------- | -------------- |\n\n\n\n\(Self.marker)"
        ))
    }

    // Incidents, with technique rows whose descriptions mention techniques inline.
    let incidentCount = 129 * scale
    for number in 1...incidentCount {
      let id = Self.id("I", number, digits: Self.digits(incidentCount, minimum: 5))
      let name = names.title(4, number: number)
      let used = (0..<Int.random(in: 2...8, using: &names.rng)).map { _ in techniques.randomElement(using: &names.rng)!
      }
      var seen = Set<String>()
      let rows = used.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }.map { technique -> String in
        let mention = "\(technique.id): \(technique.name)"
        let description = names.paragraph(sentences: Int.random(in: 2...12, using: &names.rng)) + " (\(mention))."
        return "| \(link("techniques", technique.id, technique.name)) | \(description) |"
      }
      let notes =
        Int.random(in: 0..<10, using: &names.rng) == 0 ? "\n\nAnalyst note: \(names.paragraph(sentences: 2))\n" : ""
      pages.append(
        (
          "incidents/\(id).md",
          "# Incident \(id): \(name)\n\n* **Summary:** \(names.paragraph(sentences: Int.random(in: 1...4, using: &names.rng)))\n\n* **incident type**: campaign\n\n* **Year started:** \(2014 + number % 11)\n\n* **Countries:** USA , GBR\n\n* **Found via:** \n\n* **Date added:** 2024-01-01\n\n\n| Reference | Pub Date | Authors | Org | Archive |\n| --------- | -------- | ------- | --- | ------- |\n| [https://example.org/\(id)](https://example.org/\(id)) | 2024/01/01 | Someone | Example | [https://web.archive.org/example](https://web.archive.org/example) |\n\n\n\n| Technique | Description given for this incident |\n| --------- | ------------------------- |\n\(rows.joined(separator: "\n"))\n\n\n\(Self.marker)\(notes)"
        ))
    }

    // Response types live only in their index; a counter's response type only in derived places, so the counters
    // index is seeded with it.
    let responseTypes = ["Detect", "Deny", "Disrupt", "Degrade", "Deceive", "Destroy", "Deter"]
    var responseIndex =
      "# DISARM Response types:\n\n<table border=\"1\">\n<tr>\n<th>disarm_id</th>\n<th>name</th>\n<th>summary</th>\n</tr>\n"
    for (index, name) in responseTypes.enumerated() {
      let id = Self.id("D", index + 1, digits: 2)
      responseIndex +=
        "<tr>\n<td><a href=\"response types/\(id).md\">\(id)</a></td>\n<td>\(name)</td>\n<td>\(names.sentence(10))</td>\n</tr>\n"
    }
    pages.append(("responsetype_index.md", responseIndex + "</table>\n"))
    var counterIndex =
      "# DISARM Counters:\n\n<table border=\"1\">\n<tr>\n<th>disarm_id</th>\n<th>name</th>\n<th>summary</th>\n<th>metatechnique</th>\n<th>tactic</th>\n<th>responsetype</th>\n</tr>\n"

    // Counters.
    let counterCount = 140 * scale
    for number in 1...counterCount {
      let id = Self.id("C", number, digits: Self.digits(counterCount, minimum: 5))
      let meta = metas[(number - 1) % metas.count]
      let tactic = tactics[(number - 1) % tactics.count]
      let actor = actors[(number - 1) % actors.count]
      var seen = Set<String>()
      let countered = (0..<Int.random(in: 1...6, using: &names.rng)).map { _ in
        techniques.randomElement(using: &names.rng)!
      }
      .filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
      let techniqueRows = countered.map { "| \(link("techniques", $0.id, $0.name)) |" }.joined(separator: "\n")
      let responseType = Self.id("D", 2 + number % 6, digits: 2)
      counterIndex +=
        "<tr>\n<td><a href=\"counters/\(id).md\">\(id)</a></td>\n<td></td>\n<td></td>\n<td></td>\n<td></td>\n<td>\(responseType)</td>\n</tr>\n"
      pages.append(
        (
          "counters/\(id).md",
          "# Counter \(id): \(names.title(3, number: number))\n\n* **Summary**: \(names.paragraph(sentences: 2))\n\n* **Playbooks**: \n\n* **Metatechnique**: \(meta.0) - \(meta.1)\n\n* **Resources needed:** \n\n* **Belongs to tactic stage**: \(tactic.id)\n\n\n| Actor types | Sectors |\n| ----------- | ------- |\n| \(link("actortypes", actor.0, actor.1)) | S001 |\n\n\n\n| Counters these Tactics |\n| ---------------------- |\n\n\n\n| Counters these Techniques |\n| ------------------------- |\n\(techniqueRows)\n\n\n\n| Seen in incidents |\n| ----------------- |\n\n\n\(Self.marker)"
        ))
    }
    pages.append(("counters_index.md", counterIndex + "</table>\n"))
    return pages
  }

  func technique(
    _ id: String, _ name: String, summary: String, tactic: (id: String, name: String), parent: (String, String)?
  ) -> String {
    let tacticLine =
      parent.map { "**Tactic**: \(tactic.id) \(tactic.name) <br><br>**Parent Technique:** \($0.0) \($0.1)" }
      ?? "**Tactic**: \(tactic.id) \(tactic.name) "
    return
      "# Technique \(id): \(name)\n\n**Summary**: \(summary)\n\n\(tacticLine)\n\n\n| Associated Technique | Description |\n| --------- | ------------------------- |\n\n\n\n| Incident | Descriptions given for this incident |\n| -------- | -------------------- |\n\n\n\n| Counters | Response types |\n| -------- | -------------- |\n\n\n\(Self.marker)"
  }
}
