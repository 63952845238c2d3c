import Foundation

/// Article ids. An archive article's is "Q" followed by digits ("Q178511"); a docs-as-code
/// article's is its knowledge base and its path in it, lower case, without the extension
/// ("officedocs/outlook/client/prompts-for-password"): stable across imports, the same
/// whichever folder of the knowledge base was imported, and usable in a URL or a shell.
public enum ArticleID {
    /// The one place ids are checked and put in their one spelling: "Q178511", "q178511" and
    /// "Q00178511" → "Q178511"; "OfficeDocs/Outlook/x" → "officedocs/outlook/x"; anything
    /// else → nil. An archive id is "Q" and a number from 1 to `maximumNumberDigits` digits
    /// ("Q0" and a 30-digit number are no article's).
    public static func normalize(_ text: String) -> String? {
        let t = text.trimmed
        if t.utf8.contains(UInt8(ascii: "/")) {
            let id = t.lowercased()
            return isPathID(id) ? id : nil
        }
        guard t.count >= 2, let first = t.first, first == "Q" || first == "q" else { return nil }
        let digits = t.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let number = digits.drop(while: { $0 == "0" })
        guard (1...maximumNumberDigits).contains(number.count) else { return nil }
        return "Q" + number
    }

    /// The most digits an archive id's number has (the archive's run to 6).
    public static let maximumNumberDigits = 9

    /// True when `text` is an id in its one spelling (what `normalize` returns).
    public static func isNormalized(_ text: String) -> Bool { normalize(text) == text }

    /// The id of the article at `location`: its knowledge base and relative path, lower case,
    /// without the extension; characters other than letters, digits, ".", "_" and "-" become "-".
    public static func of(_ location: ArticleLocation) -> String {
        var path = location.relativePath
        if let dot = path.lastIndex(of: "."), !path[dot...].contains("/") { path = String(path[..<dot]) }
        let parts = ([location.knowledgeBase] + path.split(separator: "/").map(String.init)).map { part in
            String(part.lowercased().unicodeScalars.map { scalar -> Character in
                let allowed = (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar))) || "._-".unicodeScalars.contains(scalar)
                return allowed ? Character(scalar) : "-"
            })
        }
        return parts.filter { !$0.isEmpty && $0 != "." && $0 != ".." }.joined(separator: "/")
    }

    /// An id of the archive ("Q243444"), as opposed to a docs-as-code path id.
    package static func isArchiveID(_ text: String) -> Bool {
        text.utf8.first == UInt8(ascii: "Q") && text.utf8.count > 1 && text.utf8.dropFirst().allSatisfy { (0x30...0x39).contains($0) }
    }

    /// The pattern of a docs-as-code id: at least two "/"-separated parts of lower-case
    /// letters, digits, ".", "_" and "-", none of them only dots.
    package static func isPathID(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { isPathPart($0) }
    }

    /// One "/"-separated part of a path id, or (with `upperCase`) of a file name an upload
    /// gives: letters, digits, ".", "_" and "-", and not only dots (so never "." or "..").
    package static func isPathPart<S: StringProtocol>(_ part: S, upperCase: Bool = false) -> Bool {
        part.utf8.contains { $0 != 0x2E } && part.utf8.allSatisfy {
            (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D
                || (upperCase && (0x41...0x5A).contains($0))
        }
    }

    /// Every distinct article id cited in `text`, in order of first appearance.
    package static func citations(in text: String, excluding own: String) -> [String] {
        var found: [String] = []
        var seen: Set<String> = [own]
        // Byte-wise, in place: this runs over every article's whole text.
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                // Only a 'Q' or 'q' after no word character starts an id.
                guard bytes[i] | 0x20 == 0x71, i == 0 || !isWordByte(bytes[i - 1]) else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
                let n = j - i - 1
                if n >= 5, n <= 6, j == bytes.count || !isWordByte(bytes[j]) {
                    let id = "Q" + String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self)
                    if seen.insert(id).inserted { found.append(id) }
                }
                i = j
            }
        }
        return found
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        b.isASCIIAlphanumeric || b == 0x5F
    }
}
