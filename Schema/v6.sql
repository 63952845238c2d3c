-- kb store, schema version 6: each article's length in each ranked full-text index.
--
-- bm25 divides by an article's length in tokens. FTS5 keeps it in a row of the index's
-- docsize table, and a search ranking some 170 rows looked up as many rows, most on a page
-- of their own: half the pages a search read. This table holds the same lengths, two bytes
-- a row: `lengths` of the index `name` (article_fts, article_head_fts) holds the length of
-- the article in row r of `article` at bytes 2r and 2r + 1 (little-endian), 0 for a row
-- without an article, and 65535 for a length that does not fit, which is then asked of
-- FTS5. Written with term_stats at the end of every import that changes an article, and
-- emptied in the transaction of the first article it changes, so an interrupted import
-- leaves no length that disagrees with the index (Sources/KBStore/IndexLengths.swift).
CREATE TABLE index_lengths (
    name            TEXT NOT NULL PRIMARY KEY,
    lengths         BLOB NOT NULL
) WITHOUT ROWID;
