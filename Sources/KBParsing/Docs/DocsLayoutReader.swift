import KBModel

/// Reads a docs-as-code article: Markdown with optional YAML front matter, a `#` title and
/// `##` sections, as Microsoft's support articles (OfficeDocs-Support, cpp-docs) and Jekyll,
/// Hugo, MkDocs and DocFX sites are written.
///
/// - title: the first `# ` heading, else the front matter's `title`, else the first heading;
/// - summary: `description`, else a Summary or Introduction section, else the text under the title;
/// - sections by heading (`DocsSection`), their Markdown made plain (`MarkdownBlocks`);
/// - error messages: blockquotes and fenced blocks the text announces as an error or a
///   message, a blockquote right under the title (cpp-docs), a message quoted in the title,
///   and a title that names an error code ("Compiler Error C2065");
/// - the id from the file's place in its knowledge base (`ArticleID.of`).
enum DocsLayoutReader {
    /// Plain Markdown: a heading among the first lines, `# Title` or a title underlined with
    /// `===`. (A file with front matter that is not the archive's README layout is
    /// docs-as-code too; `ArticleParser` tells them apart.)
    static func hasHeading(_ lines: [String]) -> Bool {
        let head = lines.prefix(400)
        return head.indices.contains { index in
            let t = head[index].trimmed
            if MarkdownBlocks.headingLevel(t) != nil { return true }
            return index > head.startIndex && !t.isEmpty && t.allSatisfy { $0 == "=" } && !head[index - 1].isBlank
        }
    }

    static func read(lines: [String], path: String, location: ArticleLocation?) throws(ParseError) -> Article {
        let (front, bodyStart) = try FrontMatter.split(lines)
        let blocks = MarkdownBlocks.parse(lines[bodyStart...].joined(separator: "\n"))
        let frontTitle = front?.string("title")
        // A heading with no text ("#" alone) gives no title.
        guard let title = blocks.title?.trimmed.nonEmpty ?? frontTitle?.trimmed.nonEmpty ?? blocks.firstHeading?.trimmed.nonEmpty else {
            // No heading at all is no article (a snippet); a heading without text is a broken one.
            if blocks.firstHeading == nil && frontTitle == nil { throw .untitledMarkdown }
            throw .missingTitle(location.map(ArticleID.of) ?? path)
        }
        let location = location ?? Self.fallbackLocation(path: path, title: title)
        let id = ArticleID.of(location)
        var article = Article(
            id: id, title: title, source: Source(layout: .docs, path: path, knowledgeBase: location.knowledgeBase))
        article.sections = blocks.sections.filter { !$0.text.isEmpty || $0.heading != nil }
        for section in article.sections {
            guard let heading = section.heading, let field = DocsSection(heading: heading)?.field else { continue }
            let existing = article[keyPath: field]
            article[keyPath: field] = existing.map { $0 + "\n\n" + section.text } ?? section.text.nonEmpty
        }
        article.summary = front?.string("description") ?? article.summary ?? blocks.sections.first { $0.heading == nil }?.text.nonEmpty
        article.lastModified = front?.date
        article.appliesTo = FieldParsing.unique((front?.strings("appliesto") ?? []) + blocks.appliesTo)
        (article.product, article.versions) = Self.products(article.appliesTo)
        article.keywords = FieldParsing.unique(
            ["keywords", "f1_keywords", "helpviewer_keywords", "tags", "categories"]
                .flatMap { front?.strings($0, commaSeparated: true) ?? [] } + blocks.quotedNames)
        var messages = blocks.messages
        let code = Self.code(namedIn: title)
        if let code, let first = blocks.messageUnderTitle, let index = messages.firstIndex(of: first) {
            // The page of a code: its tool prints the message after the code ("error C2065: …").
            messages[index] = code + ": " + first
        }
        article.errorMessages = FieldParsing.unique(messages + Self.quotedMessages(inTitle: title) + (code != nil ? [title] : []))
        article.kbNumbers = FieldParsing.unique(blocks.kbNumbers.compactMap { ArticleID.normalize("Q" + $0) })
        let text = article.sections.map(\.text).joined(separator: "\n")
        let references = article.kbNumbers + blocks.linkTargets.compactMap { Self.reference($0, from: location) }
            + ArticleID.citations(in: text, excluding: id) + Self.kbCitations(in: text)
        article.references = FieldParsing.unique(references.filter { $0 != id })
        return article
    }

    /// Without a known place (standard input, an upload): the file's folder and name.
    private static func fallbackLocation(path: String, title: String) -> ArticleLocation {
        let parts = path.split(separator: "/").map(String.init)
        if parts.count >= 2 { return ArticleLocation(knowledgeBase: parts[parts.count - 2], relativePath: parts[parts.count - 1]) }
        let slug = title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(12).joined(separator: "-")
        return ArticleLocation(knowledgeBase: "local", relativePath: slug.isEmpty ? "article" : slug)
    }

