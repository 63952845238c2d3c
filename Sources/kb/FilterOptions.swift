import ArgumentParser
import KBKit


/// Filters shared by `search` and `export`.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only articles whose product contains this text (case-insensitive).")
    var product: String?

    @Option(help: "Only articles that list this version, e.g. 5.0.")
    var version: String?

    @Option(help: "Only articles with this keyword, e.g. kberrmsg.")
    var keyword: String?

    @Option(help: ArgumentHelp("Only articles last modified on or after this date.", valueName: "YYYY-MM-DD"))
    var since: CalendarDate?

    @Option(name: .customLong("kb"), help: ArgumentHelp("Only articles of this knowledge base (see kb stats).", valueName: "NAME"))
    var knowledgeBase: String?

    var filter: ArticleFilter {
        ArticleFilter(product: product, version: version, keyword: keyword, since: since, knowledgeBase: knowledgeBase)
    }
}
