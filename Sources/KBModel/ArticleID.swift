/// Article ids: "Q" followed by digits, e.g. "Q178511".
public enum ArticleID {
    /// "Q178511", "q178511" → "Q178511"; anything else → nil.
    public static func normalize(_ text: String) -> String? {
        let t = text.trimmed
        guard t.count >= 2, let first = t.first, first == "Q" || first == "q" else { return nil }
        let digits = t.dropFirst()
        guard digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "Q" + digits
    }

    /// Every distinct article id cited in `text`, in order of first appearance.
    package static func citations(in text: String, excluding own: String) -> [String] {
        var found: [String] = []
        var seen: Set<String> = [own]
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let boundary = i == 0 || !isWordByte(bytes[i - 1])
            if (b == 0x51 || b == 0x71), boundary {
                var j = i + 1
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
                let n = j - i - 1
                if n >= 5, n <= 6, j == bytes.count || !isWordByte(bytes[j]) {
                    let id = "Q" + String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                    if seen.insert(id).inserted { found.append(id) }
                }
                i = j
                continue
            }
            i += 1
        }
        return found
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }
}
