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
    package static func bytes(_ a: Article) -> (json: [UInt8], contentLength: Int) {
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
        w.key("kbNumbers"); w.strings(a.kbNumbers)
        let contentLength = w.bytes.count
        w.key("source")
        w.open("{")
        w.key("layout"); w.string(a.source.layout.rawValue)
        w.key("path"); w.string(a.source.path)
        w.key("knowledgeBase"); w.string(a.source.knowledgeBase)
        w.close("}")
        w.close("}")
        return (w.bytes, contentLength)
    }

    /// Reads one record, strictly (see `Article.init(from:)`).
    public static func decode(_ data: Data) throws -> Article {
        try JSONDecoder().decode(Article.self, from: data)
    }
}
