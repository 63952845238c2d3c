"""The tantivy index kb's figures are read beside, built one way for every script: plain BM25
over the raw article files, one document per file, keyed by the file's Q-number, or by its path
below `modern_root` for the docs-as-code files (path-keyed queries). Run by the Python that
Scripts/tantivy-python prints (it has tantivy)."""
import json, os, re, shutil

import tantivy

IDS = re.compile(r"Q[0-9]+")


def open_index(index_dir, roots, modern_root=None):
    """The index of the files under `roots`, built into `index_dir` unless it already holds
    one of these roots (a stamp file records them)."""
    modern_root = os.path.realpath(modern_root) if modern_root else None
    wanted = [os.path.realpath(r) for r in roots] + [modern_root]
    stamp = os.path.join(index_dir, "kb-roots.json")
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", stored=True, tokenizer_name="raw")
    builder.add_text_field("body", stored=False)
    schema = builder.build()
    if not os.path.exists(stamp) or json.load(open(stamp)) != wanted:
        shutil.rmtree(index_dir, ignore_errors=True)
        os.makedirs(index_dir)
        writer = tantivy.Index(schema, path=index_dir).writer(heap_size=300_000_000)
        for root in roots:
            for folder, _, files in os.walk(root):
                for name in files:
                    path = os.path.realpath(os.path.join(folder, name))
                    if modern_root and path.startswith(modern_root + os.sep):
                        if not name.endswith(".md"):
                            continue
                        key = os.path.relpath(path, modern_root)
                    else:
                        match = IDS.search(path)
                        key = match.group(0) if match else path
                    text = open(path, "rb").read().decode("utf-8", "replace")
                    writer.add_document(tantivy.Document(key=key, body=text))
        writer.commit()
        json.dump(wanted, open(stamp, "w"))
    index = tantivy.Index(schema, path=index_dir)
    index.reload()
    return index


def parse(index, query_text):
    """A paste as tantivy's query: its tokens OR'ed; None when it has none."""
    tokens = re.findall(r"\w+", query_text.lower())
    return index.parse_query(" OR ".join(tokens), ["body"]) if tokens else None


def keys(searcher, hits, limit=10):
    """The keys of search hits, each once, best first."""
    found = []
    for _, address in hits:
        key = searcher.doc(address)["key"][0]
        if key not in found:
            found.append(key)
    return found[:limit]


def ranked_keys(index, searcher, query_text, limit=10):
    """The keys of the best files for a paste, each once, best first."""
    query = parse(index, query_text)
    return keys(searcher, searcher.search(query, limit * 3).hits, limit) if query else []
