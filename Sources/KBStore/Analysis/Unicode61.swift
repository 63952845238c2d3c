import Foundation
import GRDB


/// SQLite's `unicode61 remove_diacritics 2` tokenizer, called directly: the same code that
/// builds the full-text indexes, so search tokens cannot disagree with indexed ones. Its
/// case folding and diacritic tables are SQLite's own and differ from Foundation's (ß stays
/// ß, ﬁ stays ﬁ, dotless ı stays ı).
final class Unicode61: @unchecked Sendable {
    static let shared = Unicode61()

    /// An in-memory connection: it owns the FTS5 module the tokenizer comes from.
    private let database: DatabaseQueue
    private let tokenizer: any FTS5Tokenizer
    /// The tokenizer folds into a buffer of its own: one caller at a time. (A lock, not a
    /// `Mutex`: the tokenizer is GRDB's non-Sendable handle, used only under this lock, which
    /// is why the class is `@unchecked Sendable`.)
    private let lock = NSLock()

    private init() {
        do {
            database = try DatabaseQueue()
            tokenizer = try database.inDatabase { db in try db.makeTokenizer(.unicode61(diacritics: .remove)) }
        } catch {
            // Only a SQLite built without FTS5 fails here, and the store itself needs FTS5.
            fatalError("SQLite's unicode61 tokenizer is not available: \(error)")
        }
    }

    private final class Collected {
        var tokens: [Tokenizer.Token] = []
    }

    func tokens(_ text: String) -> [Tokenizer.Token] {
        let collected = Collected()
        var text = text
        text.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                lock.lock()
                defer { lock.unlock() }
                _ = tokenizer.tokenize(
                    context: Unmanaged.passUnretained(collected).toOpaque(), tokenization: .document,
                    pText: chars.baseAddress, nText: CInt(chars.count),
                    tokenCallback: { context, _, token, length, start, end in
                        guard let context, let token else { return 0 /* SQLITE_OK */ }
                        let collected = Unmanaged<Collected>.fromOpaque(context).takeUnretainedValue()
                        let bytes = UnsafeRawBufferPointer(start: token, count: Int(length))
                        collected.tokens.append(Tokenizer.Token(
                            text: String(decoding: bytes, as: UTF8.self), range: Int(start)..<Int(end)))
                        return 0 /* SQLITE_OK */
                    })
            }
        }
        return collected.tokens
    }
}
