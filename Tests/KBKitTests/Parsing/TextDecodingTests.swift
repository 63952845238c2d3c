import Testing
@testable import KBModel
@testable import KBParsing

/// A dump file's bytes become clean text: line ends, stray controls, byte order marks and the
/// two encodings real dumps mix.
@Suite struct TextDecodingTests {
    private func decoded(_ bytes: [UInt8]) throws -> String {
        try TextDecoding.decode(bytes)
    }

    @Test func lineEndsBecomeLineFeeds() throws {
        #expect(try decoded(Array("one\r\ntwo\rthree\nfour\r\n".utf8)) == "one\ntwo\nthree\nfour\n")
        #expect(try decoded(Array("a\r\r\nb".utf8)) == "a\n\nb")
    }

    @Test func strayControlsAreRemovedTabsKept() throws {
        #expect(try decoded(Array("a\u{07}b\tc\u{1B}[0md\u{7F}e".utf8)) == "ab\tc[0mde")
    }

    @Test func utf8KeepsItsCharactersAndLosesC1ControlsAndTheByteOrderMark() throws {
        let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("café ".utf8) + [0xC2, 0x85] + Array("x\u{00A0}y €".utf8)
        #expect(try decoded(text) == "café x\u{00A0}y €")
    }

    @Test func windows1252IsReadWhenTheFileIsNotUTF8() throws {
        // 0x93 0x94: curly quotes; 0xE9: é; 0x81: undefined in the code page, dropped.
        let text: [UInt8] = Array("say ".utf8) + [0x93] + Array("hi".utf8) + [0x94, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x81, 0x0D, 0x0A]
        #expect(try decoded(text) == "say \u{201C}hi\u{201D} café\n")
    }

    /// ASCII is scanned eight bytes a step, other text byte by byte: the two agree. Random
    /// ASCII of line ends, tabs, controls and DEL, decoded alone and with a character that
    /// is not ASCII after it.
    @Test func asciiIsDecodedAsOtherTextIs() throws {
        let pieces = ["line", " ", "\r\n", "\r", "\n", "\t", "\u{07}", "\u{7F}", "\u{1B}[0m", "x", "~", "Error 0x80004005."]
        var random = SeededGenerator(seed: 7)
        for _ in 0..<1_000 {
            let text = (0..<Int.random(in: 1...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            guard let ascii = try? decoded(Array(text.utf8)) else { continue }
            #expect(try decoded(Array((text + "é").utf8)) == ascii + "é", "\(Array(text.utf8))")
        }
    }

    /// Text kept as it is (printable ASCII, tabs and line feeds) is told from other text
    /// whatever byte breaks it and wherever: random lengths, each byte value at random places.
    @Test func textKeptAsItIsIsToldFromOtherText() throws {
        var random = SeededGenerator(seed: 11)
        let isKept = { (b: UInt8) in (0x20..<0x7F).contains(b) || b == 0x09 || b == 0x0A }
        for _ in 0..<3_000 {
            var bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0x20...0x7E, using: &random) }
            if !bytes.isEmpty, Bool.random(using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            let kept = bytes.withUnsafeBufferPointer(TextDecoding.keepsAsIs)
            #expect(kept == bytes.allSatisfy(isKept), "\(bytes)")
            if kept, let text = try? decoded(bytes) { #expect(Array(text.utf8) == bytes, "\(bytes)") }
        }
    }

    @Test func theFirstNulIsReportedWhereverItIs() {
        let text = Array("DOCUMENT:Q1\r\n\u{07}".utf8) + [0x00, 0x41, 0x00]
        #expect(throws: ParseError.binary("NUL byte at offset 14")) { try TextDecoding.decode(text) }
    }
}

@Suite struct LineSplittingTests {
    @Test func linesSplitAtLineFeedsOnly() {
        #expect("é one\nx\r\n\n€".lineArray == ["é one", "x\r", "", "€"])
        #expect("".lineArray == [""])
        #expect("end\n".lineArray == ["end", ""])
    }

    @Test func joiningAsTheStandardLibraryDoes() {
        for strings in [[], [""], ["a"], ["", ""], ["a", "b", "c"], ["é", "", "日本"]] {
            #expect(strings.joined(by: ", ") == strings.joined(separator: ", "), "\(strings)")
            #expect(strings[...].joined(by: "") == strings.joined(), "\(strings)")
            let substrings = strings.map { "<\($0)>".dropFirst().dropLast() }
            #expect(substrings.joined(by: " ") == strings.joined(separator: " "), "\(strings)")
        }
    }

    @Test func byteWiseSubstringSearch() {
        #expect("aaab".includes("aab"))
        #expect("error 0x80070005".includes("error"))
        #expect("error 0x80070005".includes("0005"))
        #expect(!"error 0x8007000".includes("0005"))
        #expect(!"ab".includes("abc"))
        #expect("x".includes(""))
        #expect("caf\u{E9} \u{A0}".includes("\u{A0}"))
        #expect(!"caf\u{E9}".includes("\u{A0}"))
        #expect("a line: x".dropFirst(2).includes("line"))
    }

    @Test func characterLimitCountsCharactersNotBytes() {
        #expect(String(repeating: "a", count: 80).hasAtMost(characters: 80))
        #expect(!String(repeating: "a", count: 81).hasAtMost(characters: 80))
        #expect(String(repeating: "\u{E9}", count: 80).hasAtMost(characters: 80))
        #expect(!String(repeating: "\u{E9}", count: 81).hasAtMost(characters: 80))
        #expect(String(repeating: "e\u{301}", count: 80).hasAtMost(characters: 80))
    }
}
