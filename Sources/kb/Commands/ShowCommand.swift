import ArgumentParser
import KBKit


struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one article, readable or as its JSON record.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print the JSON record.")
    var json = false

    @Argument(help: "The article id: Q178511, or a docs article's path id such as officedocs/outlook/client/x. An archive KB number a docs article states finds it too.")
    var id: String

    func run() throws {
        let (article, successors) = try KB.report { () throws -> (Article, [String]) in
            let opened = try store.open(.readOnly)
            guard let article = try opened.article(id: id) else {
                throw Failure("no article \(id) in \(store.resolvedPath)")
            }
            return (article, try opened.successors(of: article.id))
        }
        if json {
            StandardOutput.printJSON(ArticleJSON.line(article))
        } else {
            var out = StandardOutput()
            out.write(ArticleText.render(article, successors: successors, style: out.style) + "\n")
            out.flush()
        }
    }
}
