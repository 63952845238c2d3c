import Foundation
import Testing
@testable import KBExchange
@testable import KBModel
@testable import KBStore

/// Which files of a knowledge-base repository are articles: what an import of a real docs
/// repository reads, skips (counted by reason) and passes over.
@Suite struct ArticleFileRulesTests {
    @Test func extensionsAreReadAsFoundationReadsThem() {
        for name in [".gitignore", "a.txt", "a.b.md", "readme", "a.", ".md", "a..txt", "A.TXT", "\u{E9}.md", "a. b", "a.tar.gz"] {
            #expect(String(ArticleFileRules.pathExtension(name)) == (name as NSString).pathExtension, "\(name)")
        }
    }

    private func ids(_ store: TemporaryStore) throws -> [String] {
        var ids: [String] = []
        try store.open().forEachArticle(matching: ArticleFilter()) { ids.append($0.id) }
        return ids.sorted()
    }

    /// A repository with a page of each kind, and an archive README (an article).
    private func repository(_ store: TemporaryStore) throws -> String {
        let files = [
            "kb/README.md": "# Team KB\n\nHow to contribute.\n",
            "kb/CONTRIBUTING.md": "# Contributing\n",
            "kb/SECURITY.md": "# Security\n",
            "kb/NOTICE.txt": "Notices.\n",
            "kb/LICENSE": "MIT\n",
            "kb/logo.png": "\u{89}PNG",
            "kb/includes/fragment.md": "# Fragment\n",
            "kb/templates/article.md": "# Title of the article\n",
            "kb/article-template.md": "# Title\n",
            "kb/snippet.md": "Text without a heading.\n",
            "kb/security/a.md": "# Sign-in fails\n",
            "kb/security-update.md": "# A security update fails\n",
            "kb/license-server-errors.md": "# License server errors\n",
            "kb/sending-email-by-template-fails.md": "# Sending email by template fails\n",
            "kb/archive/178/Q178511/README.md":
                "---\nlayout: page\ntitle: \"Q178511: Failed to Connect\"\npermalink: /kb/178/Q178511/\n---\n\n## Q178511: Failed to Connect\n\n{% raw %}\n\n\tArticle: Q178511\n\tProduct(s): Microsoft Exchange\n\n\tSYMPTOMS\n\t========\n\n\tIt fails.\n{% endraw %}\n",
        ]
        for (name, text) in files { _ = try store.write(name, text) }
        return store.folder.appendingPathComponent("kb").path
    }

    @Test func aRepositorysOwnPagesAreSkippedAndCounted() throws {
        let store = try TemporaryStore()
        let summary = try store.importPaths([try repository(store)])
        #expect(try ids(store) == [
            "Q178511", "kb/license-server-errors", "kb/security-update", "kb/security/a", "kb/sending-email-by-template-fails",
        ])
        #expect(summary.failed == 0, "\(summary.errors)")
        #expect(summary.skipped == [
            "README or repository file": 4, "include snippet": 1, "template": 2, "no title": 1,
        ])
        #expect(summary.line.hasSuffix(", 8 skipped (4 README or repository file, 2 template, 1 include snippet, 1 no title)"))
    }

    @Test func includeAndExcludeGlobsComeFirst() throws {
        let store = try TemporaryStore()
        let root = try repository(store)
        let summary = try store.importPaths([root], rules: ArticleFileRules(include: ["README.md", "security/*"], exclude: ["archive/*"]))
        #expect(try ids(store) == ["kb/readme", "kb/security/a"])
        #expect(summary.skipped["excluded by --exclude"] == 1)
        #expect(summary.skipped["not matched by --include"] == 10)
    }
}
