import Foundation
import Testing

/// The reference corpora in `../shared/corpus/` (the four published DISARM releases and the oracles beside them), in
/// one place for every test target; tests skip with a message when they are absent.
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

  /// A release's folder, `../shared/corpus/<name>`.
  public static func release(_ name: String) -> URL { root.appendingPathComponent(name) }
  /// A release's page folder, `../shared/corpus/<name>/generated_pages`.
  public static func pages(_ name: String) -> URL { release(name).appendingPathComponent("generated_pages") }
  /// `../shared/corpus/oracles`: the published exports (STIX bundle, MISP galaxies and schemas) to compare with.
  public static let oracles = root.appendingPathComponent("oracles")
  /// DISARM's own STIX bundle for the 2025 release.
  public static let stixOracle = oracles.appendingPathComponent("DISARM-stix-2025-02-10.json")
}
