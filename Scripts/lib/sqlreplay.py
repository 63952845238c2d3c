"""The SQL a `kb search` runs, captured from kb under gdb, and the C program that runs it again
(Scripts/sql-replay.c): SQLite's share of a search, for Scripts/replay-sql and Scripts/bench."""
import os, re, shutil, subprocess, sys

from .kbscripts import ROOT

# Each call of sqlite3_step, with the statement's SQL as prepared and with its values bound,
# and each reset and finalize: a statement runs anew at its first step after either.
GDB = r"""set pagination off
set print elements 0
break sqlite3_step
commands
silent
printf "\aS %lx\f%s\f%s\a\n", $rdi, (char *)sqlite3_sql($rdi), (char *)sqlite3_expanded_sql($rdi)
continue
end
break sqlite3_reset
commands
silent
printf "\aR %lx\a\n", $rdi
continue
end
break sqlite3_finalize
commands
silent
printf "\aR %lx\a\n", $rdi
continue
end
run search --db {db} < {paste} > /dev/null
quit
"""
# What SQLite and FTS5 run for themselves, inside kb's statements; the replay's SQLite does too.
INTERNAL = re.compile(r"'main'\.|^SELECT fts5\(\?\)$|^\(null\)$")
LITERAL = re.compile(r"NULL|[xX]'[0-9a-fA-F]*'|'(?:[^']|'')*'|-?\d+\.\d*(?:[eE][-+]?\d+)?|-?\d+(?:[eE][-+]?\d+)?")


def missing_tools():
    """The tools a replay needs that this machine lacks."""
    return [tool for tool in ("gdb", "cc") if shutil.which(tool) is None]


def build(folder):
    """Scripts/sql-replay.c built into `folder` as kb is built (static, Debian's SQLite, kb's
    SQLite settings); its path."""
    binary = os.path.join(folder, "sql-replay")
    settings = os.path.join(ROOT, "Sources", "CSQLiteSettings")
    subprocess.run(["cc", "-O2", "-static", "-I", os.path.join(settings, "include"), "-o", binary,
                    os.path.join(ROOT, "Scripts", "sql-replay.c"), os.path.join(settings, "settings.c"),
                    os.path.join(settings, "pool.c"), "-lsqlite3", "-lm"], check=True, stderr=subprocess.DEVNULL)
    return binary


def values(template, expanded):
    """The values bound to `template`'s parameters, read from `expanded` (SQLite writes each
    in place of its `?`), as lines of the replay's file."""
    pieces = template.split("?")
    if not expanded.startswith(pieces[0]):
        sys.exit(f"sql replay: cannot read the values of: {template[:200]}")
    at, out = len(pieces[0]), []
    for piece in pieces[1:]:
        literal = LITERAL.match(expanded, at)
        if not literal or not expanded.startswith(piece, literal.end()):
            sys.exit(f"sql replay: cannot read the values of: {template[:200]}")
        text = literal.group()
        if text == "NULL":
            out.append("n\n")
        elif text[0] in "xX":
            out.append(f"b {text[2:-1]}\n")
        elif text[0] == "'":
            raw = text[1:-1].replace("''", "'")
            out.append(f"t {len(raw.encode())}\n{raw}\n")
        elif re.fullmatch(r"-?\d+", text):
            out.append(f"i {text}\n")
        else:
            out.append(f"f {text}\n")
        at = literal.end() + len(piece)
    return out


def capture(kb, db, paste, folder, index):
    """The file of statements the replay runs for one paste's search of `db` (written into
    `folder`, numbered `index`)."""
    paste_file = os.path.join(folder, f"paste-{index}.txt")
    with open(paste_file, "w", encoding="utf-8") as f:
        f.write(paste)
    script = os.path.join(folder, "capture.gdb")
    with open(script, "w") as f:
        f.write(GDB.replace("{db}", db).replace("{paste}", paste_file))
    out = subprocess.run(["gdb", "-q", "-batch", "-x", script, kb], capture_output=True, text=True,
                         encoding="utf-8", errors="replace").stdout
    ids, fresh, lines = {}, set(), []
    for record in re.findall(r"\a(.*?)\a", out, re.S):
        if record.startswith("R "):
            fresh.add(record[2:])
            continue
        pointer, template, expanded = record[2:].split("\f")
        if INTERNAL.search(template) or INTERNAL.search(expanded):
            continue
        key = (pointer, template)
        if key in ids and pointer not in fresh:
            continue  # the same run's next row
        fresh.discard(pointer)
        if key not in ids:
            ids[key] = len(ids)
            # kb's ranking function is Swift's: the replay's asks FTS5 for the same hits.
            sql = template.replace("kb_bm25(", "floor_tf(")
            lines.append(f"P {ids[key]} {len(sql.encode())}\n{sql}\n")
        bound = values(template, expanded)
        lines.append(f"R {ids[key]} {len(bound)}\n" + "".join(bound))
    if not ids:
        sys.exit(f"sql replay: no statement captured for paste {index} (gdb: {out[-500:]})")
    statements = os.path.join(folder, f"statements-{index}.txt")
    with open(statements, "w", encoding="utf-8") as f:
        f.writelines(lines)
    return statements


def command(replay, statements, db):
    """The replay's command line for a file of statements, with `kb search`'s arguments."""
    return [replay, statements, "search", "--db", db]
