-- kb store, schema version 3: docs-as-code articles and knowledge bases.
--
-- Articles of a third layout ('docs': Markdown with YAML front matter) are stored beside the
-- archive's. Their ids are paths ("officedocs/outlook/client/prompts-for-password").
--
-- The layout's CHECK is part of the table's definition, which SQLite cannot alter: the
-- table is rebuilt with the same rowids, which the full-text indexes are keyed on.
CREATE TABLE article_v3 (
    rowid           INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,          -- "Q178511" or "officedocs/outlook/..."
    title           TEXT NOT NULL,
    product         TEXT,
    last_modified   TEXT,                          -- "YYYY-MM-DD"
    layout          TEXT NOT NULL CHECK (layout IN ('document', 'markdown', 'docs')),
    -- The knowledge base the article was imported from: the name of its root folder
    -- (record.source.knowledgeBase). Null for articles stored before version 3.
    knowledge_base  TEXT,
    content_hash    TEXT NOT NULL,                 -- of the record without `source`
    messages        TEXT NOT NULL,                 -- quoted error messages, one per line
    imported_at     TEXT NOT NULL,
    sections_only   INTEGER NOT NULL DEFAULT 0,
    -- The JSON record, last (see v1.sql).
    record          TEXT NOT NULL
);
INSERT INTO article_v3(rowid, id, title, product, last_modified, layout, knowledge_base, content_hash, messages,
                       imported_at, sections_only, record)
SELECT rowid, id, title, product, last_modified, layout, json_extract(record, '$.source.knowledgeBase'), content_hash,
       messages, imported_at, sections_only, record
FROM article;
DROP TABLE article;
ALTER TABLE article_v3 RENAME TO article;
CREATE INDEX article_product ON article(product);
CREATE INDEX article_last_modified ON article(last_modified);
CREATE INDEX article_knowledge_base ON article(knowledge_base);

-- The KB numbers an article states it replaces ("Original KB number: 2027064" → 'Q2027064'),
-- so that `kb show Q2027064` finds it when the archive's Q2027064 is not in the store, and
-- the archive article links to its successor when it is.
CREATE TABLE article_alias (
    alias           TEXT NOT NULL,
    article_id      TEXT NOT NULL,
    PRIMARY KEY (alias, article_id)
) WITHOUT ROWID;
CREATE INDEX article_alias_article ON article_alias(article_id);
