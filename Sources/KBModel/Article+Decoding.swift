// The JSON names are the export contract (`Schema/article.schema.json`). Records are written
// by `ArticleJSON` (in this key order) and read back here.
extension Article {
    enum CodingKeys: String, CodingKey {
        case id, title, product, versions, operatingSystems, keywords, technologies, issueType, lastModified
        case appliesTo, summary, symptoms, cause, resolution, workaround, status, moreInformation, sections
        case errorMessages, references, additionalQueryWords, kbNumbers, source
    }
}

extension ProductVersion {
    enum CodingKeys: String, CodingKey { case platform, version }
}

extension Section {
    enum CodingKeys: String, CodingKey { case heading, text }
}

extension Source {
    enum CodingKeys: String, CodingKey { case layout, path, knowledgeBase }
}

/// Decoding a record as the JSON Schema states it: every field present (null or [] when
/// empty), no field the schema does not list, each of the right type. `JSONDecoder` alone
/// would accept a record with missing or unknown fields.
extension Article {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try RecordKeys.rejectUnknown(decoder, known: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            title: try c.decode(String.self, forKey: .title),
            product: try c.decode(String?.self, forKey: .product),
            versions: try c.decode([ProductVersion].self, forKey: .versions),
            operatingSystems: try c.decode([String].self, forKey: .operatingSystems),
            keywords: try c.decode([String].self, forKey: .keywords),
            technologies: try c.decode([String].self, forKey: .technologies),
            issueType: try c.decode(String?.self, forKey: .issueType),
            lastModified: try c.decode(CalendarDate?.self, forKey: .lastModified),
            appliesTo: try c.decode([String].self, forKey: .appliesTo),
            summary: try c.decode(String?.self, forKey: .summary),
            symptoms: try c.decode(String?.self, forKey: .symptoms),
            cause: try c.decode(String?.self, forKey: .cause),
            resolution: try c.decode(String?.self, forKey: .resolution),
            workaround: try c.decode(String?.self, forKey: .workaround),
            status: try c.decode(String?.self, forKey: .status),
            moreInformation: try c.decode(String?.self, forKey: .moreInformation),
            sections: try c.decode([Section].self, forKey: .sections),
            errorMessages: try c.decode([String].self, forKey: .errorMessages),
            references: try c.decode([String].self, forKey: .references),
            additionalQueryWords: try c.decode([String].self, forKey: .additionalQueryWords),
            // Records exported before schema v3 have no `kbNumbers`.
            kbNumbers: try c.decodeIfPresent([String].self, forKey: .kbNumbers) ?? [],
            source: try c.decode(Source.self, forKey: .source))
    }
}

extension ProductVersion {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try RecordKeys.rejectUnknown(decoder, known: CodingKeys.self)
        self.init(platform: try c.decode(String?.self, forKey: .platform), version: try c.decode(String.self, forKey: .version))
    }
}

extension Section {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try RecordKeys.rejectUnknown(decoder, known: CodingKeys.self)
        self.init(heading: try c.decode(String?.self, forKey: .heading), text: try c.decode(String.self, forKey: .text))
    }
}

extension Source {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try RecordKeys.rejectUnknown(decoder, known: CodingKeys.self)
        // `knowledgeBase` came with schema v3: a record exported before it has none.
        self.init(
            layout: try c.decode(Layout.self, forKey: .layout), path: try c.decode(String.self, forKey: .path),
            knowledgeBase: try c.decodeIfPresent(String.self, forKey: .knowledgeBase))
    }
}

/// The schema's `additionalProperties: false`.
package enum RecordKeys {
    /// How a decoding error says that a record has a key the schema does not list: what tells
    /// JSON of another kind from a kb record gone wrong (`ArticleSource.nextRecords`).
    package static let unknownField = "a field the schema does not have"

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func rejectUnknown<Known: CodingKey>(_ decoder: any Decoder, known: Known.Type) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        // The first unknown key by name: the message is the same whatever order the decoder keeps.
        if let unknown = all.allKeys.filter({ Known(stringValue: $0.stringValue) == nil }).min(by: { $0.stringValue < $1.stringValue }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath + [unknown], debugDescription: unknownField))
        }
    }
}
