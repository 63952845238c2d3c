// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "kb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kb", targets: ["kb"]),
        .library(name: "KBKit", targets: ["KBKit"]),
    ],
    dependencies: [
        // SQLite access (system SQLite with FTS5), migrations, WAL pools.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The `kb` command line: subcommands, options, help and usage errors.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `kb serve`: HTTP server (routing, limits, graceful shutdown) and its test client.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Access log of `kb serve`.
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // The pages of `kb serve`: templates that HTML-escape every value.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .target(
            name: "KBKit",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            // The SQL in Schema/ (linked here) is compiled into the binary: one source of truth.
            resources: [.embedInCode("Schema")]
        ),
        .target(
            name: "KBServer",
            dependencies: [
                "KBKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.embedInCode("Templates")]
        ),
        .executableTarget(
            name: "kb",
            dependencies: [
                "KBKit",
                "KBServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "KBKitTests",
            // `kb` too: command-line tests run the built executable.
            dependencies: [
                "KBKit", "KBServer", "kb",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
