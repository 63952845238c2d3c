/// `kb search --json`: `{"query": …, "results": [{"id", "title", "score", "product",
/// "matchedErrorMessage", "snippet", …, "article": <the record>}]}`.
public enum SearchJSON {
    public static func render(_ response: SearchResponse, explain: Bool) -> String {
        var w = JSONWriter()
        w.open("{")
        w.key("query"); w.string(response.query.original)
        w.key("results")
        w.array(response.results) { w, r in
            w.open("{")
            w.key("rank"); w.number(Double(r.rank))
            w.key("id"); w.string(r.id)
            w.key("title"); w.string(r.title)
            w.key("score"); w.number(r.score)
            w.key("product"); w.string(r.product)
            w.key("lastModified"); w.string(r.article.lastModified?.description)
            w.key("matchedErrorMessage"); w.string(r.matchedErrorMessage)
            w.key("snippet"); w.string(r.snippet)
            w.key("matchedWords"); w.strings(r.matchedWords)
            if explain {
                w.key("explanation")
                w.open("{")
                w.key("bm25"); w.number(r.explanation.bm25)
                w.key("message"); w.number(r.explanation.message)
                w.key("title"); w.number(r.explanation.title)
                w.key("errorTitle"); w.number(r.explanation.errorTitle)
                w.key("terms"); w.strings(r.explanation.terms)
                w.key("candidates"); w.number(Double(r.explanation.candidates))
                w.close("}")
            }
            w.key("article"); w.raw(r.articleJSON ?? ArticleJSON.bytes(r.article).json)
            w.close("}")
        }
        w.close("}")
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
