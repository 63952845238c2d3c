import Foundation
import KBModel
import Yams

/// The YAML front matter of a docs-as-code article (`---` … `---`), read with Yams. Keys are
/// those of Jekyll, Hugo, MkDocs and DocFX sites: `title`, `description`, `date`, `ms.date`,
/// `tags`, `keywords`, `categories`, `appliesto`, `f1_keywords`, `helpviewer_keywords`.
///
/// Yams composes the node tree with its basic resolver, so that every scalar stays text:
/// resolving each one's type (numbers, booleans, timestamps) took half of the time a
/// docs-as-code article takes to parse, and dates are read here in their own formats anyway.
struct FrontMatter {
    var fields: [String: Node]

    /// The front matter at the start of `lines`, if any, and the index of the first body line.
    /// A block that opens but never closes, or that is not a YAML mapping, is an error.
    static func split(_ lines: [String]) throws(ParseError) -> (FrontMatter?, bodyStart: Int) {
        guard let open = lines.firstIndex(where: { !$0.isBlank }), lines[open].trimmed == "---" else { return (nil, 0) }
        guard let close = lines[(open + 1)...].firstIndex(where: { $0.trimmed == "---" || $0.trimmed == "..." }) else {
            throw .unclosedFrontMatter(line: open + 1)
        }
        let yaml = lines[(open + 1)..<close].joined(separator: "\n")
        let loaded: Node?
        do {
            loaded = try Yams.compose(yaml: yaml, .basic)
        } catch let error as YamlError {
            throw .invalidFrontMatter(line: open + 2 + Self.line(of: error), Self.reason(error))
        } catch {
            throw .invalidFrontMatter(line: open + 1, "\(error)")
        }
        if loaded == nil { return (FrontMatter(fields: [:]), close + 1) }
        guard let mapping = loaded?.mapping else {
            throw .invalidFrontMatter(line: open + 2, "the front matter is not a list of 'key: value' lines")
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.scalar?.string, fields[name] == nil { fields[name] = value }
        }
        return (FrontMatter(fields: fields), close + 1)
    }

    /// A text value; nil when absent, empty or not a single value.
    func string(_ key: String) -> String? {
        fields[key]?.scalar.flatMap { MarkdownText.plain(markdown: $0.string).trimmed.nonEmpty }
    }

    /// A list value: a YAML list, or one text value (comma-separated for the keyword keys).
    func strings(_ key: String, commaSeparated: Bool = false) -> [String] {
        if let list = fields[key]?.sequence {
            return list.compactMap { $0.scalar.map { MarkdownText.plain(markdown: $0.string).trimmed } }.filter { !$0.isEmpty }
        }
        guard let text = string(key) else { return [] }
        return commaSeparated ? text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty } : [text]
    }

    /// The date of `ms.date` ("01/30/2024"), `date` or `lastmod` ("2024-01-30", with or without a time).
    var date: CalendarDate? {
        for key in ["ms.date", "lastmod", "last_modified_at", "updated", "date"] {
            if let text = fields[key]?.scalar?.string, let date = Self.parseDate(text.trimmed) { return date }
        }
        return nil
    }

    static func parseDate(_ text: String) -> CalendarDate? {
        let numbers = text.prefix(10).split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        if text.prefix(4).allSatisfy(\.isNumber) { return CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2]) }
        // Microsoft's ms.date is month/day/year.
        return CalendarDate(year: numbers[2], month: numbers[0], day: numbers[1])
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return max(0, mark.line - 1)
        default: return 0
        }
    }

    private static func reason(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return "invalid YAML in the front matter: \(problem)"
        default: return "invalid YAML in the front matter"
        }
    }
}
