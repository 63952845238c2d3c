#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-wise string helpers shared by the parsers, the store and search: Foundation's
/// Unicode-aware equivalents are far too slow for a hundred thousand articles.
extension StringProtocol {
    /// Byte-wise substring test. `String.contains(_:)` goes through Foundation's Unicode-aware
    /// search, far too slow for parsing a hundred thousand articles.
    package func includes(_ needle: String) -> Bool {
        var haystack = String(self)
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard h.count >= n.count, let base = h.baseAddress, let needle = n.baseAddress else { return false }
                // Candidates found with the C library's memchr (`firstIndex(of:from:)`): a loop
                // over the bytes here cost 7 instructions a byte.
                let starts = UnsafeBufferPointer(rebasing: h[...(h.count - n.count)])
                var at = starts.firstIndex(of: first, from: 0)
                while at < starts.count {
                    if memcmp(base + at + 1, needle + 1, n.count - 1) == 0 { return true }
                    at = starts.firstIndex(of: first, from: at + 1)
                }
                return false
            }
        }
    }

    /// Whether the text has at most `limit` characters, counted only when its bytes do not
    /// settle it (counting characters means finding grapheme boundaries).
    package func hasAtMost(characters limit: Int) -> Bool {
        let bytes = utf8.count
        if bytes <= limit { return true }
        if utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return count <= limit
    }

    /// The last occurrence of an ASCII `needle` whose ends fall between characters, found
    /// byte-wise; what `range(of: needle, options: .backwards)` finds, without Foundation's
    /// search (some 45,000 instructions a call on Linux).
    package func lastRange(ofASCII needle: String) -> Range<Index>? {
        let h = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count else { return nil }
        for start in stride(from: h.count - n.count, through: 0, by: -1) where h[start..<(start + n.count)].elementsEqual(n) {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let upper = utf8.index(lower, offsetBy: n.count)
            if let lower = Index(lower, within: self), let upper = Index(upper, within: self) { return lower..<upper }
        }
        return nil
    }

    /// ASCII lower-casing (other characters unchanged): enough to match English keywords.
    package var asciiLowercased: String {
        // Over the contiguous bytes: mapping `utf8` of a generic StringProtocol cost some
        // 200 instructions a byte, and every search lower-cases its candidates' titles.
        var text = String(self)
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { lowered in
                for (i, b) in bytes.enumerated() { lowered[i] = b.asciiLowercased }
                return bytes.count
            }
        }
    }
}

extension String {
    /// The lines of the text (split at "\n"), found byte-wise rather than by grapheme cluster.
    package var lineArray: [String] {
        var text = self
        // Over the bytes themselves, line feeds found with memchr: stepping String's UTF-8
        // view cost 3.1 times the instructions of a byte loop (callgrind, an import of the
        // archive sample). A line feed is never part of a multi-byte character.
        return text.withUTF8 { bytes in
            var result: [String] = []
            var start = 0
            var end = bytes.firstIndex(of: 0x0A, from: start)
            while end < bytes.count {
                result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end + 1
                end = bytes.firstIndex(of: 0x0A, from: start)
            }
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return result
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    package var trimmed: String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == bytes.startIndex && bytes.index(after: last) == bytes.endIndex { return self }
        return String(self[first...last])
    }

    /// Nil when the trimmed string is empty.
    package var nonEmpty: String? {
        let t = trimmed
        return t.isEmpty ? nil : t
    }

    /// Number of leading spaces (a tab counts as one).
    package var indentation: Int {
        var n = 0
        for c in utf8 {
            guard c == 0x20 || c == 0x09 else { break }
            n += 1
        }
        return n
    }

    /// True for a line of spaces and tabs only, or none.
    package var isBlank: Bool { utf8.isBlank }

    /// Whether the last byte that is no space or tab is a colon ("Cause:  "), read from the end.
    package var endsInColon: Bool {
        utf8.last(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: ":")
    }

    /// True for a line made only of `character` (at least `minimum` of them), like a `=====` rule.
    package func isRule(of character: UInt8, minimum: Int = 3) -> Bool {
        var count = 0
        for c in utf8 {
            if c == character { count += 1 } else if c != 0x20 && c != 0x09 { return false }
        }
        return count >= minimum
    }
}

extension UInt8 {
    /// The byte lower-cased if it is an ASCII capital letter; any other byte unchanged.
    @inlinable
    package var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }

    /// Whether the byte is an ASCII letter or digit.
    @inlinable
    package var isASCIIAlphanumeric: Bool {
        switch self {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}

extension Collection<UInt8> {
    /// True when the bytes are only spaces and tabs (or none).
    @inlinable
    package var isBlank: Bool { allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}

extension Sequence<String> {
    /// The strings with `separator` between them, as `joined(separator:)` makes them. The
    /// standard library's is not specialized for the caller's collection type: its first call
    /// for each type resolves that type's associated types by name at run time, some 40,000
    /// instructions each, and the first such resolution in a process checks a conformance by
    /// scanning all of the executable's (0.27 M instructions). A one-shot search uses no
    /// unspecialized generic code that needs one: callgrind, 2.7% fewer instructions.
    @inlinable
    package func joined(by separator: String) -> String {
        var result = ""
        var first = true
        for string in self {
            if !first { result += separator }
            result += string
            first = false
        }
        return result
    }
}

extension Sequence<Substring> {
    /// The substrings with `separator` between them (see the same for strings).
    @inlinable
    package func joined(by separator: String) -> String {
        lazy.map { String($0) }.joined(by: separator)
    }
}
