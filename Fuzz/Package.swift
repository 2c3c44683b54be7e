// swift-tools-version: 6.1
//
// The libFuzzer target for the page parser. A package of its own so that the main package's `swift build` and
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
      dependencies: ["CFuzzerDriver", .product(name: "DisarmParser", package: "disarm")]
    ),
  ]
)
