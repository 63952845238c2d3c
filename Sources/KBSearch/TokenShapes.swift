import Foundation
import KBModel

/// Words whose shape says they are no part of any message: GUIDs, IP addresses, memory
/// addresses and long hex runs. They differ from paste to paste, so they only add noise.
enum TokenShapes {
    /// `text` with such words blanked out (replaced by spaces).
    static func blankingIdentifiers(_ text: Substring) -> Substring {
        guard text.contains(where: { $0.isNumber }) else { return text }
        var changed = false
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> Substring in
            // Each shape is at least 7 bytes ("1.1.1.1") and holds a '-', '.' or 'x': most words are none.
            guard word.utf8.count >= 7, word.utf8.contains(where: { $0 == 0x2D || $0 == 0x2E || ($0 | 0x20) == 0x78 }) else { return word }
            let core = trimmingPunctuation(word)
            if isGUID(core) || isIPAddress(core) || isAddress(core) { changed = true; return "" }
            return word
        }
        return changed ? words.joined(by: " ")[...] : text
    }

    /// The word without the punctuation (Unicode's general category P) it starts and ends
    /// with, hyphens kept. What Foundation's `trimmingCharacters(in:)` does with
    /// `CharacterSet.punctuationCharacters`, which cost a one-shot search 0.8 M instructions
    /// (the character set's making) as soon as one word of the paste had such a shape.
    static func trimmingPunctuation(_ word: Substring) -> String {
        let scalars = word.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isTrimmed(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar != "-" else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// "3f2504e0-4f89-11d3-9a0c-0305e82c3301", with or without braces.
    static func isGUID(_ word: String) -> Bool {
        let groups = word.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// "10.0.0.5", "10.0.0.5:443".
    static func isIPAddress(_ word: String) -> Bool {
        let host = word.split(separator: ":", maxSplits: 1).first ?? ""
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }
    }

    /// "0x00007ffd1234abcd": wider than any error code (32 bits), so an address.
    static func isAddress(_ word: String) -> Bool {
        let lower = word.lowercased()
        guard lower.hasPrefix("0x") else { return false }
        let digits = lower.dropFirst(2)
        return digits.count > 8 && digits.allSatisfy(\.isHexDigit)
    }
}
