import KBModel


/// Error codes in one spelling, so that `0x80004005`, `80004005` and the decimal `2147500037`
/// (how a signed HRESULT is often logged: -2147467259, or unsigned) all match.
///
/// The canonical form is "x" followed by eight lower-case hex digits: a token the full-text
/// index keeps whole and that no ordinary word collides with.
package enum ErrorCodes {
    /// The canonical spellings of every code-like token in `text`, in order, without repeats.
    package static func canonical(in text: String) -> [String] {
        canonical(in: CollectionOfOne(text))
    }

    /// The same for texts read one after another, as if joined by line ends (a code never
    /// spans two), without joining them.
    package static func canonical(in texts: some Sequence<String>) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for var text in texts {
            // Byte-wise and in place: codes are ASCII, and this runs over every article's whole text.
            text.withUTF8 { scan($0, into: &result, seen: &seen) }
        }
        return result
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout [String], seen: inout Set<String>) {
        byteClasses.withUnsafeBufferPointer { classes in
            var i = 0
            while i < bytes.count {
                guard classes[Int(bytes[i])] & isCode != 0 else { i += 1; continue }
                var j = i
                var digits = DigitCount()
                while j < bytes.count {
                    let c = classes[Int(bytes[j])]
                    guard c & isCode != 0 else { break }
                    digits.decimal &+= Int(c & isDecimal) >> 1
                    digits.hexadecimal &+= Int(c & isHexadecimal) >> 2
                    j += 1
                }
                let token = UnsafeBufferPointer(rebasing: bytes[i..<j])
                if mayBeCode(token, digits),
                   let code = canonical(token: Substring(String(decoding: token, as: UTF8.self))),
                   seen.insert(code).inserted {
                    result.append(code)
                }
                i = j
            }
        }
    }

    /// What each byte is to a code, as bits: a code byte (letter, digit or '-'), a decimal
    /// digit, a hexadecimal digit. One table lookup a byte: this runs over every article's text.
    private static let byteClasses: [UInt8] = (0..<256).map { b in
        let digit = (0x30...0x39).contains(b)
        let letter = (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
        let hex = digit || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)
        return (digit || letter || b == 0x2D ? isCode : 0) | (digit ? isDecimal : 0) | (hex ? isHexadecimal : 0)
    }
    private static let isCode: UInt8 = 1, isDecimal: UInt8 = 2, isHexadecimal: UInt8 = 4

    /// How many decimal and hexadecimal digits a token has, counted byte by byte.
    private struct DigitCount {
        var decimal = 0
        var hexadecimal = 0

        mutating func add(_ b: UInt8) {
            if b &- 0x30 < 10 {
                decimal += 1
                hexadecimal += 1
            } else if (b | 0x20) &- 0x61 < 6 {
                hexadecimal += 1
            }
        }
    }

    /// Whether a token of code bytes with these digits has one of the shapes
    /// `canonical(token:)` reads, so that only those are made strings of: most tokens with a
    /// digit in an article are ids, versions and such.
    private static func mayBeCode(_ token: UnsafeBufferPointer<UInt8>, _ digits: DigitCount) -> Bool {
        guard digits.decimal > 0 else { return false }
        switch token.count {
        case 6...11:
            return token[0] == UInt8(ascii: "-") || (token[0] == UInt8(ascii: "0") && token[1] | 0x20 == UInt8(ascii: "x"))
                || (token.count == 8 && digits.hexadecimal == 8) || (token.count >= 9 && token.count <= 10 && digits.decimal == token.count)
        default:
            return false
        }
    }

    /// Whether "-" and a token with these digits may be a code: a negative decimal of nine
    /// digits or more (leading zeros count).
    private static func mayBeCodeAfterMinus(_ token: UnsafeBufferPointer<UInt8>, _ digits: DigitCount) -> Bool {
        digits.decimal == token.count && token.count >= 9
    }

    /// A token as message alignment compares it: the canonical spelling when it is an error
    /// code (a '-' just before it counts, for a negative decimal), else the token itself. So
    /// "80004005" in a paste matches "0x80004005" in an article word for word.
    package static func alignmentWord(_ token: Tokenizer.Token, in bytes: [UInt8]) -> String {
        let start = token.range.lowerBound
        return alignmentWord(token.text, afterMinus: start > 0 && bytes[start - 1] == UInt8(ascii: "-"))
    }

    /// The same for a word, given whether a '-' is just before it.
    package static func alignmentWord(_ word: String, afterMinus: Bool) -> String {
        let first = word.utf8.first ?? 0
        guard first >= 0x30 && first <= 0x39 else { return word }
        // Most numbers in a message are no code: told so by their bytes, as `canonical(in:)`
        // tells them, before a string is made of them and read character by character (some
        // 3,000 instructions a word).
        let shape = word.utf8.withContiguousStorageIfAvailable { token in
            var digits = DigitCount()
            for b in token { digits.add(b) }
            return (alone: mayBeCode(token, digits), afterMinus: mayBeCodeAfterMinus(token, digits))
        }
        if afterMinus, shape?.afterMinus ?? true, let code = canonical(token: Substring("-" + word)) { return code }
        guard shape?.alone ?? true else { return word }
        return canonical(token: Substring(word)) ?? word
    }

    /// "0x80004005" / "80004005" / "2147500037" / "-2147467259" → "x80004005"; nil for other tokens.
    package static func canonical(token: Substring) -> String? {
        var t = token
        if t.hasPrefix("-") {
            // A negative decimal: the signed 32-bit form of a code.
            guard let value = Int64(t), value < -0x1000_0000, value >= -0x8000_0000 else { return nil }
            return spelled(UInt32(bitPattern: Int32(value)))
        }
        if t.hasPrefix("0x") || t.hasPrefix("0X") {
            t = t.dropFirst(2)
            guard (4...8).contains(t.count), let value = UInt32(t, radix: 16) else { return nil }
            return spelled(value)
        }
        // Eight hex digits with at least one digit and a high first digit: an HRESULT written bare.
        if t.count == 8, t.contains(where: \.isNumber), let value = UInt32(t, radix: 16), value >= 0x8000_0000 {
            return spelled(value)
        }
        // A decimal in the upper half of the 32-bit range: an HRESULT printed as unsigned.
        if (9...10).contains(t.count), t.allSatisfy(\.isNumber), let value = UInt64(t),
           value >= 0x8000_0000, value <= 0xFFFF_FFFF {
            return spelled(UInt32(value))
        }
        return nil
    }

    /// The canonical spelling of a value: "x" and eight lower-case hex digits.
    package static func spelled(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "x" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
