import KBModel
import KBStore

/// The line of an article that best shows why it matched, and the paste's words in it.
enum Snippet {
    static let maxLength = 240

    static func best(in article: Article, query: AnalyzedQuery, preferred: String?) -> (line: String, words: [String]) {
        let wanted = Set(query.tokens)
        if let preferred { return (clip(preferred), found(in: preferred, wanted)) }
        var best = (line: article.errorMessages.first ?? article.title, hits: -1)
        let lines = article.errorMessages + [article.title] + article.sections.flatMap { $0.text.lineArray }
        for line in lines where !line.isBlank {
            let hits = found(in: line, wanted).count
            if hits > best.hits { best = (line.trimmed, hits) }
            // No later line can hold more of the paste's words.
            if best.hits == wanted.count { break }
        }
        return (clip(best.line), found(in: best.line, wanted))
    }

    private static func found(in line: String, _ wanted: Set<String>) -> [String] {
        var seen = Set<String>()
        return Tokenizer.words(line).filter { wanted.contains($0) && seen.insert($0).inserted }
    }

    private static func clip(_ line: String) -> String {
        line.count <= maxLength ? line : String(line.prefix(maxLength - 1)) + "…"
    }
}
