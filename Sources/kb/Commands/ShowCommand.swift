import ArgumentParser
import KBKit


struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one article, readable or as its JSON record.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the JSON record.")
    var json = false

    @Argument(help: "The article id, e.g. Q178511.")
    var id: String

    func run() throws {
        let article = try KB.report { () throws -> Article in
            guard let article = try store.open(.readOnly).article(id: id) else {
                throw Failure("no article \(id) in \(store.resolvedPath)")
            }
            return article
        }
        print(json ? ArticleJSON.line(article) : ArticleText.render(article, style: .detect()))
    }
}
