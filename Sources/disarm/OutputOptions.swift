import ArgumentParser
import DisarmDiagnostics
import DisarmRegeneration
import Foundation

/// `--color auto|always|never`, shared by the commands that print for people.
struct ColorOptions: ParsableArguments {
  enum Choice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
  }

  @Option(help: "Colour output: auto (when printing to a terminal and NO_COLOR is unset), always or never.")
  var color: Choice = .auto

  /// The style for output written to `descriptor`.
  func style(for descriptor: Int32 = STDOUT_FILENO) -> ANSIStyle {
    switch color {
    case .always: ANSIStyle(enabled: true)
    case .never: ANSIStyle(enabled: false)
    case .auto:
      ANSIStyle(enabled: isatty(descriptor) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty)
    }
  }
}
