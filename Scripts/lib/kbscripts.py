"""Helpers shared by the Python scripts of Scripts/: where the project is, and its binaries."""
import os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def release_kb():
    """Builds kb in release mode (Scripts/build-release) and returns the binary's path."""
    subprocess.run([os.path.join(ROOT, "Scripts", "build-release")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "kb")


def release_kb_for_valgrind(folder):
    """The release kb (built first) copied into `folder` with its symbol table but no debug
    information: valgrind 3.19 cannot read the DWARF 5 that Swift writes, and callgrind needs
    only the functions' names."""
    binary = os.path.join(folder, "kb")
    subprocess.run(["strip", "--strip-debug", "-o", binary, release_kb()], check=True)
    return binary


def remove_store(path):
    """Removes a store file and its WAL companions, so the next import starts from nothing."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


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
    alternated `runs` times: {"kb", "baseline"} medians in wall seconds, "kb_cpu" kb's median
    CPU seconds (all threads: on a busy machine the wall time of a multi-threaded import also
    depends on how the cores are shared) and "memory", kb's peak MiB."""
    kb_times, kb_cpu, base_times, memory = [], [], [], []
    base = store + ".baseline.sqlite"
    # Every file read once first, so that the first tool timed does not pay alone for reading
    # them from disk into the page cache.
    for root in inputs:
        for folder, _, files in os.walk(root):
            for name in files:
                with open(os.path.join(folder, name), "rb") as f:
                    f.read()
    for run in range(runs):
        remove_store(store)
        t, cpu, rss = run_timed([kb, "import", "--quiet", "--db", store] + list(inputs))
        kb_times.append(t)
        kb_cpu.append(cpu)
        memory.append(rss)
        remove_store(base)
        b, _, _ = run_timed([sys.executable, os.path.join(ROOT, "Scripts", "baseline-fts-load"), *inputs, base])
        base_times.append(b)
        remove_store(base)
        log(f"  run {run + 1}: kb import {t:.1f} s ({cpu:.1f} s CPU, {rss:.0f} MiB), baseline {b:.1f} s")
    return {"kb": statistics.median(kb_times), "kb_cpu": statistics.median(kb_cpu),
            "baseline": statistics.median(base_times), "memory": max(memory)}
