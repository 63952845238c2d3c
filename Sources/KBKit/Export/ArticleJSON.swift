import Foundation

/// The one JSON encoding of an article, shared by `parse`, `show`, `search`, `export` and the
/// store, so that every command speaks the same format byte for byte.
///
/// Keys come in the order of `Article`'s declaration (`source` last) and every key is always
/// present, `null` when there is no value. Written by hand rather than with `JSONEncoder`:
/// a fixed key order makes output reproducible, and importing the whole archive encodes
/// every record, where `JSONEncoder` was a fifth of the import time.
public enum ArticleJSON {
    /// One article on one line, without a trailing newline.
    public static func line(_ article: Article) -> String {
        String(decoding: bytes(article).json, as: UTF8.self)
    }

    /// The JSON bytes, and how many of them come before `source` (what a content hash covers).
    static func bytes(_ a: Article) -> (json: [UInt8], contentLength: Int) {
        var w = JSONWriter()
        w.open("{")
        w.key("id"); w.string(a.id)
        w.key("title"); w.string(a.title)
        w.key("product"); w.string(a.product)
        w.key("versions"); w.array(a.versions) { w, v in
            w.open("{")
            w.key("platform"); w.string(v.platform)
            w.key("version"); w.string(v.version)
            w.close("}")
        }
        w.key("operatingSystems"); w.strings(a.operatingSystems)
        w.key("keywords"); w.strings(a.keywords)
        w.key("technologies"); w.strings(a.technologies)
        w.key("issueType"); w.string(a.issueType)
        w.key("lastModified"); w.string(a.lastModified?.description)
        w.key("appliesTo"); w.strings(a.appliesTo)
        w.key("summary"); w.string(a.summary)
        w.key("symptoms"); w.string(a.symptoms)
        w.key("cause"); w.string(a.cause)
        w.key("resolution"); w.string(a.resolution)
        w.key("workaround"); w.string(a.workaround)
        w.key("status"); w.string(a.status)
        w.key("moreInformation"); w.string(a.moreInformation)
        w.key("sections"); w.array(a.sections) { w, s in
            w.open("{")
            w.key("heading"); w.string(s.heading)
            w.key("text"); w.string(s.text)
            w.close("}")
        }
        w.key("errorMessages"); w.strings(a.errorMessages)
        w.key("references"); w.strings(a.references)
        w.key("additionalQueryWords"); w.strings(a.additionalQueryWords)
        let contentLength = w.bytes.count
        w.key("source")
        w.open("{")
        w.key("layout"); w.string(a.source.layout.rawValue)
        w.key("path"); w.string(a.source.path)
        w.close("}")
        w.close("}")
        return (w.bytes, contentLength)
    }

    public static func decode(_ data: Data) throws -> Article {
        try JSONDecoder().decode(Article.self, from: data)
    }
}

/// Minimal streaming JSON output: objects, arrays, strings, nulls. Commas are placed by
/// tracking whether the current container already has a member.
struct JSONWriter {
    var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    init() { bytes.reserveCapacity(8192) }

    mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma.append(false)
    }

    mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma.removeLast()
    }

    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        // The value that follows must not get a comma of its own.
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { appendQuoted(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// A number, written as an integer when it is one and with at most 4 decimals otherwise.
    mutating func number(_ value: Double) {
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
    mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    mutating func strings(_ values: [String]) {
        array(values) { w, s in w.string(s) }
    }

    mutating func array<T>(_ values: [T], _ element: (inout JSONWriter, T) -> Void) {
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
            // Runs of bytes that need no escape are copied whole: most text has few escapes.
            var start = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                appendEscape(b)
                start = i + 1
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
    mutating func open(_ bracket: Character) { open(bracket.asciiValue!) }
    mutating func close(_ bracket: Character) { close(bracket.asciiValue!) }
}
