extension StringProtocol {
    /// Byte-wise substring test. `String.contains(_:)` goes through Foundation's Unicode-aware
    /// search, far too slow for parsing a hundred thousand articles.
    func includes(_ needle: String) -> Bool {
        var haystack = String(self)
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard h.count >= n.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count, h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// ASCII lower-casing (other characters unchanged): enough to match English keywords.
    var asciiLowercased: String {
        String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

extension String {
    /// The lines of the text (split at "\n"), found byte-wise rather than by grapheme cluster.
    public var lineArray: [String] {
        var result: [String] = []
        let bytes = utf8
        var start = bytes.startIndex
        var i = start
        while i != bytes.endIndex {
            if bytes[i] == 0x0A {
                result.append(String(self[start..<i]))
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        result.append(String(self[start..<bytes.endIndex]))
        return result
    }
}
