// The SQL one `kb search` runs, run again by a C program with the same SQLite and nothing
// else: SQLite's share of a search, for Scripts/replay-sql to time beside `kb search`.
//
// The statements come from a file Scripts/replay-sql writes from a search (captured under
// gdb): each statement kb prepared, once, then each time kb ran one, with the values it bound.
// A statement kb kept prepared and ran again is kept prepared here too. kb's ranking function
// (kb_bm25, written in Swift) is replaced by floor_tf, which asks FTS5 for what kb's asks of
// each matched row (every hit of every phrase) and returns a number; the index lengths it
// divides by are read by the statements that follow, as kb reads them. Every column of every
// row is read. Nothing is ranked, assembled or printed but a count of the bytes read.
//
// The file, lines of text: "P <id> <bytes>" then that many bytes of SQL and a newline, for a
// statement prepared; "R <id> <count>" then `count` values, for a statement run: "n", "i
// <integer>", "f <real>", "t <bytes>" then that many bytes and a newline, "b <hex>".
//
// usage: sql-replay STATEMENTS search --db STORE   (the paste, on standard input, is read and
//        ignored; the last argument is the store, as with kb)
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "CSQLiteSettings.h"

enum { MAX_STATEMENTS = 256 };

// As SQLiteProcessSettings.apply(oneSearch: true): a huge page, its slots for the page cache,
// its last 256 KiB for the pool.
static void configure(void) {
    enum { huge = 2 << 20, pool = 256 << 10, page = 4096 };
    kb_sqlite_configure_process();
    int header = kb_sqlite_page_header_size();
    char *mapped = mmap(NULL, 2 * huge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (header < 0 || mapped == MAP_FAILED) return;
    char *memory = (char *)(((uintptr_t)mapped + huge - 1) & ~(uintptr_t)(huge - 1));
    madvise(memory, huge, MADV_HUGEPAGE);
    int slot = (page + header + 7) & ~7;
    kb_sqlite_use_page_cache_memory(memory, slot, (huge - pool) / slot);
    kb_sqlite_use_pool(memory + huge - pool, pool);
}

static fts5_api *fts5(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

// Every hit of every phrase of the matched row, as kb_bm25 reads them.
static void floor_tf(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *out, int n, sqlite3_value **values) {
    double hits = 0;
    for (int phrase = 0; phrase < api->xPhraseCount(fts); phrase++) {
        Fts5PhraseIter iterator;
        int column, offset;
        if (api->xPhraseFirst(fts, phrase, &iterator, &column, &offset) != SQLITE_OK) break;
        for (; column >= 0; api->xPhraseNext(fts, &iterator, &column, &offset)) hits += 1 + column;
    }
    sqlite3_result_double(out, -hits);
}

static const char *statements_path;

// A statement file this program cannot read, or a statement SQLite could not run: named, and
// no time reported for a replay that did less than kb's search.
static void fail(const char *what, const char *detail) {
    fprintf(stderr, "sql-replay: %s: %s%s%s\n", statements_path, what, detail ? ": " : "", detail ? detail : "");
    exit(3);
}

static char *read_bytes(FILE *file, long count) {
    char *bytes = count >= 0 ? malloc(count + 1) : NULL;
    if (!bytes || fread(bytes, 1, count, file) != (size_t)count) fail("a statement or value shorter than it says", NULL);
    bytes[count] = 0;
    fgetc(file);  // the newline after the bytes
    return bytes;
}

static int bind(sqlite3_stmt *statement, int index, FILE *file) {
    char kind[2];
    if (fscanf(file, " %1s", kind) != 1) return SQLITE_ERROR;
    switch (kind[0]) {
    case 'n': return sqlite3_bind_null(statement, index);
    case 'i': { long long value; if (fscanf(file, " %lld", &value) != 1) return SQLITE_ERROR; return sqlite3_bind_int64(statement, index, value); }
    case 'f': { double value; if (fscanf(file, " %lf", &value) != 1) return SQLITE_ERROR; return sqlite3_bind_double(statement, index, value); }
    case 't': {
        long count;
        if (fscanf(file, " %ld", &count) != 1) return SQLITE_ERROR;
        fgetc(file);
        return sqlite3_bind_text(statement, index, read_bytes(file, count), (int)count, free);
    }
    case 'b': {
        static char hex[1 << 20];
        if (fscanf(file, " %1048575s", hex) != 1) return SQLITE_ERROR;
        size_t count = strlen(hex) / 2;
        unsigned char *blob = malloc(count + 1);
        for (size_t i = 0; i < count; i++) sscanf(hex + 2 * i, "%2hhx", &blob[i]);
        return sqlite3_bind_blob(statement, index, blob, (int)count, free);
    }
    }
    return SQLITE_ERROR;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fputs("usage: sql-replay STATEMENTS search --db STORE\n", stderr);
        return 2;
    }
    static char paste[1 << 16];
    while (fread(paste, 1, sizeof paste, stdin) == sizeof paste) {}
    configure();
    statements_path = argv[1];
    FILE *file = fopen(argv[1], "r");
    sqlite3 *db;
    fts5_api *api;
    if (!file || sqlite3_open_v2(argv[argc - 1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK || !(api = fts5(db)) ||
        api->xCreateFunction(api, "floor_tf", NULL, floor_tf, NULL) != SQLITE_OK) {
        fprintf(stderr, "sql-replay: cannot open %s or %s\n", argv[1], argv[argc - 1]);
        return 1;
    }
    sqlite3_stmt *statements[MAX_STATEMENTS] = {0};
    long long bytes = 0;
    char kind[2];
    int id;
    long count;
    while (fscanf(file, " %1s %d %ld", kind, &id, &count) == 3) {
        if (id < 0 || id >= MAX_STATEMENTS) fail("a statement number out of range", NULL);
        if (kind[0] == 'P') {
            fgetc(file);
            char *sql = read_bytes(file, count);
            if (sqlite3_prepare_v2(db, sql, -1, &statements[id], NULL) != SQLITE_OK) {
                fprintf(stderr, "sql-replay: %s: %s\n", sql, sqlite3_errmsg(db));
                return 1;
            }
            free(sql);
            continue;
        }
        sqlite3_stmt *statement = statements[id];
        if (kind[0] != 'R' || !statement) fail("a run of a statement not prepared before it", NULL);
        sqlite3_reset(statement);
        for (int index = 1; index <= count; index++)
            if (bind(statement, index, file) != SQLITE_OK) fail("a value that cannot be bound", sqlite3_sql(statement));
        int rc;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            for (int column = 0; column < sqlite3_column_count(statement); column++) {
                sqlite3_column_blob(statement, column);
                bytes += sqlite3_column_bytes(statement, column);
            }
        if (rc != SQLITE_DONE) fail(sqlite3_errmsg(db), sqlite3_sql(statement));
    }
    if (!feof(file)) fail("a line that is no statement", NULL);
    printf("%lld bytes read\n", bytes);
    return 0;
}
