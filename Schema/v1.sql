-- kb store, schema version 1.
-- This file is the single source of truth for the store: it is compiled into the `kb` binary
-- and applied by the migrator (Sources/KBStore/StoreSchema.swift). Never edit a
-- released version; add vN+1.sql with the changes instead.

-- One row per article id: the version kept is the one with the later lastModified
-- (on a tie, the DOCUMENT layout).
CREATE TABLE article (
    rowid           INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,          -- "Q178511"
    title           TEXT NOT NULL,
    product         TEXT,
    last_modified   TEXT,                          -- "YYYY-MM-DD"
    layout          TEXT NOT NULL CHECK (layout IN ('document', 'markdown')),
    content_hash    TEXT NOT NULL,                 -- of the record without `source`
    messages        TEXT NOT NULL,                 -- quoted error messages, one per line
    imported_at     TEXT NOT NULL,
    sections_only   INTEGER NOT NULL DEFAULT 0,
    -- The JSON record (the export format), last: search reads the columns above for many
    -- articles and must not walk this one's overflow pages to reach them. When
    -- `sections_only` is 1, the section fields (summary, symptoms, ...) are stored as null and
    -- rebuilt from `sections` on reading: they repeat section text, and would double the size
    -- of the store.
    record          TEXT NOT NULL
);
CREATE INDEX article_product ON article(product);
CREATE INDEX article_last_modified ON article(last_modified);

-- Every file an article was read from (a twin in the other layout, an older dump, ...).
CREATE TABLE article_source (
    path            TEXT NOT NULL PRIMARY KEY,
    article_id      TEXT NOT NULL,
    layout          TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    last_modified   TEXT,
    imported_at     TEXT NOT NULL
);
CREATE INDEX article_source_article ON article_source(article_id);

-- Full-text index, one column per field so that search can weigh a title or a quoted error
-- message above a passing mention in the body. Its rowid is article.rowid.
--
-- Contentless: the text is in article.record already, and storing it again doubled import
-- time. The writer therefore removes an article's old entry with FTS5's 'delete' command
-- and the old column values (Sources/KBStore/ArticleWriter.swift). (detail=column
-- would shrink the index, but SQLite 3.40 then scores every row 0 with bm25().)
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, messages, body, meta, codes,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The title, quoted messages and codes alone, indexed again: their posting lists are short,
-- so a search can send many terms here and stay fast, keeping the large index above for the
-- few rarest terms.
CREATE VIRTUAL TABLE article_head_fts USING fts5(
    title, messages, codes,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Document frequencies, to leave words found in most articles out of a query.
CREATE VIRTUAL TABLE article_vocab USING fts5vocab(article_fts, 'row');

-- A snapshot of article_vocab, refreshed at the end of every import: reading a frequent
-- term's count from article_vocab means reading its whole posting list, too slow for a
-- search. The row with term '' holds the number of articles.
CREATE TABLE term_stats (
    term            TEXT NOT NULL PRIMARY KEY,
    articles        INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per `kb import` run.
CREATE TABLE import_run (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    scanned         INTEGER NOT NULL DEFAULT 0,
    new             INTEGER NOT NULL DEFAULT 0,
    updated         INTEGER NOT NULL DEFAULT 0,
    unchanged       INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0
);
