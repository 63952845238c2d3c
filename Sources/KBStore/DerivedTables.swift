import Foundation
import GRDB
import Synchronization

/// What an import's end derives from the full-text indexes: the term statistics
/// (`TermStatistics.Counts`, `HeadCounts`) and the common words' bitmaps (`TermRows`).
///
/// An import reads them from the articles it has committed, on reader connections and
/// threads of their own, while its writer merges the indexes (`IndexSegments.merge`), then
/// writes them in its last transaction. On the whole archive the merge, the statistics and
/// the bitmaps took 1.2, 0.9 and 0.7 s one after the other, a second core idle.
struct DerivedTables: Sendable {
    var counts: TermStatistics.Counts
    var head: TermStatistics.HeadCounts
    var bitmaps: [TermRows.Bitmap]

    /// Reads them from what `pool` has committed, on other threads, while `work` runs on this
    /// one: the statistics on one reader connection, then the bitmaps on two, each making
    /// every other word's. When `work` throws, its error is thrown once the reads are over.
    static func read(from pool: DatabasePool, alongside work: () throws -> Void) throws -> DerivedTables {
        let result = Mutex<Result<DerivedTables, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let read = Result { try readConcurrently(pool) }
            result.withLock { $0 = read }
            done.signal()
        }
        let worked = Result { try work() }
        done.wait()
        try worked.get()
        return try result.withLock { $0! }.get()
    }

    private static func readConcurrently(_ pool: DatabasePool) throws -> DerivedTables {
        let (counts, head) = try pool.read { db in try (TermStatistics.Counts(db), TermStatistics.HeadCounts(db)) }
        let words = TermRows.commonWords(counts.terms, among: counts.articles)
        let halves = Mutex<[Result<[TermRows.Bitmap], any Error>?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let share = stride(from: half, to: words.count, by: 2).map { words[$0] }
            let read = Result { try pool.read { db in try TermRows.bitmaps(of: share, db) } }
            halves.withLock { $0[half] = read }
        }
        let (even, odd) = halves.withLock { ($0[0]!, $0[1]!) }
        let (evens, odds) = (try even.get(), try odd.get())
        // Back in the words' order, the order the index lists them in.
        var bitmaps: [TermRows.Bitmap] = []
        bitmaps.reserveCapacity(words.count)
        for index in words.indices { bitmaps.append(index % 2 == 0 ? evens[index / 2] : odds[index / 2]) }
        return DerivedTables(counts: counts, head: head, bitmaps: bitmaps)
    }

    private init(counts: TermStatistics.Counts, head: TermStatistics.HeadCounts, bitmaps: [TermRows.Bitmap]) {
        self.counts = counts
        self.head = head
        self.bitmaps = bitmaps
    }

    /// Replaces the rows of `term_stats`, `head_term_stats` and `term_rows` with these.
    func write(_ db: Database) throws {
        try counts.write(db)
        try head.write(db)
        try TermRows.write(bitmaps, db)
    }
}
