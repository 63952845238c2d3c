/// Minimal streaming JSON output: objects, arrays, strings, nulls. Commas are placed by
/// tracking whether the current container already has a member.
package struct JSONWriter {
    /// The JSON written so far, UTF-8.
    package var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    /// An empty writer.
    package init() { bytes.reserveCapacity(8192) }

    /// Opens an object (`{`) or array (`[`), after a comma when one is due.
    package mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma.append(false)
    }

    /// Closes the innermost object or array.
    package mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma.removeLast()
    }

    /// Writes an object member's key and colon.
    package mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        // The value that follows must not get a comma of its own.
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    /// Writes a string, escaped, or `null` for nil.
    package mutating func string(_ value: String?) {
        separate()
        if let value { appendQuoted(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// A number, written as an integer when it is one and with at most 4 decimals otherwise.
    package mutating func number(_ value: Double) {
        separate()
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int64(value)).utf8)
        } else if value.isFinite {
            bytes.append(contentsOf: String((value * 10_000).rounded() / 10_000).utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    /// Already-encoded JSON, e.g. an article record.
    package mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Writes an array of strings.
    package mutating func strings(_ values: [String]) {
        array(values) { w, s in w.string(s) }
    }

    /// Writes an array, each value by `element`.
    package mutating func array<T>(_ values: [T], _ element: (inout JSONWriter, T) -> Void) {
        open(UInt8(ascii: "["))
        for value in values { element(&self, value) }
        close(UInt8(ascii: "]"))
    }

    private mutating func separate() {
        guard let last = needsComma.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            // Runs of bytes that need no escape are found eight bytes a step and copied whole:
            // most text has few escapes.
            var start = 0
            var i = utf8.firstIndexNeedingJSONEscape(from: 0)
            while i < utf8.count {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                appendEscape(utf8[i])
                start = i + 1
                i = utf8.firstIndexNeedingJSONEscape(from: start)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(0x22)
    }

    private mutating func appendEscape(_ b: UInt8) {
        switch b {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
        default: bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
        }
    }
}

extension JSONWriter {
    /// `open(_:)` with a character.
    package mutating func open(_ bracket: Character) { open(bracket.asciiValue!) }
    /// `close(_:)` with a character.
    package mutating func close(_ bracket: Character) { close(bracket.asciiValue!) }
}
