-- kb store, schema version 2: an index of word pairs.
--
-- A paste whose words are each common ("The specified path is invalid") can only be found
-- by reading long posting lists, and their length grows with the knowledge base. Two
-- consecutive words of a title or a quoted error message ("specified_path") are far rarer
-- than either word, so looking them up costs about the same at any size.
--
-- One token per pair: the two words as the other indexes store them, joined by '_' (which
-- the tokenizer below keeps inside a token; it never occurs in a word). Contentless, like
-- the other indexes: ArticleWriter deletes an article's old pairs with the 'delete' command.
-- detail=none: a search only asks which articles hold a pair.
CREATE VIRTUAL TABLE article_pair_fts USING fts5(
    pairs,
    content = '',
    detail = none,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '_'"
);

-- Document frequencies of pairs, for choosing the rarest. term_stats holds the frequent
-- ones too (a pair always contains '_', a word never does).
CREATE VIRTUAL TABLE article_pair_vocab USING fts5vocab(article_pair_fts, 'row');

-- The pairs of articles stored before this version are added by the migration
-- (Sources/KBStore/StoreSchema.swift), from article.title and article.messages.
