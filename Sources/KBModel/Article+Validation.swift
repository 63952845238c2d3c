/// What the JSON Schema requires beyond types (`Schema/article.schema.json`): patterns and
/// non-empty strings. Dates are checked by `CalendarDate` as they are decoded.
extension Article {
    /// The first rule the record breaks, naming its field; nil when it follows them all.
    public func schemaViolation() -> String? {
        if !Self.isArticleID(id) { return "'id' must look like Q178511 or kb/path/to/article, not '\(id)'" }
        if title.isEmpty { return "'title' is empty" }
        for (index, version) in versions.enumerated() where version.version.isEmpty {
            return "'versions[\(index)].version' is empty"
        }
        let lists: [(String, [String])] = [
            ("operatingSystems", operatingSystems), ("keywords", keywords), ("technologies", technologies),
            ("appliesTo", appliesTo), ("errorMessages", errorMessages), ("additionalQueryWords", additionalQueryWords),
        ]
        for (name, values) in lists {
            if let index = values.firstIndex(where: \.isEmpty) { return "'\(name)[\(index)]' is empty" }
        }
        if let index = kbNumbers.firstIndex(where: { ArticleID.normalize($0) != $0 || $0.contains("/") }) {
            return "'kbNumbers[\(index)]' must look like Q178511, not '\(kbNumbers[index])'"
        }
        if let index = references.firstIndex(where: { !Self.isArticleID($0) }) {
            return "'references[\(index)]' must look like Q178511 or kb/path/to/article, not '\(references[index])'"
        }
        return nil
    }

    /// The schema's id patterns: `^Q[1-9][0-9]{0,8}$`, or a docs-as-code path id
    /// (`ArticleID.isPathID`): an id in the one spelling `ArticleID.normalize` gives.
    static func isArticleID(_ text: String) -> Bool {
        ArticleID.isNormalized(text)
    }
}
