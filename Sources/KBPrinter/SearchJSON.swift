import KBModel
import KBSearch

/// Search results as JSON, for `kb search --json` and the API:
/// `{"query": …, "results": [{"rank", "id", "title", "score", "product", "knowledgeBase", "lastModified",
/// "matchedErrorMessage", "snippet", "matchedWords", "pasteLine", "corrections", "remedy", "twins",
/// "article": <the record>}]}`,
/// each result rendered from its `ResultPresentation`.
public enum SearchJSON {
    /// The response as one line of JSON; with `explain`, each result says how its score was made.
    public static func render(_ response: SearchResponse, explain: Bool) -> String {
        var w = JSONWriter()
        w.open("{")
        w.key("query"); w.string(response.query.original)
        w.key("results")
        w.array(response.results.map(ResultPresentation.init)) { w, p in
            let r = p.result
            w.open("{")
            w.key("rank"); w.number(Double(r.rank))
            w.key("id"); w.string(r.id)
            w.key("title"); w.string(r.title)
            w.key("score"); w.number(r.score)
            w.key("product"); w.string(r.product)
            w.key("knowledgeBase"); w.string(r.article.source.knowledgeBase)
            w.key("lastModified"); w.string(r.article.lastModified?.description)
            w.key("matchedErrorMessage"); w.string(r.matchedErrorMessage)
            w.key("snippet"); w.string(p.matchedLine.map(\.text).joined())
            w.key("matchedWords"); w.strings(r.matchedWords)
            w.key("pasteLine")
            if let line = r.pasteLine {
                w.open("{")
                w.key("number"); w.number(Double(line.number))
                w.key("text"); w.string(line.original)
                w.close("}")
            } else {
                w.string(nil)
            }
            w.key("corrections")
            w.array(r.corrections) { w, correction in
                w.open("{")
                w.key("pasted"); w.string(correction.pasted)
                w.key("read"); w.string(correction.read)
                w.close("}")
            }
            w.key("remedy")
            if let remedy = p.remedy {
                w.open("{")
                w.key("name"); w.string(remedy.name)
                w.key("text"); w.string(remedy.text)
                w.close("}")
            } else {
                w.string(nil)
            }
            w.key("twins"); w.strings(r.twins)
            if explain {
                let e = r.explanation
                w.key("explanation")
                w.open("{")
                w.key("bm25"); w.number(e.bm25)
                w.key("message"); w.number(e.message)
                w.key("title"); w.number(e.title)
                w.key("errorTitle"); w.number(e.errorTitle)
                w.key("code"); w.number(e.code)
                w.key("keywords"); w.number(e.keywords)
                w.key("terms"); w.strings(e.terms)
                w.key("candidates"); w.number(Double(e.candidates))
                w.key("formula"); w.string(p.explanation)
                w.close("}")
            }
            w.key("article"); w.raw(ArticleJSON.bytes(r.article).json)
            w.close("}")
        }
        w.close("}")
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
