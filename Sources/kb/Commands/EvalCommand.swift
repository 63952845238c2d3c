import ArgumentParser
import Foundation
import KBKit


struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure ranking against a query set with known answers.",
        discussion: """
            QUERIES is JSON Lines, one {"id", "variant", "query"} a line, where id is the \
            article that answers the query, or one {"path", "variant", "query"} a line, where \
            path is the answering file relative to the folder imported (it matches the end of \
            the article's source path). A query may name a "rival": an article (id or path) \
            that quotes nearly the same message; eval then reports how often the answer ranks \
            above it. Prints MRR@10, recall@1 and recall@10, overall, per variant and, for \
            path-keyed queries, per knowledge base (the path's first folder), and the median \
            and p99 search time inside this process.
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Also list the queries whose answer is not ranked first.")
    var misses = false

    @Flag(help: "Run every query once before the timed run, as a long-running server would have.")
    var warmUp = false

    @Option(help: "Also list the N slowest queries with their times.")
    var slowest = 0

    @Argument(help: "The query file (JSON Lines).")
    var queries: String

    struct Query: Decodable {
        var id: String?
        var path: String?
        var variant: String?
        var query: String
        /// An article quoting nearly the same message, which the answer should rank above.
        var rival: String?

        /// Whether `result` is the answer.
        func isAnswered(by result: SearchResult) -> Bool {
            if let id { return result.id == id }
            guard let path else { return false }
            return Self.names(path, result)
        }

        /// Whether `result` is the rival.
        func isRival(_ result: SearchResult) -> Bool {
            guard let rival else { return false }
            return result.id == rival || Self.names(rival, result)
        }

        /// Whether `path` names `result`'s file: its whole source path or the end of it.
        private static func names(_ path: String, _ result: SearchResult) -> Bool {
            let source = result.article.source.path
            return source == path || source.hasSuffix("/" + path)
        }

        /// The groups the query is reported in besides "all".
        var groups: [String] {
            var groups = [variant ?? "all"]
            // "format:json-log" is reported on its own and within "format".
            if let variant, let family = variant.split(separator: ":").first, family != variant[...] { groups.append(String(family)) }
            if let path, let folder = path.split(separator: "/").first { groups.append("kb \(folder)") }
            return groups
        }
    }

    /// The query file, or exit status 2 with a message naming the file (and line) when it is
    /// missing, empty or malformed: a bad query file is a usage error.
    private func readQueries() throws -> [Query] {
        func refuse(_ message: String) -> ExitCode {
            StandardError.line("kb: \(message)")
            return ExitCode(2)
        }
        guard let data = FileManager.default.contents(atPath: queries) else { throw refuse("\(queries): cannot read the query file") }
        var parsed: [Query] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            guard let query = try? JSONDecoder().decode(Query.self, from: Data(line)), (query.id == nil) != (query.path == nil) else {
                throw refuse("\(queries):\(index + 1): not a {\"id\" or \"path\", \"variant\", \"query\"} object")
            }
            parsed.append(query)
        }
        guard !parsed.isEmpty else { throw refuse("\(queries): no queries in the file") }
        return parsed
    }

    func run() throws {
        let lines = try readQueries()
        // Many searches in one process, as a server would run them.
        let engine = SearchEngine(store: try KB.report { try store.open(.readOnly, lifetime: .longLived) })
        if warmUp {
            for q in lines { _ = try KB.report { try engine.search(q.query, options: .init(limit: 10)) } }
        }
        var byVariant: [String: [Int?]] = [:]
        var all: [Int?] = []
        var times: [Double] = []
        var timed: [(Double, Query)] = []
        var rivalWins: [String: (won: Int, of: Int)] = [:]
        var out = StandardOutput()
        defer { out.flush() }
        for q in lines {
            let start = DispatchTime.now().uptimeNanoseconds
            let response = try KB.report { try engine.search(q.query, options: .init(limit: 10)) }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            if slowest > 0 { timed.append((times[times.count - 1], q)) }
            let rank = response.results.firstIndex(where: q.isAnswered).map { $0 + 1 }
            all.append(rank)
            for group in q.groups { byVariant[group, default: []].append(rank) }
            if q.rival != nil {
                // The answer wins when it is listed and the rival is not, or is listed lower.
                let rivalRank = response.results.firstIndex(where: q.isRival).map { $0 + 1 }
                let won = rank != nil && (rivalRank == nil || rank! < rivalRank!)
                // Once per group: a query without a variant is in "all" by `groups` already.
                for group in Set(["all"] + q.groups) {
                    rivalWins[group, default: (0, 0)].won += won ? 1 : 0
                    rivalWins[group, default: (0, 0)].of += 1
                }
            }
            if misses, rank != 1 {
                out.write("miss \(q.id ?? q.path ?? "") [\(q.variant ?? "")] rank \(rank.map(String.init) ?? "-"), got \(response.results.first?.id ?? "-"): \(q.query.prefix(100).replacingOccurrences(of: "\n", with: "⏎"))\n")
            }
        }
        func line(_ name: String, _ ranks: [Int?]) -> String {
            let n = Double(ranks.count)
            let mrr = ranks.reduce(0.0) { $0 + ($1.map { 1.0 / Double($0) } ?? 0) } / n
            let r1 = Double(ranks.filter { $0 == 1 }.count) / n
            let r10 = Double(ranks.filter { $0 != nil }.count) / n
            // Padded by hand: `%-10@` does not pad on Linux.
            let padded = name.count < 10 ? name + String(repeating: " ", count: 10 - name.count) : name
            return padded + String(format: " %5d  MRR@10 %.3f  recall@1 %.3f  recall@10 %.3f\n", ranks.count, mrr, r1, r10)
        }
        out.write(TerminalText(line("all", all)))
        for variant in byVariant.keys.sorted() where variant != "all" { out.write(TerminalText(line(variant, byVariant[variant]!))) }
        for group in rivalWins.keys.sorted() {
            let (won, of) = rivalWins[group]!
            out.write(TerminalText("rival " + group + String(format: ": the answer above its rival in %d of %d (%.3f)\n", won, of, Double(won) / Double(of))))
        }
        for (time, q) in timed.sorted(by: { $0.0 > $1.0 }).prefix(slowest) {
            out.write(TerminalText(String(format: "slow %7.2f ms  ", time) + (q.id ?? q.path ?? "") + ": "
                + String(q.query.prefix(100)).replacingOccurrences(of: "\n", with: "⏎") + "\n"))
        }
        times.sort()
        let median = times[times.count / 2]
        let p99 = times[min(times.count - 1, Int(Double(times.count) * 0.99))]
        out.write(TerminalText(String(format: "search time in process: median %.2f ms, p99 %.2f ms (%d queries)\n", median, p99, times.count)))
    }
}
