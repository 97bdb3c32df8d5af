"""Who may open the embedded store at once: many readers, or one writer.

RocksDB, under pyoxigraph, keeps a second writer out, but not readers: opening a store
read-only while another process writes it is undefined (files a reader needs may be
compacted away under it, and it never sees the new data). So every process that opens the
store takes an advisory lock on a file in the store's folder, shared to read and exclusive to
write, and one that cannot have it at once is told who is in the way.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

__all__ = ["LOCK_FILE", "StoreBusy", "StoreLock"]

LOCK_FILE = "somkg.lock"


class StoreBusy(RuntimeError):
    """Another process reads the store while this one would write it, or the reverse."""


class StoreLock:
    """An advisory lock on the store at ``path``, held until :meth:`release`."""

    def __init__(self, path: Path, write: bool):
        self._fd = os.open(path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._fd, (fcntl.LOCK_EX if write else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            raise StoreBusy(
                f"the store at {path} is open in another somkg process (a server, a build or a "
                "command reading it); stop that process first, or write to another --store-path"
                if write else
                f"the store at {path} is being written by another somkg process (a build or a "
                "load); try again when it has finished") from None

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
