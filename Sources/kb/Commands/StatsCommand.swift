import ArgumentParser
import Foundation
import KBKit


struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show what the store holds.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print as JSON.")
    var json = false

    func run() throws {
        let stats = try KB.report { try store.open(.readOnly).stats() }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
            return
        }
        print("store:          \(stats.path)")
        print("articles:       \(stats.articles) (from \(stats.sources) source files)")
        print("by layout:      " + stats.byLayout.map { "\($0.name) \($0.articles)" }.joined(separator: ", "))
        print("by KB:          " + stats.byKnowledgeBase.map { "\($0.name) \($0.articles)" }.joined(separator: ", "))
        print("size:           \(ByteCountFormatter.string(fromByteCount: stats.sizeBytes, countStyle: .file))")
        print("schema version: \(stats.schemaVersion)")
        print("last import:    \(stats.lastImport ?? "never")")
        print("by product:")
        for product in stats.byProduct.prefix(15) { print(String(format: "  %7d  %@", product.articles, product.name)) }
        if stats.byProduct.count > 15 { print("  … and \(stats.byProduct.count - 15) more products") }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store: SQLite's integrity check and the full-text index's own.",
        discussion: "Exit status 0 only when both pass.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let problems = try KB.report { try store.open(.readOnly).check() }
        if problems.isEmpty {
            print("ok: \(store.resolvedPath)")
        } else {
            for problem in problems { StandardError.line("kb: \(store.resolvedPath): \(problem)") }
            throw ExitCode(1)
        }
    }
}
