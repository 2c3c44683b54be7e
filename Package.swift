// swift-tools-version: 6.1
//
// The pipeline reads top to bottom, each target depending only on the ones above it:
//
//                            DisarmDiagnostics (positions, diagnostics, rule descriptions, formatter, JSON writer)
//                                   |
//   CCmark (libcmark)        DisarmFramework (framework descriptions: kinds, words, identifier shapes; detection)
//          \                  /
//           DisarmParser  (pages to typed values with exact source slices; the only importer of CCmark)
//                 |
//           DisarmModel   (the linked knowledge base and the facts the rules read)
//                 |
//        DisarmRegeneration (page renderers, drift, the safe writer, unified diffs)
//                 |
//           DisarmLint    (one file per rule, the linter, configuration, fixes, reporters)
//            /         \
//           DisarmExports (disarm.json, STIX, MISP, Navigator, CSV)
//            /         \
//   DisarmBrowsing   DisarmVersions (show, list, search; diff, git revisions and history, new objects)
//            \         /
//           DisarmSite  (the static website)
//                 |
//              disarm   (argument parsing, terminal, pager, exit codes)
//
// Benchmark helpers (synthetic knowledge bases, the parsing floor) live in `disarm-bench`, outside the shipped
// libraries. docs/ARCHITECTURE.md says where a new rule, export or command goes.

import PackageDescription

let package = Package(
  name: "disarm",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "disarm", targets: ["disarm"]),
    .executable(name: "disarm-bench", targets: ["DisarmBench"]),
    .executable(name: "disarm-serve", targets: ["DisarmServe"]),
    .library(name: "DisarmDiagnostics", targets: ["DisarmDiagnostics"]),
    .library(name: "DisarmFramework", targets: ["DisarmFramework"]),
    .library(name: "DisarmParser", targets: ["DisarmParser"]),
    .library(name: "DisarmModel", targets: ["DisarmModel"]),
    .library(name: "DisarmRegeneration", targets: ["DisarmRegeneration"]),
    .library(name: "DisarmLint", targets: ["DisarmLint"]),
    .library(name: "DisarmExports", targets: ["DisarmExports"]),
    .library(name: "DisarmBrowsing", targets: ["DisarmBrowsing"]),
    .library(name: "DisarmVersions", targets: ["DisarmVersions"]),
    .library(name: "DisarmSite", targets: ["DisarmSite"]),
    .library(name: "DisarmWorkbook", targets: ["DisarmWorkbook"]),
    .library(name: "DisarmImport", targets: ["DisarmImport"]),
    .library(name: "DisarmLanguageServer", targets: ["DisarmLanguageServer"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
    ),
    .target(name: "DisarmDiagnostics"),
    .target(
      name: "DisarmFramework",
      dependencies: ["DisarmDiagnostics", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "DisarmParser", dependencies: ["CCmark", "DisarmDiagnostics", "DisarmFramework"]),
    .target(name: "DisarmModel", dependencies: ["DisarmParser"]),
    // The master spreadsheet (`disarm import`): xlsx read with ZIPFoundation under a memory bound.
    .target(
      name: "DisarmWorkbook",
      dependencies: ["DisarmDiagnostics", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
    ),
    .target(name: "DisarmRegeneration", dependencies: ["DisarmModel"]),
    .target(
      name: "DisarmLint",
      dependencies: ["DisarmRegeneration", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "DisarmExports", dependencies: ["DisarmLint"]),
    .target(name: "DisarmBrowsing", dependencies: ["DisarmExports"]),
    .target(name: "DisarmVersions", dependencies: ["DisarmExports"]),
    .target(name: "DisarmSite", dependencies: ["DisarmBrowsing", "DisarmVersions"]),
    .target(name: "DisarmImport", dependencies: ["DisarmRegeneration", "DisarmWorkbook"]),
    .target(name: "DisarmLanguageServer", dependencies: ["DisarmBrowsing"]),
    // The preview server of `disarm site --serve`, in its own executable: FlyingFox links Foundation's networking
    // (and libcurl), which would otherwise load with every command and cost each one about 7 MiB and 10 ms.
    .executableTarget(
      name: "DisarmServe",
      dependencies: [
        .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
      ]
    ),
    .executableTarget(
      name: "disarm",
      dependencies: [
        "DisarmExports", "DisarmBrowsing", "DisarmVersions", "DisarmSite", "DisarmImport",
        "DisarmLanguageServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "DisarmBench",
      dependencies: ["DisarmRegeneration", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .target(name: "DisarmTestSupport", dependencies: ["DisarmModel"], path: "Tests/DisarmTestSupport"),
    .testTarget(name: "DisarmFrameworkTests", dependencies: ["DisarmFramework", "DisarmTestSupport"]),
    .testTarget(name: "DisarmParserTests", dependencies: ["DisarmParser", "DisarmTestSupport"]),
    .testTarget(name: "DisarmModelTests", dependencies: ["DisarmLint", "DisarmTestSupport"]),
    .testTarget(name: "DisarmLintTests", dependencies: ["DisarmLint", "DisarmTestSupport"]),
    .testTarget(
      name: "DisarmEmittersTests",
      dependencies: ["DisarmExports", "DisarmBrowsing", "DisarmTestSupport"], exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "DisarmVersionsTests", dependencies: ["DisarmVersions", "DisarmTestSupport"], exclude: ["Fixtures"]
    ),
    .testTarget(name: "DisarmSiteTests", dependencies: ["DisarmSite", "DisarmTestSupport"]),
    .testTarget(name: "DisarmWorkbookTests", dependencies: ["DisarmWorkbook", "DisarmTestSupport"]),
    .testTarget(name: "DisarmLanguageServerTests", dependencies: ["DisarmLanguageServer", "DisarmTestSupport"]),
    .testTarget(
      name: "DisarmImportTests", dependencies: ["DisarmImport", "DisarmLint", "DisarmWorkbook", "DisarmTestSupport"]),
    .testTarget(
      name: "DisarmCLITests", dependencies: ["disarm", "DisarmWorkbook", "DisarmTestSupport"], exclude: ["Fixtures"]),
  ]
)
