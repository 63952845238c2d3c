// Encodes every record of a kb export with the record's own writer (`ArticleJSON`) and with
// Foundation's `JSONEncoder`, then decodes them with the store's reader (`ArticleJSONReader`)
// and with `JSONDecoder`, in alternating rounds, and prints the medians and their ratios.
// First it checks that the reader reads every record back to the article it was written from.
// Run by Scripts/bench-json; `JSONEncoder` needs the `Encodable` conformance below, which the
// product does not have: `ArticleJSON` is the record's one encoder.
import Foundation
import KBModel

extension Article: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(product, forKey: .product)
        try c.encode(versions, forKey: .versions)
        try c.encode(operatingSystems, forKey: .operatingSystems)
        try c.encode(keywords, forKey: .keywords)
        try c.encode(technologies, forKey: .technologies)
        try c.encode(issueType, forKey: .issueType)
        try c.encode(lastModified?.description, forKey: .lastModified)
        try c.encode(appliesTo, forKey: .appliesTo)
        try c.encode(summary, forKey: .summary)
        try c.encode(symptoms, forKey: .symptoms)
        try c.encode(cause, forKey: .cause)
        try c.encode(resolution, forKey: .resolution)
        try c.encode(workaround, forKey: .workaround)
        try c.encode(status, forKey: .status)
        try c.encode(moreInformation, forKey: .moreInformation)
        try c.encode(sections, forKey: .sections)
        try c.encode(errorMessages, forKey: .errorMessages)
        try c.encode(references, forKey: .references)
        try c.encode(additionalQueryWords, forKey: .additionalQueryWords)
        try c.encode(source, forKey: .source)
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, product, versions, operatingSystems, keywords, technologies, issueType, lastModified
        case appliesTo, summary, symptoms, cause, resolution, workaround, status, moreInformation, sections
        case errorMessages, references, additionalQueryWords, source
    }
}

extension ProductVersion: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(platform, forKey: .platform)
        try c.encode(version, forKey: .version)
    }

    private enum Key: String, CodingKey { case platform, version }
}

extension Section: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(heading, forKey: .heading)
        try c.encode(text, forKey: .text)
    }

    private enum Key: String, CodingKey { case heading, text }
}

extension Source: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(layout.rawValue, forKey: .layout)
        try c.encode(path, forKey: .path)
    }

    private enum Key: String, CodingKey { case layout, path }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: kb-bench-json EXPORT.jsonl [ROUNDS]\n".utf8))
    exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let text = try String(contentsOfFile: arguments[1], encoding: .utf8)
let articles = try text.split(separator: "\n").map { try ArticleJSON.decode(Data($0.utf8)) }
let encoder = JSONEncoder()
encoder.outputFormatting = [.withoutEscapingSlashes]

func seconds(_ body: () throws -> Int) rethrows -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let bytes = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, bytes)
}

var writer: [Double] = [], foundation: [Double] = []
var sizes = (0, 0)
for _ in 0..<rounds {
    let (w, wb) = seconds { articles.reduce(0) { $0 + ArticleJSON.bytes($1).json.count } }
    let (f, fb) = try seconds { try articles.reduce(0) { $0 + (try encoder.encode($1)).count } }
    writer.append(w)
    foundation.append(f)
    sizes = (wb, fb)
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
print("\(articles.count) records, \(rounds) alternated rounds, median seconds to encode them all:")
print(String(format: "  ArticleJSON  %.3f s  (%d bytes)", median(writer), sizes.0))
print(String(format: "  JSONEncoder  %.3f s  (%d bytes)", median(foundation), sizes.1))
print(String(format: "  JSONEncoder / ArticleJSON = %.2f", median(foundation) / median(writer)))

// The store reads records back with `ArticleJSONReader`; `JSONDecoder` is the strict fallback.
let records = articles.map { ArticleJSON.bytes($0).json }
for (record, article) in zip(records, articles) where record.withUnsafeBufferPointer(ArticleJSONReader.read) != article {
    FileHandle.standardError.write(Data("ArticleJSONReader misreads \(article.id)\n".utf8))
    exit(1)
}
let decoder = JSONDecoder()
var reader: [Double] = [], foundationDecoder: [Double] = []
for _ in 0..<rounds {
    let (r, _) = seconds { records.reduce(0) { $0 + ($1.withUnsafeBufferPointer(ArticleJSONReader.read)?.sections.count ?? 0) } }
    let (f, _) = try seconds { try records.reduce(0) { $0 + (try decoder.decode(Article.self, from: Data($1))).sections.count } }
    reader.append(r)
    foundationDecoder.append(f)
}
print("median seconds to decode them all (each read back to its article):")
print(String(format: "  ArticleJSONReader  %.3f s", median(reader)))
print(String(format: "  JSONDecoder        %.3f s", median(foundationDecoder)))
print(String(format: "  JSONDecoder / ArticleJSONReader = %.2f", median(foundationDecoder) / median(reader)))
