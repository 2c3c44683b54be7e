// swift-tools-version: 6.1
//
// The libFuzzer targets for the page parser and the workbook reader. A package of its own so that the main package's `swift build` and
// `swift test` never see `-sanitize=fuzzer`. Build and run it with `scripts/fuzz.sh`, which passes
// `-Xswiftc -sanitize=fuzzer,address`.

import PackageDescription

let package = Package(
  name: "DisarmFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "disarm", path: "..")
  ],
  targets: [
    .target(name: "CFuzzerDriver"),
    .executableTarget(
      name: "DisarmFuzzer",
      dependencies: [
        "CFuzzerDriver", .product(name: "DisarmDiagnostics", package: "disarm"),
        .product(name: "DisarmFramework", package: "disarm"), .product(name: "DisarmParser", package: "disarm"),
      ]
    ),
    // The workbook reader (`scripts/fuzz-workbook.sh`).
    .executableTarget(
      name: "DisarmWorkbookFuzzer",
      dependencies: ["CFuzzerDriver", .product(name: "DisarmWorkbook", package: "disarm")]
    ),
  ]
)
