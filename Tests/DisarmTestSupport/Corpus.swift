import Foundation
import Testing

/// The reference corpora in `../shared/corpus/` (the four published DISARM releases and the oracles beside them), in
/// one place for every test target. A test that reads them is disabled when they are absent, with
/// `.enabled(if: Corpus.available, ...)` on the test or its suite (a `#require` inside the test would fail it), so
/// that `swift test` lists it as skipped with the reason.
public enum Corpus {
  /// `../shared/corpus`.
  public static let root = TestSupport.sharedFolder.appendingPathComponent("corpus")
  /// The four releases, oldest first.
  public static let names = ["disarm-2022-07-02", "disarm-2024-03-13", "disarm-2024-11-22", "disarm-2025-02-10"]
  /// Whether the corpora are there (the newest release stands for all of them).
  public static var available: Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(names[3]).path)
  }
  /// The general skip message; suites with a more specific one keep theirs.
  public static let skipMessage: Comment = "../shared/corpus is absent: corpus tests skipped"

  /// Every page tree of the corpus, AMITT 2019 to DISARM 2026, with the built-in framework description it follows.
  public static let allTrees: [(name: String, framework: String)] =
    [
      ("amitt-2019-10-15", "amitt-2019"), ("amitt-2021-10-21", "amitt-2021"), ("disarm-2022-07-02", "disarm-1"),
      ("disarm-2024-03-13", "disarm-1"), ("disarm-2024-11-22", "disarm-1"), ("disarm-2025-02-10", "disarm-1"),
      ("disarm-2025-07-03", "disarm-2-observations"), ("disarm-2026-07-19", "disarm-2026-assessments"),
    ] + variants

  /// The trees of `../shared/corpus/variants/`: commits between releases, written by the generator's in-between
  /// templates (docs/REGENERATION.md says what each taught).
  public static let variants: [(name: String, framework: String)] = [
    ("variants/amitt-2021-02-19-ba538ba", "amitt-2021-early"), ("variants/disarm-2022-07-02-c7b5d59", "disarm-1"),
    ("variants/disarm-2025-02-05-5409c8c", "disarm-1"),
  ]

  /// A release's folder, `../shared/corpus/<name>`.
  public static func release(_ name: String) -> URL { root.appendingPathComponent(name) }
  /// A release's page folder, `../shared/corpus/<name>/generated_pages`.
  public static func pages(_ name: String) -> URL { release(name).appendingPathComponent("generated_pages") }
  /// A tree's page folder: `generated_pages` for DISARM, the tree itself for AMITT (pages at the top level).
  public static func pageFolder(_ name: String) -> URL {
    let nested = pages(name)
    return FileManager.default.fileExists(atPath: nested.path) ? nested : release(name)
  }
  /// `../shared/corpus/oracles`: the published exports (STIX bundle, MISP galaxies and schemas) to compare with.
  public static let oracles = root.appendingPathComponent("oracles")
  /// DISARM's own STIX bundle for the 2025 release.
  public static let stixOracle = oracles.appendingPathComponent("DISARM-stix-2025-02-10.json")
}
