"""Real SPARQL engines on loopback, for the tests and the benchmarks: an Oxigraph server
(PyPI package ``oxigraph``) and Virtuoso (Debian package ``virtuoso-opensource``), each on
free ports with its data in a folder of its own, stopped by :meth:`Engine.stop`.

Virtuoso, like Oxigraph 0.5, evaluates a union default graph with bag semantics; a dump
carries the union as ``union.nt`` for it, loaded into the graph named in the dump's
manifest, and queries name that graph as their default graph."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from graph.remote import RemoteStore

__all__ = ["free_port", "serve", "Engine", "OxigraphServer", "VirtuosoServer"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(command: list[str], probe: str, timeout: float = 60, **popen) -> subprocess.Popen:
    """Start ``command`` and wait until ``probe`` (a URL) answers below 500; the server's own
    error output is the error when it exits or does not answer within ``timeout`` seconds."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **popen)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(probe, timeout=5).status_code < 500:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
        if process.poll() is not None:
            raise RuntimeError(f"{command[0]} exited: {process.stderr.read().decode()[-2000:]}")
    stop(process)
    raise RuntimeError(f"{command[0]} did not answer {probe} within {timeout:.0f} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Engine:
    process: subprocess.Popen
    query_url: str

    def store(self, **options) -> RemoteStore:
        return RemoteStore(self.query_url, **options)

    def stop(self) -> None:
        stop(self.process)


class OxigraphServer(Engine):
    """``oxigraph serve`` on a free loopback port, its data in ``folder``. Queries are stopped
    by the server after ``timeout`` seconds."""

    def __init__(self, folder: Path, timeout: int = 20):
        binary = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.query_url = f"{self.url}/query"
        self.process = serve([binary, "serve", "--location", str(folder), "--bind",
                              f"127.0.0.1:{self.port}", "--timeout-s", str(timeout)],
                             f"{self.query_url}?query=ASK%20%7B%7D", timeout=30)

    def store(self, **options) -> RemoteStore:
        return RemoteStore(self.query_url, f"{self.url}/update", **options)

    def clear(self) -> None:
        self.store().update("DROP ALL")


class VirtuosoServer(Engine):
    """``virtuoso-t`` in the foreground with its database under ``folder``, its SQL and HTTP
    ports on loopback; it may read files under ``readable`` (bulk loading)."""

    available = shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None

    def __init__(self, folder: Path, readable: Path, timeout: int = 60):
        folder.mkdir(parents=True, exist_ok=True)
        self.sql_port, http_port = free_port(), free_port()
        self.query_url = f"http://127.0.0.1:{http_port}/sparql"
        ini = folder / "virtuoso.ini"
        ini.write_text(_VIRTUOSO_INI.format(db=folder, sql=self.sql_port, http=http_port,
                                            readable=readable, timeout=timeout), encoding="utf-8")
        self.process = serve(["virtuoso-t", "+foreground", "+configfile", str(ini)],
                             f"{self.query_url}?query=ASK%20%7B%7D", timeout=120, cwd=folder)

    def sql(self, statements: str) -> str:
        """Run SQL statements with ``isql-vt`` as the (local, temporary) dba; their output."""
        done = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba",
                               "VERBOSE=OFF", "BANNER=OFF", f"exec={statements}"],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")
        return done.stdout

    def bulk_load(self, folder: Path, pattern: str, graph: str) -> None:
        """Load the files in ``folder`` matching ``pattern`` with Virtuoso's bulk loader;
        quads keep their graph, triples go to ``graph``. Raises on any file's error."""
        for value in (str(folder), pattern, graph):
            if "'" in value:
                raise ValueError(f"cannot pass {value!r} to the bulk loader")
        self.sql(f"ld_dir('{folder}', '{pattern}', '{graph}'); rdf_loader_run(); checkpoint;")
        errors = self.sql("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
        if str(folder) in errors:
            raise RuntimeError(f"Virtuoso could not load {pattern}: {errors}")


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., {readable}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = {timeout}
"""
