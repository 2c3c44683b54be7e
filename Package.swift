// swift-tools-version: 6.1
//
// The pipeline reads top to bottom: CCmark (libcmark) -> DisarmParser -> DisarmModel -> DisarmEmitters -> disarm.
// Only DisarmParser imports CCmark.

import PackageDescription

let package = Package(
  name: "disarm",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "disarm", targets: ["disarm"]),
    .library(name: "DisarmParser", targets: ["DisarmParser"]),
    .library(name: "DisarmModel", targets: ["DisarmModel"]),
    .library(name: "DisarmEmitters", targets: ["DisarmEmitters"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
    ),
    .target(name: "DisarmParser", dependencies: ["CCmark"]),
    .target(name: "DisarmModel", dependencies: ["DisarmParser"]),
    .target(name: "DisarmEmitters", dependencies: ["DisarmModel"]),
    .executableTarget(
      name: "disarm",
      dependencies: [
        "DisarmEmitters",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    .testTarget(name: "DisarmParserTests", dependencies: ["DisarmParser"]),
    .testTarget(name: "DisarmModelTests", dependencies: ["DisarmModel"]),
    .testTarget(name: "DisarmEmittersTests", dependencies: ["DisarmEmitters"], exclude: ["Fixtures"]),
    .testTarget(name: "DisarmCLITests", dependencies: ["disarm"], exclude: ["Fixtures"]),
  ]
)
