// The least a search of a kb store does, for Scripts/bench to time beside `kb search`: a
// process that opens the store read-only with the same SQLite (Debian's, linked statically as
// kb links it), which reads the schema at its first statement, and prints the ids and titles
// of ten articles read by rowid, their records read whole. It finds nothing: it shows what
// starting a process and opening the store cost on the machine, which no search avoids.
//
// usage: store-floor search --db STORE   (the paste, on standard input, is read and ignored;
//        the arguments are those of `kb search`, so that the benchmark runs both alike)
#include <sqlite3.h>
#include <stdio.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fputs("usage: store-floor search --db STORE\n", stderr);
        return 2;
    }
    static char paste[1 << 16];
    while (fread(paste, 1, sizeof paste, stdin) == sizeof paste) {}

    sqlite3 *db;
    sqlite3_stmt *last, *row;
    if (sqlite3_open_v2(argv[argc - 1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT max(rowid) FROM article", -1, &last, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT id, title, record FROM article WHERE rowid >= ? LIMIT 1", -1, &row, NULL) != SQLITE_OK) {
        fprintf(stderr, "store-floor: %s: %s\n", argv[argc - 1], sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_int64 rows = sqlite3_step(last) == SQLITE_ROW ? sqlite3_column_int64(last, 0) : 0;
    // Ten rows spread over the table, as a search's results are.
    for (int i = 0; i < 10; i++) {
        sqlite3_bind_int64(row, 1, rows * i / 10 + 1);
        if (sqlite3_step(row) == SQLITE_ROW)
            printf("%d. %s  %s  (%d bytes)\n", i + 1, (const char *)sqlite3_column_text(row, 0),
                   (const char *)sqlite3_column_text(row, 1), sqlite3_column_bytes(row, 2));
        sqlite3_reset(row);
    }
    return 0;
}
