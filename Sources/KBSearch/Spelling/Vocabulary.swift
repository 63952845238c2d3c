import Foundation
import KBStore

/// The words of the index with their document frequencies: what a misspelt word is corrected
/// to. Loaded from the store the first time a paste needs correcting, and kept while the
/// store's statistics snapshot is the same.
public final class Vocabulary: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: (articles: Int, lexicon: Lexicon)?

    /// An empty vocabulary, loaded when first needed.
    public init() {}

    /// The words of the store `reader` reads, loading them if the snapshot changed.
    func lexicon(_ reader: IndexReader) throws -> Lexicon {
        let articles = try reader.snapshotArticles()
        lock.lock()
        defer { lock.unlock() }
        if let loaded, loaded.articles == articles { return loaded.lexicon }
        let lexicon = Lexicon(try reader.spellingVocabulary())
        loaded = (articles, lexicon)
        return lexicon
    }
}
