-- kb store, schema version 5: which articles hold each common word.
--
-- A search asks, for each of the paste's keywords, which of its few dozen candidates hold it
-- in their whole text. For a word in thousands of articles, FTS5 answers by reading the
-- word's whole posting list, or by one seek into it per candidate, each costing as much as
-- reading a hundred of its rows. This table answers from a bitmap: bit r (byte r / 8, bit
-- r % 8, the lowest bit first) is set when the article in row r of `article` holds the
-- term, for every term of the whole-text index that at least 1/64 of the articles hold.
-- Written with term_stats at the end of every import that changes an article, and emptied
-- in the transaction of the first article it changes, so an interrupted import leaves no
-- bitmap that disagrees with the index (Sources/KBStore/TermRows.swift).
CREATE TABLE term_rows (
    term            TEXT NOT NULL PRIMARY KEY,
    rows            BLOB NOT NULL
);
