import Foundation
import GRDB
import Testing
@testable import KBModel
@testable import KBStore

/// The search tokenizer must split text exactly as the full-text index does, or a word that
/// is indexed cannot be found. The reference is SQLite itself: the text is indexed in an FTS5
/// table with the store's tokenizer, and its tokens read back in order through fts5vocab.
@Suite struct TokenizerAgreementTests {
    /// What the index makes of each text, in order.
    static func indexTokens(_ texts: [String]) throws -> [[String]] {
        let db = try DatabaseQueue()
        return try db.write { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');
                """)
            for (index, text) in texts.enumerated() {
                try db.execute(sql: "INSERT INTO t(rowid, x) VALUES (?, ?)", arguments: [index + 1, text])
            }
            var result = [[String]](repeating: [], count: texts.count)
            for row in try Row.fetchAll(db, sql: "SELECT doc, term FROM v ORDER BY doc, offset") {
                result[(row["doc"] as Int) - 1].append(row["term"])
            }
            return result
        }
    }

    static let edgeCases = [
        "Can't open C:\\WINDOWS\\WIN.INI (Café)",
        "Die Straße ist gesperrt", "STRASSE", "ẞ Großbuchstabe",
        "ﬁle ﬂow ﬀ Ǆemal ǅ ǆ", "Œuvre æther Ĳssel",
        "İstanbul ıIiİ DİYARBAKIR", "ΣΊΣΥΦΟΣ ς σ", "ǰ ŉ",
        "e\u{301}te\u{301} cafe\u{301} a\u{308}", "\u{301}leading mark", "n\u{303}\u{323}",
        "１２３ ＡＢＣ ｆｕｌｌ－ｗｉｄｔｈ", "Ⅻ ½ ² ₂ ٣ ۳ ३",
        "error 🙂 emoji👍🏽inside 🇩🇪", "\u{200D}joiner\u{200C}non",
        "שגיאה בחיבור לשרת", "خطأ في الاتصال بالخادم", "مرحبا\u{200F}العالم",
        "Ошибка подключения ЁЛКА", "接続エラーが発生しました", "한국어 오류", "ไทย",
        "tab\there\u{00A0}nbsp\u{2003}em", "\u{FEFF}bom", "x\u{1}y\u{7F}z", "under_score hyphen-word dot.word",
        "Ḁḁ ẞ Ỳ ỳ Ø ø Đ đ Ł ł Ħ ħ Þ þ Ð ð",
        // Letters with two diacritics, which only `remove_diacritics 2` strips.
        "ǖ ǘ ǚ ǜ ḗ ṓ ộ ữ Ǻ ǻ",
        "𝐁𝐨𝐥𝐝 𝔉𝔯𝔞𝔨 𐐀𐐨 Deseret", "\u{E000}private use", "\u{10FFFF} last",
    ]

    @Test func unicodeEdgeCasesAgreeWithSQLite() throws {
        let expected = try Self.indexTokens(Self.edgeCases)
        for (text, tokens) in zip(Self.edgeCases, expected) {
            #expect(Tokenizer.words(text) == tokens, "\(text)")
        }
    }

    @Test func theIndexKeepsSharpSAndLigatures() throws {
        // The reference itself, so that the test cannot pass on a folding the index does not do.
        #expect(try Self.indexTokens(["Straße ﬁle"]) == [["straße", "ﬁle"]])
        #expect(Tokenizer.words("Straße ﬁle") == ["straße", "ﬁle"])
    }

    @Test func tokenRangesPointAtTheWordsInTheText() {
        let text = "Die Straße: ﬁle é"
        let bytes = Array(text.utf8)
        let cut = Tokenizer.tokens(text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(cut == ["Die", "Straße", "ﬁle", "é"])
    }

    /// `Scripts/tokenizer-agreement` sets KB_TOKEN_FILE to a file of every distinct
    /// whitespace-separated chunk of a knowledge base, one per line.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KB_TOKEN_FILE"] != nil))
    func everyChunkOfAKnowledgeBaseAgreesWithSQLite() throws {
        let path = try #require(ProcessInfo.processInfo.environment["KB_TOKEN_FILE"])
        let chunks = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        var disagreements = 0
        for start in stride(from: 0, to: chunks.count, by: 50_000) {
            let batch = Array(chunks[start..<min(start + 50_000, chunks.count)])
            for (text, tokens) in zip(batch, try Self.indexTokens(batch)) where Tokenizer.words(text) != tokens {
                disagreements += 1
                if disagreements <= 20 { Issue.record("'\(text)': kb \(Tokenizer.words(text)), SQLite \(tokens)") }
            }
        }
        print("tokenizer agreement: \(chunks.count) distinct chunks, \(disagreements) disagreements")
        #expect(disagreements == 0)
        #expect(chunks.count > 0)
    }
}
