import KBKit

/// The server-rendered pages: the search page and one page per article. They work without
/// JavaScript; a few lines of script fetch results as the user types.
enum Pages {
    struct SearchForm {
        var query = ""
        var product = ""
        var version = ""
    }

    static func search(form: SearchForm, products: [String], results: String?) -> String {
        let options = ([""] + products).map { (product: String) -> String in
            let selected = product == form.product ? " selected" : ""
            let label = product.isEmpty ? "All products" : product
            return "<option value=\"\(HTML.escape(product))\"\(selected)>\(HTML.escape(label))</option>"
        }.joined()
        return layout(title: form.query.isEmpty ? "kb" : "kb: " + String(form.query.prefix(60)), body: """
            <form id="search" method="post" action="/">
              <label for="q">Paste the error message, a dialog's text, or a piece of log</label>
              <textarea id="q" name="q" rows="6" autofocus placeholder="e.g. Failed to connect to the Microsoft Exchange Server, EXCH01.">\(HTML.escape(form.query))</textarea>
              <div class="filters">
                <select name="product" aria-label="Product">\(options)</select>
                <input name="version" placeholder="Version, e.g. 5.0" value="\(HTML.escape(form.version))" aria-label="Version">
                <button type="submit">Search</button>
              </div>
            </form>
            <div id="results">\(results ?? "")</div>
            <script>
            (function () {
              var form = document.getElementById("search"), box = document.getElementById("results"), timer;
              function refresh() {
                var data = new URLSearchParams(new FormData(form));
                data.set("fragment", "1");
                fetch("/", { method: "POST", body: data }).then(function (r) { return r.text(); })
                  .then(function (html) { box.innerHTML = html; });
              }
              form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 250); });
            })();
            </script>
            """)
    }

    static func results(_ response: SearchResponse) -> String {
        guard !response.results.isEmpty else { return "<p class=\"none\">No article matches.</p>" }
        return "<ol class=\"results\">" + response.results.map { r in
            let words = Set(r.matchedWords)
            var item = "<li><a class=\"title\" href=\"/articles/\(HTML.escape(r.id))\">\(HTML.escape(r.id)) · \(HTML.escape(r.title))</a>"
            if let product = r.product { item += " <span class=\"product\">\(HTML.escape(product))</span>" }
            item += "<blockquote>\(HTML.highlight(r.snippet, words: words))</blockquote>"
            if let (name, text) = r.article.remedy {
                let lines = text.split(separator: "\n").prefix(2).joined(separator: " ")
                item += "<p class=\"fix\"><b>\(name):</b> \(HTML.escape(lines))</p>"
            }
            return item + "</li>"
        }.joined() + "</ol>"
    }

    static func article(_ a: Article) -> String {
        var body = "<p><a href=\"/\">← Search</a></p><h1>\(HTML.escape(a.id)) · \(HTML.escape(a.title))</h1><dl>"
        for (name, value) in a.facts { body += "<dt>\(name)</dt><dd>\(HTML.escape(value))</dd>" }
        body += "</dl>"
        if !a.appliesTo.isEmpty {
            body += "<h2>Applies to</h2><ul>" + a.appliesTo.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
        }
        if !a.errorMessages.isEmpty {
            body += "<h2>Error messages</h2>" + a.errorMessages.map { "<blockquote class=\"error\">\(HTML.escape($0))</blockquote>" }.joined()
        }
        for section in a.sections {
            if let heading = section.heading { body += "<h2>\(HTML.escape(heading))</h2>" }
            body += "<pre>\(HTML.escape(section.text))</pre>"
        }
        if !a.references.isEmpty {
            body += "<h2>See also</h2><p>" + a.references.map { "<a href=\"/articles/\($0)\">\($0)</a>" }.joined(separator: ", ") + "</p>"
        }
        return layout(title: "\(a.id): \(a.title)", body: body)
    }

    static func message(title: String, _ text: String) -> String {
        layout(title: title, body: "<p><a href=\"/\">← Search</a></p><h1>\(HTML.escape(title))</h1><p>\(HTML.escape(text))</p>")
    }

    private static func layout(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>
        body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; color: #222; }
        label { display: block; font-weight: 600; margin-bottom: .3rem; }
        textarea { width: 100%; box-sizing: border-box; font: 14px ui-monospace, monospace; padding: .5rem; }
        .filters { display: flex; gap: .5rem; margin: .5rem 0 1rem; }
        .results li { margin-bottom: 1rem; }
        .title { font-weight: 600; }
        .product { color: #666; font-size: 90%; }
        blockquote { margin: .3rem 0; padding: .3rem .6rem; border-left: 3px solid #c33; background: #fbf3f3; font-family: ui-monospace, monospace; white-space: pre-wrap; }
        mark { background: #ffe38a; }
        .fix { margin: .2rem 0; color: #333; }
        pre { white-space: pre-wrap; font: 14px/1.4 ui-monospace, monospace; }
        dt { float: left; width: 9rem; color: #666; } dd { margin-left: 9rem; }
        </style></head>
        <body>
        \(body)
        </body></html>
        """
    }
}
