import KBModel
import KBParsing

/// The records of a kb JSON export, one at a time, in bounded memory: JSON Lines (one record a
/// line) or a JSON array (one record an element). An export of any size is read whole; a
/// record over the size limit is reported and skipped, never cut.
struct ExportStream: Sendable {
    /// One record's bytes, or why it could not be read; `location` is "PATH:LINE" for JSON
    /// Lines and "PATH[INDEX]" for an array.
    enum Record {
        case json([UInt8], location: String)
        case failure(location: String, reason: String)
    }

    private let reader: ByteReader
    let path: String
    /// Records handed out so far.
    private(set) var recordsRead = 0
    private let limit: Int
    private let isArray: Bool
    private var index = 0
    private var finished = false
    /// The array's ']' has been read.
    private var closed = false

    /// Whether input starting with this byte is a JSON export rather than an article.
    static func startsExport(_ firstByte: UInt8?) -> Bool {
        firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[")
    }

    init(reader: ByteReader, path: String, limit: Int = ArticleLimits.recordBytes) throws(ByteReader.Failure) {
        self.reader = reader
        self.path = path
        self.limit = limit
        isArray = try reader.peekNonSpace() == UInt8(ascii: "[")
        // JSON text holds no NUL byte: a binary file that starts with a brace fails once, as
        // a whole, rather than once a line.
        if let nul = reader.aheadNULOffset() { throw ByteReader.Failure("not a text file (NUL byte at offset \(nul))") }
        if isArray { _ = try reader.next() }
    }

    /// Stops the stream: `next()` returns nil from now on.
    mutating func abandon() { finished = true }

    /// The next record, or nil when the export is read.
    mutating func next() -> Record? {
        let record = nextRecord()
        if record != nil { recordsRead += 1 }
        return record
    }

    private mutating func nextRecord() -> Record? {
        guard !finished else { return nil }
        do {
            return isArray ? try nextElement() : try nextLine()
        } catch {
            finished = true
            return .failure(location: path, reason: error.description)
        }
    }

    private mutating func nextLine() throws(ByteReader.Failure) -> Record? {
        while true {
            guard let line = try reader.nextLine(limit: limit) else {
                finished = true
                return nil
            }
            index += 1
            switch line {
            case .tooLong:
                return .failure(location: "\(path):\(index)", reason: ByteReader.Failure.tooLarge(limit: limit).description)
            case .text(let bytes):
                if bytes.contains(where: { !ByteReader.isSpace($0) }) { return .json(bytes, location: "\(path):\(index)") }
            }
        }
    }

    /// Cuts the array at the commas between its elements: a small scanner that follows strings
    /// and nesting, so that the elements are decoded one by one (and in parallel) by the caller.
    private mutating func nextElement() throws(ByteReader.Failure) -> Record? {
        let location = "\(path)[\(index)]"
        var empty = false
        if !closed && index == 0 { empty = try reader.peekNonSpace() == UInt8(ascii: "]") }
        if closed || empty {
            if empty { _ = try reader.next() }
            finished = true
            if let rest = try reader.peekNonSpace() {
                return .failure(location: path, reason: "not a kb JSON export: '\(Character(Unicode.Scalar(rest)))' after the closing ']'")
            }
            return nil
        }
        var element: [UInt8] = []
        var depth = 0, inString = false, escaped = false, tooLong = false
        while let b = try reader.next() {
            if inString {
                if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 { inString = false }
            } else if depth == 0 && (b == UInt8(ascii: ",") || b == UInt8(ascii: "]")) {
                index += 1
                closed = b == UInt8(ascii: "]")
                if tooLong { return .failure(location: location, reason: ByteReader.Failure.tooLarge(limit: limit).description) }
                guard element.contains(where: { !ByteReader.isSpace($0) }) else {
                    return .failure(location: location, reason: "not a kb JSON record: an empty element")
                }
                return .json(element, location: location)
            } else if b == 0x22 {
                inString = true
            } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                depth += 1
            } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                depth -= 1
            }
            if element.count < limit { element.append(b) } else { tooLong = true }
        }
        finished = true
        return .failure(location: location, reason: "not a kb JSON export: the array is not closed with ']' (file cut short?)")
    }
}
