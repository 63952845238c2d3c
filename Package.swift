// swift-tools-version:6.1
import PackageDescription

// The layers, lowest first. Each target imports only those below it, so the compiler rejects
// an upward dependency; each declares every module it imports (`Scripts/check-docs` checks
// that, and that the architecture article's table of dependencies is this file's):
//
//   KBModel     the article record, ids, dates and the record's JSON codec (no dependencies)
//   CCmarkGFM   the system's cmark-gfm, the CommonMark + GFM parser docs-as-code articles are read with
//   KBParsing   article files (the archive's two layouts, docs-as-code Markdown) into records
//   CSQLiteSettings  process-wide SQLite settings (sqlite3_config, which Swift cannot call), the
//                    allocation pool SQLite gets in a process that runs one search, and the VFS
//                    that maps the whole of a store for a long-lived reader
//   KBStore     the SQLite store: schema, migrations, every SQL statement, the index's text analysis
//   KBSearch    ranking a paste: query analysis, candidate retrieval, re-ranking, result assembly
//   KBPrinter   every byte kb shows: terminal text, JSON and the HTML pages, from one presentation of a result
//   KBExchange  article files in and out: reading dumps and exports, import, export (no search)
//   KBServer    `kb serve`: routes, gates and caches for the pages and the JSON API
//   CExecutablePages  what kb's process does before main: has its executable file read in huge folios
//   kb          the command line
//   kb-serve    the server process `kb serve` runs in its place (kb links no server library)
//
// KBKit re-exports the library layers for a program that embeds kb.
let package = Package(
    name: "kb",
    products: [
        .executable(name: "kb", targets: ["kb"]),
        .executable(name: "kb-serve", targets: ["kb-serve"]),
        .library(name: "KBKit", targets: ["KBKit"]),
    ],
    dependencies: [
        // SQLite access (system SQLite with FTS5), migrations, WAL pools.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The `kb` command line: subcommands, options, help and usage errors.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `kb serve`: HTTP server (routing, limits, graceful shutdown) and its test client.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // `kb serve`: the event loops and thread pool under Hummingbird (imported directly).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // `kb serve`: the service group that runs the server and stops it on SIGTERM/SIGINT.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Access log of `kb serve`.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // The pages of `kb serve`: templates that HTML-escape every value.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The YAML front matter of docs-as-code articles.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Scripts/docs: the DocC catalog of KBKit (`swift package generate-documentation`).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(name: "KBModel"),
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev), as SQLite is.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "KBParsing", dependencies: ["KBModel", "CCmarkGFM", .product(name: "Yams", package: "Yams")]),
        // sqlite3_config is variadic: a C wrapper calls it. SQLite itself comes through GRDBSQLite.
        .target(name: "CSQLiteSettings", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(
            name: "KBStore",
            dependencies: ["KBModel", "CSQLiteSettings", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
            // The SQL in Schema/ (linked here) is compiled into the binary: one source of truth.
            resources: [.embedInCode("Schema")]
        ),
        .target(name: "KBSearch", dependencies: ["KBModel", "KBStore"]),
        .target(
            name: "KBPrinter",
            dependencies: ["KBModel", "KBStore", "KBSearch", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.embedInCode("Templates")]
        ),
        .target(name: "KBExchange", dependencies: ["KBModel", "KBParsing", "KBStore"]),
        .target(name: "KBKit", dependencies: ["KBModel", "KBParsing", "KBStore", "KBSearch", "KBPrinter", "KBExchange"]),
        .target(
            name: "KBServer",
            dependencies: [
                "KBModel", "KBStore", "KBSearch", "KBPrinter", "KBExchange",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Before main: how the kernel reads kb's own executable file (a search is a short-lived process).
        .target(name: "CExecutablePages"),
        .executableTarget(
            name: "kb",
            dependencies: [
                "KBKit",
                "CExecutablePages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The server process `kb serve` runs in its place: kb itself links no server library.
        .executableTarget(
            name: "kb-serve",
            dependencies: ["KBKit", "KBServer", .product(name: "Logging", package: "swift-log")]
        ),
        // Scripts/bench-json: the record's writer against JSONEncoder.
        .executableTarget(name: "kb-bench-json", dependencies: ["KBModel"], path: "Benchmarks/RecordJSON"),
        .testTarget(
            name: "KBKitTests",
            // `kb` too: command-line tests run the built executable.
            dependencies: [
                "KBKit", "KBServer", "kb", "kb-serve", "CSQLiteSettings",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
