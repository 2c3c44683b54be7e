import Yams

/// The framework descriptions that ship with `disarm`: `frameworks/*.yml`, compiled into the binary by
/// `scripts/embed-frameworks.py` as values (no YAML is parsed when a command starts) and as texts (for the tests).
public enum BuiltInFrameworks {
  /// Every built-in description, in the order of their file names: the compiled values of `frameworks/*.yml`
  /// (``values``), which the tests check against what the reader makes of the files' texts (``texts``).
  public static var all: [FrameworkDescription] { values }

  /// The built-in description called `name`, if any.
  public static func named(_ name: String) -> FrameworkDescription? { all.first { $0.name == name } }

  /// The description DISARM 1.x pages follow; the default where nothing else is known (a new, empty knowledge base).
  public static var standard: FrameworkDescription { named("disarm-1")! }
}

extension FrameworkDescription {
  /// The `framework:` value of a `.disarm.yml`'s text, if it names one (other keys are the linter's to check).
  public static func configuredName(inConfiguration text: String) -> String? {
    guard let root = try? BoundedYAML.compose(text, path: ".disarm.yml"), let mapping = root.mapping,
      let value = mapping["framework"]?.scalar?.string, !value.isEmpty
    else { return nil }
    return value
  }

  /// Reads a description from its YAML text; `path` names it in errors.
  public static func read(_ text: String, path: String) throws(DescriptionError) -> FrameworkDescription {
    try DescriptionReader.read(text, path: path)
  }
}
