import Testing
@testable import KBSearch
@testable import KBStore

/// Long pastes: which lines are searched, which search leads, and a second error.
@Suite struct LongPasteTests {
    // MARK: Choosing lines, without a store

    /// The lines of a paste, as its analysis finds them (numbered from 1).
    private func lines(_ texts: String...) -> [PasteLine] {
        AnalyzedQuery(texts.joined(separator: "\n")).lines
    }

    @Test func theLinesWithRarePairsOfTitlesAndMessagesAreSearched() {
        let lines = lines(
            "INFO Connection to db established",
            "INFO Heartbeat ok",
            "WARN The DOS Sockets TSR is not loaded",
            "INFO Cache hit ratio 97%")
        // Pairs of the pair index: rare ones weigh most; pairs it lacks weigh nothing.
        let statistics = TermStatistics(articles: 1_000, documentFrequency: [
            "connection_to": 300, "dos_sockets": 3, "sockets_tsr": 2, "tsr_is": 4, "is_not": 400, "not_loaded": 20,
        ])
        let chosen = PasteSegments.likelyMessages(PasteSegments.terms(of: lines), statistics: statistics)
        #expect(chosen.map(\.line.number) == [3, 1])
    }

    @Test func aLineThatSaysSomethingFailedCountsDouble() {
        let lines = lines("INFO Connection to server restored", "ERROR Connection to server lost")
        let statistics = TermStatistics(articles: 1_000, documentFrequency: ["connection_to": 100, "to_server": 100])
        let chosen = PasteSegments.likelyMessages(PasteSegments.terms(of: lines), statistics: statistics)
        #expect(chosen.first?.line.number == 2)
        #expect(PasteSegments.saysSomethingFailed("The file could not be found"))
        #expect(!PasteSegments.saysSomethingFailed("Not all files were copied"))
    }

    // MARK: Merging searches, without a store

    private func run(_ number: Int?, top: String, reproduced: Double, closeness: Double, weight: Double, others: [String] = []) -> Run {
        let ranked = ([top] + others).enumerated().map { index, id in
            RankedCandidate(
                candidate: Candidate(rowid: Int64(id.dropFirst())!, id: id, title: id, messages: [], bm25: 1),
                score: 3 - Double(index),
                explanation: ScoreExplanation(bm25: 1, message: index == 0 ? closeness : 0.1, title: 0, errorTitle: 0, code: 0, terms: [], candidates: 3),
                matchedMessage: nil, reproduced: index == 0 ? reproduced : 0.05)
        }
        return Run(line: number.map { PasteLine(number: $0, text: "line \($0)", original: "line \($0)") },
                   query: AnalyzedQuery("x"), ranked: ranked, weight: weight)
    }

    @Test func theSearchExplainingMostOfThePasteLeads() {
        // The whole paste matches a long message in a few words; line 7 matches one whole.
        let whole = run(nil, top: "Q1", reproduced: 0.02, closeness: 0.3, weight: 400, others: ["Q2"])
        let seventh = run(7, top: "Q3", reproduced: 1, closeness: 1, weight: 20, others: ["Q1"])
        let merged = Run.merge([whole, seventh], limit: 10)
        #expect(merged.map(\.0.candidate.id) == ["Q3", "Q1"])
        #expect(merged.first?.1.line?.number == 7)
    }

    @Test func aSecondErrorComesSecondWithItsLine() {
        let first = run(3, top: "Q1", reproduced: 1, closeness: 1, weight: 30, others: ["Q4", "Q5"])
        let second = run(9, top: "Q2", reproduced: 1, closeness: 0.95, weight: 20, others: ["Q6"])
        let merged = Run.merge([first, second], limit: 5)
        // The best for each error, then the others of each search in turn.
        #expect(merged.map(\.0.candidate.id) == ["Q1", "Q2", "Q4", "Q6", "Q5"])
        #expect(merged.map { $0.1.line?.number } == [3, 9, 3, 9, 3])
    }

    @Test func aLooseMatchOfAnotherLineIsNoSecondError() {
        let first = run(3, top: "Q1", reproduced: 1, closeness: 1, weight: 30, others: ["Q4"])
        let loose = run(9, top: "Q2", reproduced: 0.3, closeness: 0.5, weight: 20)
        #expect(Run.merge([first, loose], limit: 3).map(\.0.candidate.id) == ["Q1", "Q4"])
    }

    // MARK: On the curated articles

    let engine = SearchEngine(store: try! TemporaryStore.articles.open())

    /// `count` lines of unrelated log, with `messages` (line number, text) placed among them.
    private func log(_ count: Int, with messages: [(Int, String)]) -> String {
        let noise = [
            "Connection to 10.1.2.3:443 established in 12 ms", "Request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 completed",
            "Cache hit ratio 97% over last 5 minutes", "Scheduled job nightly-cleanup started (run 88)",
            "User dana signed in from 10.4.4.4", "GC pause 12ms, heap 512MB/4096MB",
        ]
        return (1...count).map { number in
            let text = messages.first { $0.0 == number }.map { "ERROR [worker-2] " + $0.1 } ?? "INFO  [worker-2] " + noise[number % noise.count]
            return "2026-03-02 17:45:\(10 + number),118 " + text
        }.joined(separator: "\n")
    }

    @Test func oneLineOfThirtyDecides() throws {
        let paste = log(30, with: [(17, "The DOS Sockets TSR is not loaded.")])
        let best = try #require(try engine.search(paste).results.first)
        #expect(best.id == "Q121793")
        #expect(best.pasteLine?.number == 17)
    }

    @Test func twoErrorsShowTheBestArticleForEach() throws {
        let paste = log(20, with: [(4, "The specified path is invalid"), (15, "Incorrect Response from the Network")])
        let results = try engine.search(paste, options: .init(limit: 5)).results
        #expect(Set(results.prefix(2).map(\.id)) == ["Q60838", "Q130093"])
        #expect(Set(results.prefix(2).compactMap { $0.pasteLine?.number }) == [4, 15])
    }
}
