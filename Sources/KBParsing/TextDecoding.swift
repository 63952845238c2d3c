import KBModel

/// Turns the raw bytes of a dump file into clean text.
///
/// Real dumps mix encodings: UTF-8 where valid, otherwise Windows-1252 (a superset of Latin-1).
/// Line ends become LF and stray control characters are removed. No-break spaces are kept
/// here: the layout readers need them told apart from indentation (see `RawArticle`).
enum TextDecoding {
    static func decode(_ bytes: [UInt8]) throws(ParseError) -> String {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw .empty
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw .utf16
        }
        // Most files are ASCII: valid UTF-8 without validating, and scanned eight bytes a step.
        let isASCII = bytes.withUnsafeBufferPointer { $0.isAllASCII }
        let isUTF8 = isASCII || String(validating: bytes, as: UTF8.self) != nil
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var controls = 0
        var nul: Int?
        let keptTable = isUTF8 ? Self.keptInUTF8 : Self.keptInWindows1252
        bytes.withUnsafeBufferPointer { bytes in
            keptTable.withUnsafeBufferPointer { kept in
                var i = 0
                // Skip a UTF-8 byte order mark.
                if isUTF8, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
                // Bytes kept as they are are copied a run at a time, a table saying which:
                // appending them one by one cost 4 times the instructions (callgrind, an
                // import of the archive sample).
                var run = i
                while i < bytes.count {
                    if isASCII {
                        // In ASCII only controls and DEL are not kept, and tab and line feed are.
                        i = bytes.firstIndexOfControlOrDelete(from: i)
                        guard i < bytes.count else { break }
                        if bytes[i] == 0x09 || bytes[i] == 0x0A {
                            i += 1
                            continue
                        }
                    } else if kept[Int(bytes[i])] {
                        i += 1
                        continue
                    }
                    let b = bytes[i]
                    // In UTF-8 text, C2 80…9F are C1 controls; C2 A0…BF are characters.
                    let c1 = isUTF8 && b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] < 0xA0
                    if isUTF8 && b == 0xC2 && !c1 {
                        i += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    switch b {
                    case 0x00:
                        nul = i
                        return
                    case 0x0D:
                        out.append(0x0A)
                        if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                    case 0x01..<0x20, 0x7F:
                        controls += 1
                    default:
                        if c1 {
                            // Both its bytes are dropped.
                            controls += 1
                            i += 1
                        } else {
                            appendWindows1252(b, to: &out, controls: &controls)
                        }
                    }
                    i += 1
                    run = i
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
            }
        }
        if let nul {
            throw .binary("NUL byte at offset \(nul)")
        }
        // Text has the odd stray control; a file made mostly of them is binary.
        if controls > 64 && controls * 10 > bytes.count {
            throw .binary("\(controls) control bytes")
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes kept as they are: printable ASCII, tab and line feed, and in UTF-8 text every
    /// byte of a multi-byte character but C2, which may start a C1 control.
    static let keptInUTF8: [Bool] = (0...255).map { (b: Int) -> Bool in isPlain(b) || (b >= 0x80 && b != 0xC2) }
    /// The same in Windows-1252 text, where every byte above 0x7F is converted.
    static let keptInWindows1252: [Bool] = (0...255).map(isPlain)

    /// Whether decoding keeps every byte as it is: each is printable ASCII, a tab or a line
    /// feed. Eight bytes a step, stopping only at tabs and line feeds.
    static func keepsAsIs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.isAllASCII else { return false }
        var i = 0
        while true {
            i = bytes.firstIndexOfControlOrDelete(from: i)
            guard i < bytes.count else { return true }
            guard bytes[i] == 0x09 || bytes[i] == 0x0A else { return false }
            i += 1
        }
    }

    /// Printable ASCII, tab or line feed.
    private static func isPlain(_ b: Int) -> Bool {
        (0x20..<0x7F).contains(b) || b == 0x09 || b == 0x0A
    }

    /// Appends the UTF-8 form of a Windows-1252 byte at or above 0x80.
    static func appendWindows1252(_ b: UInt8, to out: inout [UInt8], controls: inout Int) {
        let scalar: UInt32
        if b >= 0xA0 {
            scalar = UInt32(b)
        } else if let mapped = windows1252High[Int(b - 0x80)] {
            scalar = mapped
        } else {
            controls += 1
            return
        }
        appendUTF8(scalar, to: &out)
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Windows-1252 code points for bytes 0x80…0x9F; nil where the code page leaves a byte undefined.
    static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, nil,
    ]
}
