import Foundation
import Testing
@testable import KBSearch

/// Identifier-shaped words of a paste (GUIDs, IP and memory addresses) are blanked; their
/// surrounding punctuation is trimmed first, as Foundation trims `punctuationCharacters`.
@Suite struct TokenShapesTests {
    @Test func punctuationIsTrimmedAsFoundationTrimsIt() {
        let around = (0x21...0x7E).map { String(UnicodeScalar(UInt8($0))) }
            + ["\u{AB}", "\u{BB}", "\u{201C}", "\u{201D}", "\u{BF}", "\u{2010}", "\u{3002}", "\u{A7}", "\u{B4}", "\u{301}", "\u{FF0C}"]
        let punctuation = CharacterSet.punctuationCharacters.subtracting(["-"])
        for mark in around {
            for word in ["\(mark)10.0.0.5:443\(mark)", "\(mark)\(mark)x-1.\(mark)", "a\(mark)b", "\(mark)"] {
                #expect(TokenShapes.trimmingPunctuation(word[...]) == word.trimmingCharacters(in: punctuation), "\(word.unicodeScalars.map(\.value))")
            }
        }
    }

    @Test func identifierShapesAreBlanked() {
        #expect(TokenShapes.blankingIdentifiers("failed at (10.0.0.5:443) with {3f2504e0-4f89-11d3-9a0c-0305e82c3301}.") == "failed at  with ")
        #expect(TokenShapes.blankingIdentifiers("version 10.0.19045 of user1@contoso.com") == "version 10.0.19045 of user1@contoso.com")
    }
}
