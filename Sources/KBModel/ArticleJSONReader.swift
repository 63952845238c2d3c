#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads back exactly what `ArticleJSON.bytes` writes, and nothing else: every key, in the
/// writer's order, no whitespace, only the writer's escapes. Anything else returns `nil`, and
/// the caller falls back to the strict `JSONDecoder` path (`ArticleJSON.decode`), which
/// accepts any valid record and says what is wrong with an invalid one.
///
/// Written by hand because a search decodes every article it shows from the store: on the
/// whole archive `JSONDecoder` took 1/7 of a search's time, and this reader does the same
/// work several times faster (`Scripts/bench-json`). A record it accepts has the schema's
/// keys and types by construction, so it is as strict as the decoder on what it accepts.
package final class ArticleJSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// Where a string with escapes is unescaped: no longer than the record, so the record's
    /// size, allocated at the first such string.
    private var unescaped: UnsafeMutableBufferPointer<UInt8>?

    /// The article in `json`, or `nil` when `json` is not exactly the writer's output.
    package static func read(_ json: UnsafeBufferPointer<UInt8>) -> Article? {
        let reader = ArticleJSONReader(bytes: json)
        guard let article = reader.article(), reader.position == json.count else { return nil }
        return article
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    deinit { unescaped?.deallocate() }

    private func article() -> Article? {
        guard expect("{"), let id = key("id", string()), let title = key("title", string()),
              let product = key("product", optionalString()),
              let versions = key("versions", array { $0.version() }),
              let operatingSystems = key("operatingSystems", strings()), let keywords = key("keywords", strings()),
              let technologies = key("technologies", strings()), let issueType = key("issueType", optionalString()),
              let lastModifiedText = key("lastModified", optionalString()), let appliesTo = key("appliesTo", strings()),
              let summary = key("summary", optionalString()), let symptoms = key("symptoms", optionalString()),
              let cause = key("cause", optionalString()), let resolution = key("resolution", optionalString()),
              let workaround = key("workaround", optionalString()), let status = key("status", optionalString()),
              let moreInformation = key("moreInformation", optionalString()),
              let sections = key("sections", array { $0.section() }),
              let errorMessages = key("errorMessages", strings()), let references = key("references", strings()),
              let additionalQueryWords = key("additionalQueryWords", strings()),
              let kbNumbers = key("kbNumbers", strings()), let source = key("source", source()), expect("}")
        else { return nil }
        var lastModified: CalendarDate?
        if let lastModifiedText {
            guard let date = CalendarDate(lastModifiedText) else { return nil }
            lastModified = date
        }
        return Article(
            id: id, title: title, product: product, versions: versions, operatingSystems: operatingSystems,
            keywords: keywords, technologies: technologies, issueType: issueType, lastModified: lastModified,
            appliesTo: appliesTo, summary: summary, symptoms: symptoms, cause: cause, resolution: resolution,
            workaround: workaround, status: status, moreInformation: moreInformation, sections: sections,
            errorMessages: errorMessages, references: references, additionalQueryWords: additionalQueryWords,
            kbNumbers: kbNumbers, source: source)
    }

    private func version() -> ProductVersion? {
        guard expect("{"), let platform = key("platform", optionalString()), let version = key("version", string()),
              expect("}")
        else { return nil }
        return ProductVersion(platform: platform, version: version)
    }

    private func section() -> Section? {
        guard expect("{"), let heading = key("heading", optionalString()), let text = key("text", string()), expect("}")
        else { return nil }
        return Section(heading: heading, text: text)
    }

    private func source() -> Source? {
        guard expect("{"), let layoutName = key("layout", string()), let layout = Layout(rawValue: layoutName),
              let path = key("path", string()), let knowledgeBase = key("knowledgeBase", optionalString()), expect("}")
        else { return nil }
        return Source(layout: layout, path: path, knowledgeBase: knowledgeBase)
    }

    // MARK: Values

    /// `"name":` (after a comma unless it opens its object), then the value `read` returns.
    /// The value is an autoclosure so that it is read only after the key.
    private func key<T>(_ name: StaticString, _ read: @autoclosure () -> T?) -> T? {
        if position > 0, bytes[position - 1] != UInt8(ascii: "{") { guard expect(",") else { return nil } }
        guard expect("\""), expect(name), expect("\":") else { return nil }
        return read()
    }

    private func strings() -> [String]? { array { $0.string() } }

    private func array<T>(_ element: (ArticleJSONReader) -> T?) -> [T]? {
        guard expect("[") else { return nil }
        var values: [T] = []
        if expect("]") { return values }
        repeat {
            guard let value = element(self) else { return nil }
            values.append(value)
        } while expect(",")
        return expect("]") ? values : nil
    }

    /// A string or `null`: `.some(nil)` for `null`, `nil` for anything else.
    private func optionalString() -> String?? {
        if expect("null") { return .some(nil) }
        return string().map { .some($0) }
    }

    private func string() -> String? {
        guard expect("\"") else { return nil }
        let start = position
        // The closing quote is the first that no backslash escapes (an escaped one follows an
        // odd run of them). Found with memchr, as are the escapes before it: a section's text
        // has a `\n` a line, and a search for either byte a word at a time cost 170
        // instructions a line.
        var end = bytes.firstIndex(of: 0x22, from: start)
        while end < bytes.count, isEscaped(quoteAt: end, after: start) { end = bytes.firstIndex(of: 0x22, from: end + 1) }
        guard end < bytes.count else { return nil }
        position = end + 1
        var escape = bytes.firstIndex(of: 0x5C, in: start..<end)
        // Most strings have no escape: they are one slice of the record.
        if escape == end { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) }
        // Else the runs between escapes are copied whole.
        let buffer = unescaped ?? .allocate(capacity: bytes.count)
        unescaped = buffer
        var length = 0
        var run = start
        while true {
            buffer.baseAddress!.advanced(by: length).update(from: bytes.baseAddress!.advanced(by: run), count: escape - run)
            length += escape - run
            guard escape < end else { return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self) }
            guard let (byte, next) = Self.unescape(bytes, at: escape + 1, before: end) else { return nil }
            buffer[length] = byte
            length += 1
            run = next
            escape = bytes.firstIndex(of: 0x5C, in: run..<end)
        }
    }

    /// Whether the quote at `index` is escaped: an odd run of backslashes, after `start`, ends before it.
    private func isEscaped(quoteAt index: Int, after start: Int) -> Bool {
        var backslashes = 0
        while index - backslashes - 1 >= start, bytes[index - backslashes - 1] == 0x5C { backslashes += 1 }
        return backslashes % 2 == 1
    }

    /// The byte an escape the writer uses stands for (`\"`, `\\`, `\n`, `\r`, `\t`, `\u00XX`
    /// below `\u0080`, one byte in UTF-8), its letter at `index`, and the index after it; nil
    /// for any other escape or one that `end` cuts.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, before end: Int) -> (UInt8, Int)? {
        guard index < end else { return nil }
        switch bytes[index] {
        case 0x22, 0x5C: return (bytes[index], index + 1)
        case UInt8(ascii: "n"): return (0x0A, index + 1)
        case UInt8(ascii: "r"): return (0x0D, index + 1)
        case UInt8(ascii: "t"): return (0x09, index + 1)
        case UInt8(ascii: "u"):
            guard index + 4 < end, bytes[index + 1] == UInt8(ascii: "0"), bytes[index + 2] == UInt8(ascii: "0"),
                  let high = hexDigit(bytes[index + 3]), high < 8, let low = hexDigit(bytes[index + 4])
            else { return nil }
            return (high << 4 | low, index + 5)
        default: return nil
        }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// Consumes `literal` when the record continues with it.
    private func expect(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count, memcmp(bytes.baseAddress! + position, literal.utf8Start, count) == 0 else { return false }
        position += count
        return true
    }
}
