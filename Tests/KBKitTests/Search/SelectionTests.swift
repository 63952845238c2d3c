import Testing
@testable import KBSearch

/// `smallest(_:by:)` keeps the best rows of the word-pair index without sorting them all: it
/// must keep exactly what sorting all and taking the first would.
@Suite struct SelectionTests {
    private struct Row { var score: Double; var id: Int }
    private let isBetter = { (a: Row, b: Row) in (a.score, a.id) < (b.score, b.id) }

    @Test func keepsWhatASortKeeps() {
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<400 {
            let count = Int.random(in: 0...80, using: &generator)
            // Few distinct scores, so that ties are decided by the id, as rowids decide them.
            let rows = (0..<count).map { Row(score: Double(Int.random(in: 0...6, using: &generator)), id: $0) }.shuffled(using: &generator)
            for k in [0, 1, 2, trial % 40, count - 1, count, count + 3] where k >= 0 {
                #expect(rows.smallest(k, by: isBetter).map(\.id) == rows.sorted(by: isBetter).prefix(k).map(\.id), "k \(k) of \(count)")
            }
        }
    }

    @Test func anElementBetterThanAllKeptGoesFirst() {
        let rows = [Row(score: 5, id: 1), Row(score: 4, id: 2), Row(score: 3, id: 3), Row(score: 1, id: 4), Row(score: 9, id: 5)]
        #expect(rows.smallest(3, by: isBetter).map(\.id) == [4, 3, 2])
    }
}
