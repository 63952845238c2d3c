import Foundation
@testable import KBExchange
@testable import KBModel
@testable import KBStore

/// A store in a fresh temporary folder, removed when the value is released.
final class TemporaryStore: Sendable {
    let folder: URL
    let path: String

    /// True for the store the search tests share: opened read-only, so that no test can
    /// change what another reads.
    let isShared: Bool

    init(shared: Bool = false) throws {
        isShared = shared
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kb-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("kb.sqlite").path
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func open() throws -> ArticleStore { try ArticleStore(path: path, access: isShared ? .readOnly : .readWrite) }

    /// Imports as `kb import` does: the files parsed while the walk finds more.
    @discardableResult
    func importPaths(_ paths: [String], rules: ArticleFileRules = ArticleFileRules()) throws -> ImportSummary {
        try Importer(store: ArticleStore(path: path, access: .readWrite)).run(walking: paths, with: FileWalker(rules: rules))
    }

    /// Writes a file in the temporary folder and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
        return url.path
    }

    /// A store holding every article under `Articles/`, shared by the search tests.
    /// A failure to build it fails each test that uses it, rather than the whole run.
    static var articles: TemporaryStore {
        get throws { try sharedArticles.get() }
    }

    private static let sharedArticles = Result<TemporaryStore, any Error> {
        let store = try TemporaryStore(shared: true)
        try store.importPaths([Fixtures.articlesFolder])
        return store
    }
}
