-- kb store, schema version 4: the head index's document counts.
--
-- A search scores both full-text indexes with bm25 from kb's own counts of the query's
-- phrases (Sources/KBStore/SnapshotBM25.swift): FTS5 would count each phrase's rows again,
-- reading its whole posting list. term_stats holds the whole-text index's counts; this table
-- holds the head index's: for each term, the articles whose title, messages or codes hold it,
-- and those whose codes hold it (a code is looked for in the codes column, which both indexes
-- are given alike). Refreshed with term_stats, at the end of every import.
CREATE VIRTUAL TABLE article_head_vocab USING fts5vocab(article_head_fts, 'row');
CREATE VIRTUAL TABLE article_head_column_vocab USING fts5vocab(article_head_fts, 'col');

CREATE TABLE head_term_stats (
    term            TEXT NOT NULL PRIMARY KEY,
    articles        INTEGER NOT NULL,
    in_codes        INTEGER NOT NULL
) WITHOUT ROWID;
