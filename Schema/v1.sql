-- kb store, schema version 1.
-- This file is the single source of truth for the store: it is compiled into the `kb` binary
-- and applied by the migrator (Sources/KBKit/Storage/StoreSchema.swift). Never edit a
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
    record          TEXT NOT NULL,                 -- the JSON record (the export format)
    -- Text columns the full-text index reads (external content, see article_fts).
    messages        TEXT NOT NULL,                 -- quoted error messages, one per line
    body            TEXT NOT NULL,                 -- every section's text
    meta            TEXT NOT NULL,                 -- product, applies-to, keywords, query words
    codes           TEXT NOT NULL,                 -- error codes in canonical spelling
    imported_at     TEXT NOT NULL
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
-- message above a passing mention in the body.
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, messages, body, meta, codes,
    content = 'article', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column
);

-- Document frequencies, to leave words found in most articles out of a query.
CREATE VIRTUAL TABLE article_vocab USING fts5vocab(article_fts, 'row');

CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN
    INSERT INTO article_fts(rowid, title, messages, body, meta, codes)
    VALUES (new.rowid, new.title, new.messages, new.body, new.meta, new.codes);
END;
CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN
    INSERT INTO article_fts(article_fts, rowid, title, messages, body, meta, codes)
    VALUES ('delete', old.rowid, old.title, old.messages, old.body, old.meta, old.codes);
END;
CREATE TRIGGER article_au AFTER UPDATE OF title, messages, body, meta, codes ON article BEGIN
    INSERT INTO article_fts(article_fts, rowid, title, messages, body, meta, codes)
    VALUES ('delete', old.rowid, old.title, old.messages, old.body, old.meta, old.codes);
    INSERT INTO article_fts(rowid, title, messages, body, meta, codes)
    VALUES (new.rowid, new.title, new.messages, new.body, new.meta, new.codes);
END;

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
