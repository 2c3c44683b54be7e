// swift-tools-version: 6.1
//
// The pipeline reads top to bottom, each target depending only on the ones above it:
//
//   DisarmSupport (below every stage: the safe-writing primitives, Trace, ParallelMap)
//                            DisarmDiagnostics (positions, diagnostics, rule descriptions, formatter, JSON writer)
//                                   |
//   CCmark (libcmark)        DisarmFramework (framework descriptions: kinds, words, identifier shapes; detection)
//          \                  /
//           DisarmParser  (pages to typed values with exact source slices; the only importer of CCmark)
//                 |
//           DisarmModel   (the linked knowledge base and the facts the rules read)
//                 |                                     DisarmWorkbook (xlsx read and written; ZIPFoundation)
//        DisarmRegeneration (page renderers, drift, unified diffs)      |
//                 |                                                    |
//           DisarmLint    (one file per rule, the linter, configuration, reporters)
//                 |                                                    |
//          DisarmEditing  (every change to a knowledge base: request, plan, check, one writer)
//            /         \                                              |
//   DisarmExports    DisarmImport (the master spreadsheet in: an editing request; and out)
//  (disarm.json, STIX, MISP, Navigator, CSV, SQLite through CSQLite)
//        |
//   DisarmStatistics (disarm stats and disarm match: counts over incidents, tables, SVG matrix, Navigator layer)
//            /         \
//   DisarmBrowsing   DisarmVersions (show, list, search; diff, git revisions and history)
//       |      \         /
//       |     DisarmSite  (the static website)
//       |
//       |            DisarmMigration (disarm migrate: users' files and pages carried across releases; after
//       |                             DisarmVersions, whose diff it applies)
//       |            DisarmReports (disarm tag: the framework's objects a report mentions; after DisarmExports,
//       |           /               reads .docx via DisarmWorkbook)
//   DisarmLanguageServer (disarm lsp; its edits are editing plans handed to the editor; reports tagged through
//                 |       DisarmReports)
//              disarm   (argument parsing, terminal, pager, exit codes)
//
// Beside them: DisarmServe (the preview server, its own executable) and DisarmBench (`disarm-bench`: synthetic
// knowledge bases, the parsing floor), outside the shipped libraries. docs/ARCHITECTURE.md says where a new rule,
// export, writing command or command goes.

import PackageDescription

