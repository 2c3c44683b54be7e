import ArgumentParser

/// `--framework NAME|FILE`, shared by every command that reads a knowledge base.
struct FrameworkOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The framework description to read the pages with: a built-in name (see 'disarm frameworks') or a .yml file "
        + "(default: 'framework:' in .disarm.yml, else the built-in description that fits the pages).",
      valueName: "name|file"))
  var framework: String?
}
