import Foundation

/// Helpers every test target shares (corpus locations, temporary knowledge bases, golden files, page builders, the
/// process runner), so that no test target keeps its own copy.
public enum TestSupport {
  /// The repository's root folder (two levels above this file's folder).
  public static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared/` next to the repository: the reference corpora and the fuzz seeds, present on developer machines and
  /// in CI but not in a bare checkout.
  public static let sharedFolder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

  /// The sample knowledge base in `data/`.
  public static let sampleData = repositoryRoot.appendingPathComponent("data")
}
