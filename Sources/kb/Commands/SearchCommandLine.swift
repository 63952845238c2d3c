import ArgumentParser
import KBKit

/// Reads the usual `kb search` command lines without ArgumentParser.
///
/// ArgumentParser learns a command's options by reflecting on it, and each type it reflects
/// makes the Swift runtime scan every protocol conformance in the executable: 13 M of the 38 M
/// instructions of a whole search, before the store is opened (`Scripts/profile-search`).
/// A search is a short-lived process, so that cost is paid on every paste.
///
/// This reader takes only the plain forms: `search`, kb's own options each given at most once
/// (`--db FILE` or `--db=FILE`), and words of the paste, including negative codes such as
/// "-2147467259". Anything else (help, `--`, an unknown or repeated option, a value that does
/// not parse, a line `validate()` refuses) returns nil and goes to ArgumentParser, which stays
/// the one source of help, usage and error messages. A test checks that both read every
/// command line this reader accepts the same way.
enum SearchCommandLine {
    /// The search `arguments` ask for (without the executable's name), or nil when ArgumentParser
    /// must read them.
    static func parse(_ arguments: some Collection<String>) -> SearchRequest? {
        guard arguments.first == "search" else { return nil }
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var text: [String] = []
        var rest = arguments.dropFirst()[...]
        while let word = rest.popFirst() {
            guard word.hasPrefix("--") else {
                // A lone '-' or a short option such as '-h' is ArgumentParser's to read; a
                // negative number is part of the paste.
                if word.hasPrefix("-") && !(word.dropFirst().first?.isNumber ?? false) { return nil }
                text.append(word)
                continue
            }
            let (name, attached) = split(option: word.dropFirst(2))
            if flagNames.contains(name) {
                guard attached == nil, flags.insert(name).inserted else { return nil }
            } else if valueNames.contains(name) {
                guard values[name] == nil, let value = attached ?? rest.popFirst(), !value.hasPrefix("-") else { return nil }
                values[name] = value
            } else {
                return nil
            }
        }
        return request(values: values, flags: flags, text: text)
    }

    /// Options that take a value, by long name.
    private static let valueNames: Set<String> = ["db", "limit", "product", "version", "keyword", "since", "kb"]
    /// Options that take none.
    private static let flagNames: Set<String> = ["json", "explain"]

    /// "db=x.sqlite" → ("db", "x.sqlite"); "json" → ("json", nil).
    private static func split(option: Substring) -> (name: String, value: String?) {
        guard let equals = option.firstIndex(of: "=") else { return (String(option), nil) }
        return (String(option[..<equals]), String(option[option.index(after: equals)...]))
    }

    /// The request these options make; the defaults are `SearchRequest`'s, which the test
    /// compares with what ArgumentParser reads.
    private static func request(values: [String: String], flags: Set<String>, text: [String]) -> SearchRequest? {
        var request = SearchRequest(storePath: values["db"], text: text)
        request.filter = ArticleFilter(
            product: values["product"], version: values["version"], keyword: values["keyword"], knowledgeBase: values["kb"])
        if let since = values["since"] {
            guard let date = CalendarDate(argument: since) else { return nil }
            request.filter.since = date
        }
        if let limit = values["limit"] {
            guard let number = Int(argument: limit) else { return nil }
            request.limit = number
        }
        request.json = flags.contains("json")
        request.explain = flags.contains("explain")
        guard SearchRequest.refusal(limit: request.limit, text: text) == nil else { return nil }
        return request
    }
}
