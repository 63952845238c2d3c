import Testing
@testable import KBSearch
@testable import KBStore

/// Each rule of paste analysis, on small fixtures.
@Suite struct QueryAnalysisTests {
    @Test(arguments: [
        ("2026-03-02 17:45:10,118 WARN  [worker-3] The DOS Sockets TSR is not loaded.", "The DOS Sockets TSR is not loaded."),
        ("Mar  2 17:45:10 host12 app[2231]: error: Insufficient memory to run this application.",
         "Insufficient memory to run this application."),
        ("User called in, sees this popup -> The specified path is invalid", "The specified path is invalid"),
        ("[ERROR] 12:01:02.123 Access denied", "Access denied"),
        ("#48213: Cannot find the file", "Cannot find the file"),
        ("INC0012345 Failed to connect", "Failed to connect"),
        ("2026-03-02T17:45:10Z ERROR Setup cannot continue", "Setup cannot continue"),
    ])
    func logNoiseIsRemoved(paste: String, message: String) {
        #expect(AnalyzedQuery(paste).cleaned == message)
    }

    @Test func aPlainMessageIsLeftAlone() {
        for message in ["Error 6118: The list of servers", "MEMORY MANAGER FAILURE", "Insufficient memory", "2 files were copied"] {
            #expect(AnalyzedQuery(message).cleaned == message)
        }
    }

    @Test func errorCodesHaveOneSpelling() {
        #expect(ErrorCodes.canonical(in: "failed with 0x80004005") == ["x80004005"])
        #expect(ErrorCodes.canonical(in: "code 80004005") == ["x80004005"])
        #expect(ErrorCodes.canonical(in: "Number: 2147500037") == ["x80004005"])
        #expect(ErrorCodes.canonical(in: "Number: -2147467259") == ["x80004005"])
        #expect(ErrorCodes.canonical(in: "STOP 0x0000000A") == ["x0000000a"])
        #expect(ErrorCodes.canonical(in: "version 12345678 of 2026 with 1234") == [])
    }

