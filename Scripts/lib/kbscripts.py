"""Helpers shared by the Python scripts of Scripts/: where the project is, and its binaries."""
import json, os, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The shared data beside the project: the seeds, the archive sample, the docs-as-code sample.
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def release_kb():
    """Builds kb in release mode (Scripts/build-release) and returns the binary's path."""
    subprocess.run([os.path.join(ROOT, "Scripts", "build-release")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "kb")


def release_kb_for_valgrind(folder, as_linked=False):
    """The release kb (built first) copied into `folder` with its symbol table but no debug
    information: valgrind 3.19 cannot read the DWARF 5 that Swift writes, and callgrind needs
    only the functions' names. With `as_linked`, the kb the linker made, before
    Scripts/hot-text's BOLT rewrote it (kept beside it as kb.linked): its functions go by the
    names the linker and BOLT know them by, where in the rewrite callgrind names some by the
    copies BOLT leaves behind (name.org.0). The rewrite itself has no debug information (BOLT
    leaves it out) and GNU strip cannot rewrite the segments BOLT lays out, so it is copied."""
    kb = release_kb()
    binary = os.path.join(folder, "kb")
    rewritten = subprocess.run(["readelf", "-S", kb], capture_output=True, text=True, check=True).stdout
    if ".note.bolt_info" not in rewritten:
        subprocess.run(["strip", "--strip-debug", "-o", binary, kb], check=True)
    elif as_linked:
        subprocess.run(["strip", "--strip-debug", "-o", binary, kb + ".linked"], check=True)
    else:
        shutil.copyfile(kb, binary)
        os.chmod(binary, 0o755)
    return binary


def remove_store(path):
    """Removes a store file and its WAL companions, so the next import starts from nothing."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def cache_file(path):
    """Reads a file through once, as `cat FILE > /dev/null` does, so that its pages are in the
    page cache for what runs next. Some machines (this project's VMs among them) page out file
    pages left unread for a minute or so: a benchmark then times the disk, not the program."""
    with open(path, "rb", buffering=0) as f:
        while f.read(1 << 20):
            pass


def rg_dump_command(paste, dump):
    """ripgrep's count of the paste's first line in the raw dump, case folded: the benchmark's
    yardstick for a whole `kb search` (Scripts/bench, Scripts/profile-stages)."""
    return ["rg", "-F", "-i", "-c", "-e", paste.split("\n")[0], dump]


def evict_file(path):
    """Drops a file's pages from the page cache (they are clean: a store that is only read)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(descriptor)


def run_timed(cmd, **kwargs):
    """Wall seconds, CPU seconds (user and system, all threads) and peak resident memory (MiB)
    of one child process (exit 1, some files were no articles, is a success)."""
    start = time.monotonic()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def import_against_baseline(kb, inputs, store, runs, log=lambda *a: None):
    """`kb import` of `inputs` into `store` and Scripts/baseline-fts-load of the same files,
    in `runs` pairs, which of the two goes first alternating: {"kb", "baseline"} medians in
    wall seconds, "ratio" the median of the pairs' kb/baseline ratios, "kb_cpu" kb's median
    CPU seconds (all threads: on a busy machine the wall time of a multi-threaded import also
    depends on how the cores are shared) and "memory", kb's peak MiB. The two runs of a pair
    share the machine's speed of the moment; each tool's medians, taken minutes apart, follow
    its drift (one run here: kb 16.6, 16.2, 13.6 s against 17.1, 14.8, 13.7 s, pairs 0.97,
    1.09 and 0.99, medians 16.2 against 14.8 s)."""
    kb_times, kb_cpu, base_times, memory, ratios = [], [], [], [], []
    base = store + ".baseline.sqlite"
    # Every file read once first, so that the first tool timed does not pay alone for reading
    # them from disk into the page cache.
    for root in inputs:
        for folder, _, files in os.walk(root):
            for name in files:
                cache_file(os.path.join(folder, name))

    def import_kb():
        remove_store(store)
        t, cpu, rss = run_timed([kb, "import", "--quiet", "--db", store] + list(inputs))
        kb_times.append(t)
        kb_cpu.append(cpu)
        memory.append(rss)

    def load_baseline():
        remove_store(base)
        b, _, _ = run_timed([sys.executable, os.path.join(ROOT, "Scripts", "baseline-fts-load"), *inputs, base])
        base_times.append(b)
        remove_store(base)

    for run in range(runs):
        for step in ((import_kb, load_baseline) if run % 2 == 0 else (load_baseline, import_kb)):
            step()
        ratios.append(kb_times[-1] / base_times[-1])
        log(f"  run {run + 1}: kb import {kb_times[-1]:.1f} s ({kb_cpu[-1]:.1f} s CPU, {memory[-1]:.0f} MiB), "
            f"baseline {base_times[-1]:.1f} s, {ratios[-1]:.2f}x" + (" (baseline first)" if run % 2 else ""))
    return {"kb": statistics.median(kb_times), "kb_cpu": statistics.median(kb_cpu),
            "baseline": statistics.median(base_times), "ratio": statistics.median(ratios), "memory": max(memory)}


def import_store(kb, store, inputs):
    """`kb import` of `inputs` into `store`, exiting the script on a failure; returns the
    import's summary line. Exit status 1, some files were no articles (a LICENSE, a toc.yml,
    a query file beside them), is expected."""
    done = subprocess.run([kb, "import", "--db", store, *inputs], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{kb} import failed: {done.stderr[-2000:]}")
    return done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""


def clean_queries(queries_file, count, variant="clean"):
    """The first `count` queries of a variant (ripgrep is given each one's first line)."""
    queries = [json.loads(l) for l in open(queries_file)]
    return [q["query"] for q in queries if q.get("variant") == variant][:count]


def command_pastes(archive_queries, modern_queries, count):
    """The pastes of the benchmark's whole-command comparison: the first clean dev queries,
    half of each set."""
    return clean_queries(archive_queries, count // 2) + clean_queries(modern_queries, count - count // 2)