    /// The product and versions an "applies to" list states: "Outlook 2016" is Outlook, 2016.
    private static func products(_ appliesTo: [String]) -> (String?, [ProductVersion]) {
        var product: String?
        var versions: [ProductVersion] = []
        for entry in appliesTo {
            var words = entry.split(separator: " ").map(String.init)
            var version: String?
            if let last = words.last, words.count >= 2, last.first?.isNumber == true { version = words.removeLast() }
            let name = words.joined(separator: " ")
            if product == nil { product = name }
            if let version { versions.append(ProductVersion(platform: name, version: version)) }
        }
        return (product, versions)
    }

    /// Text in quotes in the title, three words or more: `"Access denied" error when …`.
    private static func quotedMessages(inTitle title: String) -> [String] {
        var found: [String] = []
        for (open, close) in [("\"", "\""), ("“", "”")] {
            var rest = Substring(title)
            while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: close) {
                let quoted = String(rest[start.upperBound..<end.lowerBound]).trimmed
                if quoted.split(separator: " ").count >= 3 { found.append(quoted) }
                rest = rest[end.upperBound...]
            }
        }
        return found
    }

    /// "Compiler Error C2065" → "error C2065", "Compiler Warning (level 1) C4085" → "warning
    /// C4085", "Bug Check 0x7B" → "0x7B": the code a title names, as its tool prints it; nil
    /// when the title is not the name of a code.
    static func code(namedIn title: String) -> String? {
        let words = title.split(separator: " ").map { $0.lowercased() }
        guard let last = title.split(separator: " ").last, last.count >= 3, last.contains(where: \.isNumber),
              last.allSatisfy({ $0.isLetter || $0.isNumber }),
              words.contains(where: { ["error", "warning", "check", "code", "stop"].contains($0) })
        else { return nil }
        if words.contains("warning") { return "warning \(last)" }
        if words.contains("error") { return "error \(last)" }
        return String(last)
    }

    /// "KB 926179", "KB926179": archive articles cited by their KB number. Byte-wise: it
    /// reads every article's whole text.
    private static func kbCitations(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        var i = 0
        while i + 2 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "K"), bytes[i + 1] == UInt8(ascii: "B"), i == 0 || !bytes[i - 1].isASCIIAlphanumeric else { continue }
            var j = i + 2
            if j < bytes.count, bytes[j] == 0x20 { j += 1 }
            let start = j
            while j < bytes.count, (0x30...0x39).contains(bytes[j]) { j += 1 }
            if (5...7).contains(j - start), j == bytes.count || !bytes[j].isASCIIAlphanumeric {
                if let id = ArticleID.normalize("Q" + String(decoding: bytes[start..<j], as: UTF8.self)) { found.append(id) }
            }
        }
        return found
    }

    /// The article a link points to: a Markdown file of the same knowledge base, or a KB
    /// number on support.microsoft.com.
    private static func reference(_ target: String, from location: ArticleLocation) -> String? {
        let lower = target.lowercased()
        for marker in ["support.microsoft.com/help/", "support.microsoft.com/kb/", "/kb/"] {
            if let range = lower.range(of: marker) {
                let digits = lower[range.upperBound...].prefix(while: \.isNumber)
                if (4...7).contains(digits.count) { return ArticleID.normalize("Q" + digits) }
            }
        }
        guard !lower.contains("://"), !lower.hasPrefix("/"), !lower.hasPrefix("#"), !lower.hasPrefix("mailto:") else { return nil }
        var file = target.split(separator: "#").first.map(String.init) ?? ""
        file = file.split(separator: "?").first.map(String.init) ?? file
        guard file.lowercased().hasSuffix(".md") else { return nil }
        var parts = location.relativePath.split(separator: "/").map(String.init).dropLast()
        for part in file.split(separator: "/") {
            if part == ".." { if parts.isEmpty { return nil }; parts.removeLast() } else if part != "." { parts.append(String(part)) }
        }
        return ArticleID.of(ArticleLocation(knowledgeBase: location.knowledgeBase, relativePath: parts.joined(separator: "/")))
    }
}

/// The section headings with a field of their own, in the words docs-as-code articles use.
enum DocsSection {
    case field(WritableKeyPath<Article, String?>)

    init?(heading: String) {
        var h = heading.lowercased().trimmed
        while h.hasSuffix(":") || h.hasSuffix(".") { h.removeLast() }
        switch h {
        case "symptoms", "symptom", "problem": self = .field(\.symptoms)
        case "cause", "causes": self = .field(\.cause)
        case "resolution", "solution", "fix", "resolutions", "solutions": self = .field(\.resolution)
        case "workaround", "workarounds": self = .field(\.workaround)
        case "status": self = .field(\.status)
        case "more information": self = .field(\.moreInformation)
        case "summary", "introduction": self = .field(\.summary)
        default: return nil
        }
    }

    var field: WritableKeyPath<Article, String?> {
        switch self { case .field(let path): path }
    }
}