let package = Package(
  name: "disarm",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "disarm", targets: ["disarm"]),
    .executable(name: "disarm-bench", targets: ["DisarmBench"]),
    .executable(name: "disarm-serve", targets: ["DisarmServe"]),
    .library(name: "DisarmSupport", targets: ["DisarmSupport"]),
    .library(name: "DisarmDiagnostics", targets: ["DisarmDiagnostics"]),
    .library(name: "DisarmFramework", targets: ["DisarmFramework"]),
    .library(name: "DisarmParser", targets: ["DisarmParser"]),
    .library(name: "DisarmModel", targets: ["DisarmModel"]),
    .library(name: "DisarmRegeneration", targets: ["DisarmRegeneration"]),
    .library(name: "DisarmLint", targets: ["DisarmLint"]),
    .library(name: "DisarmEditing", targets: ["DisarmEditing"]),
    .library(name: "DisarmExports", targets: ["DisarmExports"]),
    .library(name: "DisarmStatistics", targets: ["DisarmStatistics"]),
    .library(name: "DisarmBrowsing", targets: ["DisarmBrowsing"]),
    .library(name: "DisarmVersions", targets: ["DisarmVersions"]),
    .library(name: "DisarmSite", targets: ["DisarmSite"]),
    .library(name: "DisarmWorkbook", targets: ["DisarmWorkbook"]),
    .library(name: "DisarmImport", targets: ["DisarmImport"]),
    .library(name: "DisarmReports", targets: ["DisarmReports"]),
    .library(name: "DisarmMigration", targets: ["DisarmMigration"]),
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
    // zlib, for the workbook tests only: the reference the reader's own DEFLATE decoder is compared with
    // (ZIPFoundation links the same library for the zip it writes).
    .systemLibrary(name: "CZlibInflate", providers: [.apt(["zlib1g-dev"])]),
    // SQLite, for `disarm export sqlite` only (DisarmExports is its one importer; docs/ARCHITECTURE.md).
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    // Each target lists exactly the modules its files import.
    .target(name: "DisarmSupport"),
    .target(name: "DisarmDiagnostics"),
    .target(
      name: "DisarmFramework",
      dependencies: ["DisarmDiagnostics", .product(name: "Yams", package: "Yams")]
    ),
    .target(name: "DisarmParser", dependencies: ["CCmark", "DisarmDiagnostics", "DisarmFramework"]),
    .target(
      name: "DisarmModel", dependencies: ["DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser"]),
    // The master spreadsheet (`disarm import`): xlsx read with its own DEFLATE decoder under a memory bound, written
    // with ZIPFoundation.
    .target(name: "DisarmWorkbook", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    .target(
      name: "DisarmRegeneration",
      dependencies: ["DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel"]
    ),
    .target(
      name: "DisarmLint",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmRegeneration",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // Every change to a knowledge base: requests validated, planned, checked and written by one executor.
    .target(
      name: "DisarmEditing",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmRegeneration",
        "DisarmLint",
      ]
    ),
    .target(
      name: "DisarmExports",
      dependencies: [
        "CSQLite", "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel",
        "DisarmRegeneration", "DisarmLint",
      ]
    ),
    // `disarm stats` and `disarm match`: counts over the linked model's incidents, and their tables, charts, SVG
    // matrix and Navigator layer.
    .target(
      name: "DisarmStatistics",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmRegeneration",
        "DisarmExports",
      ]
    ),
    .target(
      name: "DisarmBrowsing",
      dependencies: ["DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmExports"]
    ),
    .target(
      name: "DisarmVersions",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmExports",
      ]
    ),
    .target(
      name: "DisarmSite",
      dependencies: [
        "DisarmSupport", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmRegeneration", "DisarmBrowsing",
        "DisarmVersions", "DisarmStatistics",
      ]
    ),
    .target(
      name: "DisarmImport",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmRegeneration",
        "DisarmLint", "DisarmEditing", "DisarmExports", "DisarmWorkbook", .product(name: "Yams", package: "Yams"),
      ]
    ),
    .target(
      name: "DisarmReports",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmRegeneration",
        "DisarmLint",
        "DisarmExports", "DisarmWorkbook",
      ]
    ),
    .target(
      name: "DisarmMigration",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmRegeneration",
        "DisarmLint", "DisarmEditing", "DisarmExports", "DisarmVersions",
      ]
    ),
    .target(
      name: "DisarmLanguageServer",
      dependencies: [
        "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmLint", "DisarmEditing",
        "DisarmBrowsing", "DisarmReports",
      ]
    ),
    // The preview server of `disarm site --serve`, in its own executable: FlyingFox's sockets (FlyingSocks) link
    // Foundation's networking (and libcurl), which would otherwise load with every command and cost each one about
    // 7 MiB and 10 ms. Its HTTP layer is its own (bounded request heads, timeouts, Host check; see PreviewServer).
    .executableTarget(
      name: "DisarmServe", dependencies: [.product(name: "FlyingSocks", package: "FlyingFox")]
    ),
    .executableTarget(
      name: "disarm",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmRegeneration",
        "DisarmLint", "DisarmEditing", "DisarmExports", "DisarmStatistics", "DisarmBrowsing", "DisarmVersions",
        "DisarmSite", "DisarmWorkbook", "DisarmImport", "DisarmReports", "DisarmLanguageServer", "DisarmMigration",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "DisarmBench",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmParser", "DisarmModel", "DisarmRegeneration",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "DisarmTestSupport", dependencies: ["DisarmModel"], path: "Tests/DisarmTestSupport"),
    .testTarget(name: "DisarmFrameworkTests", dependencies: ["DisarmFramework", "DisarmTestSupport"]),
    .testTarget(
      name: "DisarmReportsTests",
      dependencies: [
        "DisarmDiagnostics", "DisarmFramework", "DisarmModel", "DisarmExports", "DisarmReports", "DisarmTestSupport",
      ]
    ),
    .testTarget(
      name: "DisarmParserTests",
      dependencies: ["DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmTestSupport"]
    ),
    .testTarget(
      name: "DisarmModelTests",
      dependencies: [
        "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmTestSupport",
      ]
    ),
    .testTarget(
      name: "DisarmLintTests",
      dependencies: ["DisarmDiagnostics", "DisarmModel", "DisarmRegeneration", "DisarmLint", "DisarmTestSupport"]
    ),
    .testTarget(
      name: "DisarmEditingTests",
      dependencies: [
        "DisarmSupport", "DisarmModel", "DisarmRegeneration", "DisarmLint", "DisarmEditing", "DisarmTestSupport",
      ]
    ),
    .testTarget(
      name: "DisarmEmittersTests",
      dependencies: [
        "DisarmSupport", "DisarmDiagnostics", "DisarmFramework", "DisarmParser", "DisarmModel", "DisarmRegeneration",
        "DisarmLint", "DisarmExports", "DisarmBrowsing", "DisarmTestSupport",
      ],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "DisarmStatisticsTests",
      dependencies: [
        "DisarmDiagnostics", "DisarmModel", "DisarmParser", "DisarmExports", "DisarmStatistics", "DisarmTestSupport",
      ]
    ),
    .testTarget(
      name: "DisarmVersionsTests", dependencies: ["DisarmModel", "DisarmVersions", "DisarmTestSupport"],
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "DisarmSiteTests", dependencies: ["DisarmModel", "DisarmVersions", "DisarmSite", "DisarmTestSupport"]
    ),
    .testTarget(name: "DisarmWorkbookTests", dependencies: ["DisarmWorkbook", "DisarmTestSupport", "CZlibInflate"]),
    .testTarget(
      name: "DisarmLanguageServerTests",
      dependencies: [
        "DisarmDiagnostics", "DisarmModel", "DisarmLint", "DisarmReports", "DisarmLanguageServer", "DisarmTestSupport",
      ]
    ),
    .testTarget(
      name: "DisarmImportTests",
      dependencies: [
        "DisarmDiagnostics", "DisarmFramework", "DisarmModel", "DisarmLint", "DisarmEditing", "DisarmExports",
        "DisarmWorkbook", "DisarmImport", "DisarmTestSupport",
      ]
    ),
    .testTarget(
      name: "DisarmMigrationTests",
      dependencies: [
        "DisarmDiagnostics", "DisarmFramework", "DisarmModel", "DisarmLint", "DisarmEditing", "DisarmVersions",
        "DisarmMigration", "DisarmTestSupport",
      ]
    ),
    .testTarget(
      name: "DisarmCLITests", dependencies: ["disarm", "DisarmDiagnostics", "DisarmWorkbook", "DisarmTestSupport"],
      exclude: ["Fixtures"]
    ),
  ]
)
