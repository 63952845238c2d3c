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
            StandardOutput.printJSON(ReportJSON.render(stats))
            return
        }
        var lines = [
            "store:          \(stats.path)",
            "articles:       \(stats.articles) (from \(stats.sources) source files)",
            "by layout:      " + stats.byLayout.map { "\($0.name) \($0.articles)" }.joined(separator: ", "),
            "by KB:          " + stats.byKnowledgeBase.map { "\($0.name) \($0.articles)" }.joined(separator: ", "),
            "size:           \(ByteCountFormatter.string(fromByteCount: stats.sizeBytes, countStyle: .file))",
            "schema version: \(stats.schemaVersion)",
            "last import:    \(stats.lastImport ?? "never")",
            "by product:",
        ]
        for product in stats.byProduct.prefix(15) {
            let count = String(product.articles)
            lines.append("  " + String(repeating: " ", count: max(0, 7 - count.count)) + count + "  " + product.name)
        }
        if stats.byProduct.count > 15 { lines.append("  … and \(stats.byProduct.count - 15) more products") }
        StandardOutput.print(TerminalText(lines.joined(separator: "\n")))
    }
}
