import KBModel

extension Article {
    /// The header facts worth showing a reader, as (label, value) pairs, for the terminal and
    /// the article page alike: display labels, so they live with the printers.
    package var facts: [(label: String, value: String)] {
        var facts: [(String, String)] = []
        if let product { facts.append(("Product", product)) }
        if !versions.isEmpty {
            facts.append(("Versions", versions.map { ($0.platform.map { "\($0):" } ?? "") + $0.version }.joined(separator: ", ")))
        }
        if !operatingSystems.isEmpty { facts.append(("OS", operatingSystems.joined(separator: ", "))) }
        if let lastModified { facts.append(("Modified", lastModified.description)) }
        if !keywords.isEmpty { facts.append(("Keywords", keywords.joined(separator: " "))) }
        if let knowledgeBase = source.knowledgeBase { facts.append(("KB", knowledgeBase)) }
        if !kbNumbers.isEmpty { facts.append(("KB number", kbNumbers.joined(separator: ", "))) }
        return facts
    }

    /// The resolution, else the workaround, with its heading: what a reader wants first.
    package var remedy: (heading: String, text: String)? {
        if let resolution { return ("Resolution", resolution) }
        if let workaround { return ("Workaround", workaround) }
        return nil
    }
}