    /// The scan over an article's text tries only tokens of a code's shape: on random texts of
    /// codes, near-codes and other tokens, it finds what trying every token finds.
    @Test func theCodeScanFindsWhatTryingEveryTokenFinds() {
        let pieces = [
            "0x80004005", "0X8007000E", "0x1234", "0x123", "80004005", "8000400G", "7fffffff", "FFFFFFFF", "2147500037",
            "-2147467259", "-12345", "4294967295", "4294967296", "123456789", "Q123456", "KB-80004005", "a-2147467259",
            "0x80004005-x", "v1.2.3456789", "Windows95", "12345678901", "deadbeef", "c0000005", "0xC0000005", " ", ", ",
            "\n", "é80004005", "(0x800A01A8)", "-", "--2147467259", "x80004005",
        ]
        var random = SeededGenerator(seed: 20261205)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined(separator: Bool.random(using: &random) ? " " : "")
            var expected: [String] = []
            for token in text.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber) || $0 == "-") })
            where (6...11).contains(token.count) && token.contains(where: \.isNumber) {
                if let code = ErrorCodes.canonical(token: token), !expected.contains(code) { expected.append(code) }
            }
            #expect(ErrorCodes.canonical(in: text) == expected, "\(text)")
            // An article's texts are scanned one after another, as if joined by line ends.
            let cut = text.utf8.index(text.utf8.startIndex, offsetBy: Int.random(in: 0...text.utf8.count, using: &random))
            let (head, tail) = (String(text[..<cut]), String(text[cut...]))
            #expect(ErrorCodes.canonical(in: [head, tail]) == ErrorCodes.canonical(in: head + "\n" + tail), "\(head) | \(tail)")
        }
    }

    /// A word as message alignment compares it is told from a code by its bytes first: the
    /// same words come out as from trying every word, a '-' before it or not.
    @Test func alignmentWordsAreWhatTryingEveryWordGives() {
        let words = [
            "80004005", "2147500037", "2147467259", "0x80004005", "0X8007000E", "0x1234", "0x123", "0x+123", "7fffffff",
            "8000400G", "FFFFFFFF", "4294967295", "4294967296", "268435456", "268435457", "0000268435457", "123456789",
            "12345", "1", "95", "2000", "12345678901", "1234567a", "0xC0000005", "1x80004005", "٣٣٣٣٣٣٣٣٣", "0x٣٣٣٣",
        ]
        for word in words {
            for afterMinus in [false, true] {
                let plain = afterMinus ? ErrorCodes.canonical(token: Substring("-" + word)) ?? ErrorCodes.canonical(token: Substring(word))
                    : ErrorCodes.canonical(token: Substring(word))
                #expect(ErrorCodes.alignmentWord(word, afterMinus: afterMinus) == plain ?? word, "\(word) after '-': \(afterMinus)")
            }
        }
        #expect(ErrorCodes.alignmentWord("0000268435457", afterMinus: true) == "xefffffff")
        #expect(ErrorCodes.alignmentWord("0x+123", afterMinus: false) == "x00000123")
    }

    /// The alignment computes only the cells a match changes: on random pastes and messages
    /// (repeated words, placeholders, words the paste lacks) it gives what the whole table of
    /// the weighted longest common subsequence gives.
    @Test func theAlignmentIsTheWholeTablesBest() {
        var random = SeededGenerator(seed: 5)
        let vocabulary = ["the", "file", "is", "open", "disk", "full", "error", "not", "found"]
        for _ in 0..<3_000 {
            let paste = (0..<Int.random(in: 1...12, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
            let weights = paste.map { _ in Double(Int.random(in: 1...9, using: &random)) / 4 }
            let message: [MessageAlignment.Word] = (0..<Int.random(in: 1...15, using: &random)).map { _ in
                Int.random(in: 0..<8, using: &random) == 0 ? .placeholder : .word(vocabulary.randomElement(using: &random)!)
            }
            // The whole table, row by row.
            var previous = [(Double, Int)](repeating: (0, 0), count: message.count + 1)
            for (word, w) in zip(paste, weights) {
                var current = previous
                for j in 1...message.count {
                    var best = previous[j].0 >= current[j - 1].0 ? previous[j] : current[j - 1]
                    let gain: Double? = message[j - 1] == .word(word) ? w : message[j - 1] == .placeholder ? w * 0.5 : nil
                    if let gain, previous[j - 1].0 + gain > best.0 { best = (previous[j - 1].0 + gain, previous[j - 1].1 + 1) }
                    current[j] = best
                }
                previous = current
            }
            let (weight, count) = previous[message.count]
            let expected = count == 0 ? MessageAlignment.none : MessageAlignment(
                queryCoverage: min(1, weight / weights.reduce(0, +)), messageCoverage: min(1, Double(count) / Double(message.count)), matched: count)
            #expect(MessageAlignment.align(query: paste, weights: weights, message: message) == expected, "\(paste) \(message)")
        }
    }

    /// A title is read as keywords: each paste word it holds counts once, in any order, with
    /// the weight of its first place in the paste; a placeholder matches nothing.
    @Test func aTitlesOverlapCountsEachPasteWordOnce() {
        let title = MessageAlignment.words(of: "Printer found printer XXXX")
        let overlap = MessageAlignment.overlap(query: ["printer", "not", "found", "printer"], weights: [1, 2, 3, 4], message: title)
        #expect(overlap == MessageAlignment(queryCoverage: 0.4, messageCoverage: 0.5, matched: 2))
        let none = MessageAlignment.overlap(query: ["disk"], weights: [1], message: title)
        #expect(none == MessageAlignment(queryCoverage: 0, messageCoverage: 0, matched: 0))
        // Weight the paste has that no message can match lowers the paste's share.
        let lost = MessageAlignment.overlap(query: ["printer"], weights: [1], message: title, unmatched: 3)
        #expect(lost == MessageAlignment(queryCoverage: 0.25, messageCoverage: 0.25, matched: 1))
    }

    @Test func placeholdersMatchAnyWord() {
        let words = MessageAlignment.words(of: "Failed to connect to the Microsoft Exchange Server, <servername>.")
        #expect(words.last == .placeholder)
        let query = ["failed", "to", "connect", "to", "the", "microsoft", "exchange", "server", "exch01"]
        let alignment = MessageAlignment.align(query: query, weights: query.map { _ in 1 }, message: words)
        #expect(alignment.messageCoverage == 1)
        #expect(MessageAlignment.words(of: "Unable to Use XXXX.BMP As a Desktop Bitmap").contains(.placeholder))
    }

    @Test func alignmentRewardsOrderAndCompleteness() {
        let message = MessageAlignment.words(of: "The specified path is invalid")
        let weights = [Double](repeating: 1, count: 5)
        let exact = MessageAlignment.align(query: ["the", "specified", "path", "is", "invalid"], weights: weights, message: message)
        let shuffled = MessageAlignment.align(query: ["invalid", "is", "path", "specified", "the"], weights: weights, message: message)
        let half = MessageAlignment.align(query: ["the", "specified", "path"], weights: [1, 1, 1], message: message)
        #expect(exact.score == 1)
        #expect(shuffled.score < 0.5)
        #expect(half.score > 0.7 && half.score < 1)
    }

    @Test func commonWordsAreLeftOutOfTheIndexQuery() {
        let stats = TermStatistics(articles: 1000, documentFrequency: ["the": 990, "is": 950, "swapfile": 3, "driver": 120])
        let query = stats.indexQuery(
            tokens: ["the", "swapfile", "is", "driver", "the"], codes: [], limit: 10, postingBudget: 200, readLimit: .max)
        #expect(query.terms == ["swapfile", "driver"])
        #expect(query.expression?.fts5 == "\"swapfile\" OR \"driver\"")
        #expect(stats.idf("the") < stats.idf("driver"))
        #expect(stats.idf("unknown") == 0)
    }

    @Test func termsBeyondThePostingBudgetAreRequiredTogether() {
        let stats = TermStatistics(
            articles: 100_000, documentFrequency: ["swapfile": 300, "driver": 4_000, "device": 9_000, "config": 7_000])
        let tokens = ["device", "driver", "config", "swapfile"]
        // The rarest fits the budget; the next two are only candidates together.
        let oneFits = stats.indexQuery(tokens: tokens, codes: [], limit: 8, postingBudget: 800, readLimit: .max)
        #expect(oneFits.anyOf == ["swapfile"])
        #expect(oneFits.allOf == ["driver", "config"])
        #expect(oneFits.expression?.fts5 == "\"swapfile\" OR (\"driver\" AND \"config\")")
        // None fits: the two rarest together.
        let noneFits = stats.indexQuery(tokens: tokens, codes: [], limit: 8, postingBudget: 100, readLimit: .max)
        #expect(noneFits.expression?.fts5 == "(\"swapfile\" AND \"driver\")")
        // Two fit: no conjunction needed.
        let twoFit = stats.indexQuery(tokens: tokens, codes: [], limit: 8, postingBudget: 5_000, readLimit: .max)
        #expect(twoFit.expression?.fts5 == "\"swapfile\" OR \"driver\"")
        // A conjunction expected to be too large is left out.
        let common = stats.indexQuery(tokens: ["swapfile", "device", "config"], codes: [], limit: 8, postingBudget: 400, readLimit: .max)
        #expect(common.expression?.fts5 == "\"swapfile\"")
        // A single common term: no query, unless one is needed whatever it costs.
        #expect(stats.indexQuery(tokens: ["device"], codes: [], limit: 8, postingBudget: 100, readLimit: .max).expression?.fts5 == nil)
        let single = stats.indexQuery(tokens: ["device"], codes: [], limit: 8, postingBudget: 100, readLimit: .max, always: true)
        #expect(single.expression?.fts5 == "\"device\"")
        let allCommon = stats.indexQuery(tokens: ["device", "config"], codes: [], limit: 8, postingBudget: 100, readLimit: .max, always: true)
        #expect(allCommon.expression?.fts5 == "(\"config\" AND \"device\")")
    }

    @Test func aConjunctionOfLongListsIsLeftOut() {
        let stats = TermStatistics(articles: 1_000_000, documentFrequency: ["swapfile": 300, "driver": 20_000, "device": 15_000])
        let tokens = ["swapfile", "driver", "device"]
        // Expected to share about 300 articles, but reading the rarest list alone exceeds the limit.
        let tooLong = stats.indexQuery(tokens: tokens, codes: [], limit: 8, postingBudget: 400, readLimit: 4_000)
        #expect(tooLong.expression?.fts5 == "\"swapfile\"")
        let withinLimit = stats.indexQuery(tokens: tokens, codes: [], limit: 8, postingBudget: 400, readLimit: 20_000)
        #expect(withinLimit.expression?.fts5 == "\"swapfile\" OR (\"device\" AND \"driver\")")
        // Asked whatever it costs when the index must be asked and nothing else fits.
        let forced = stats.indexQuery(tokens: ["driver", "device"], codes: [], limit: 8, postingBudget: 400, readLimit: 4_000, always: true)
        #expect(forced.expression?.fts5 == "(\"device\" AND \"driver\")")
    }

    @Test func pairsAreChosenAsTermsAre() {
        let stats = TermStatistics(
            articles: 1_000_000, documentFrequency: ["specified_path": 40, "the_specified": 900, "path_is": 2_000, "is_invalid": 300])
        let pairs = WordPairs.of(["the", "specified", "path", "is", "invalid", "the", "specified"])
        #expect(pairs == ["the_specified", "specified_path", "path_is", "is_invalid", "invalid_the", "the_specified"])
        #expect(WordPairs.of(["alone"]).isEmpty)
        // Unknown pairs are left out, the rest taken rarest first while the budget lasts.
        let query = stats.indexQuery(tokens: pairs, codes: [], limit: 8, postingBudget: 1_000, readLimit: 10_000)
        #expect(query.expression?.fts5 == "\"specified_path\" OR \"is_invalid\"")
    }

    @Test func pairsNeverSpanTwoMessages() {
        let text = WordPairs.indexed(title: "Err Msg: Path Invalid", messages: "The specified path\nis invalid")
        #expect(text.split(separator: " ") == ["err_msg", "msg_path", "path_invalid", "the_specified", "specified_path", "is_invalid"])
    }

    @Test func errorCodesComeFirstWithinTheBudget() {
        let stats = TermStatistics(
            articles: 100_000, documentFrequency: ["x80004005": 90, "x00000000": 5_000, "swapfile": 300, "driver": 4_000])
        let query = stats.indexQuery(
            tokens: ["swapfile", "driver"], codes: ["x00000000", "x80004005", "xdeadbeef"], limit: 8, postingBudget: 800, readLimit: .max)
        // The common code is left out, the unknown one matches nothing.
        #expect(query.codes == ["x80004005"])
        #expect(query.expression?.fts5 == "\"swapfile\" OR codes : \"x80004005\"")
    }

    @Test func userSyntaxNeverReachesTheIndexUnquoted() {
        let query = IndexQuery(anyOf: ["near", "or", "x\"y"], allOf: ["and", "not"], codes: ["x80004005"])
        #expect(query.expression?.fts5 == "\"near\" OR \"or\" OR \"x\"\"y\" OR (\"and\" AND \"not\") OR codes : \"x80004005\"")
    }
}
