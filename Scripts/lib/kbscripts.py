"""Helpers shared by the Python scripts of Scripts/: where the project is, and its binaries."""
import os, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def release_kb():
    """Builds kb in release mode (Scripts/build-release) and returns the binary's path."""
    subprocess.run([os.path.join(ROOT, "Scripts", "build-release")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return os.path.join(ROOT, ".build", "release", "kb")


def remove_store(path):
    """Removes a store file and its WAL companions, so the next import starts from nothing."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
