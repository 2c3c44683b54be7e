import DisarmTestSupport
import Foundation

/// The CLI tests' own `Fixtures/` folder: the `disarm lint` golden files (`lint-<corpus>.json`), re-recorded with
/// `DISARM_RECORD=1 swift test --filter LintCommandTests` (review the diff).
enum CLIFixtures {
  static let golden = Golden(besides: #filePath)
}
