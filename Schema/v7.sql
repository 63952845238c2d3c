-- kb store, schema version 7: the indexes' lengths in chunks.
--
-- v6 kept each ranked index's lengths as one value, and a search read all of it, two bytes
-- for every article, for each query it scored: 123 KB for the archive, 2 MB for a million
-- articles (1,468 of the 1,664 pages one search read). Here they are cut into chunks of
-- 2,000 rows, each on a page of its own, and a query reads only the chunks of the rows it
-- scores. Row `id` holds the lengths of rows 2000·c … 2000·c + 1999 of `article` in index
-- i (0 article_fts, 1 article_head_fts), where id = 2c + i: two bytes a row, little-endian,
-- 0 for a row without an article, 65535 for a length that does not fit (asked of FTS5). A
-- query finding no chunk asks FTS5 too. Written and emptied as v6's were
-- (Sources/KBStore/IndexLengths.swift).
DROP TABLE index_lengths;
CREATE TABLE index_length_chunk (
    id              INTEGER PRIMARY KEY,
    lengths         BLOB NOT NULL
);
