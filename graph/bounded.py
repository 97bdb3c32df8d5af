"""Run untrusted SPARQL queries within a time limit and a result cap.

pyoxigraph has no query time limit, and a signal does not stop a running query. So queries
from the public endpoint run in worker processes that open the store read-only; a query
still running when its time is up has its worker killed and replaced, and the caller gets a
:class:`QueryTimeout`. A result with more rows (or triples) than the cap is not sent: the
caller gets a :class:`ResultTooLarge`, which says to add a LIMIT.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.term import Identifier

from graph.queries import is_update, query_form
from graph.store import QueryError, QueryTimeout

_OPEN_ATTEMPTS = 4  # opening the store read-only, with back-off (0.1, 0.2, 0.4 s)

__all__ = ["Answer", "QueryTimeout", "ResultTooLarge", "UpdateRefused", "BoundedQueries",
           "InProcessQueries",
           "query_form", "is_update"]


class ResultTooLarge(QueryError):
    """The result holds more rows or triples than the cap."""


class UpdateRefused(QueryError):
    """An update was sent to a read-only endpoint."""


@dataclass(frozen=True)
class Answer:
    form: str  # "select", "ask", "construct"
    variables: tuple[str, ...] = ()
    rows: tuple[dict[str, Identifier], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Identifier, Identifier, Identifier], ...] = field(default=())


def _worker(path: str, max_rows: int, conn) -> None:  # runs in a child process
    import pyoxigraph as ox

    from graph.store import from_ox

    for attempt in range(_OPEN_ATTEMPTS):
        try:
            store = ox.Store.read_only(path)
            break
        except OSError as e:  # e.g. a file compacted away by a writer while we opened
            if attempt == _OPEN_ATTEMPTS - 1:
                conn.send(("failed", f"{e}"))
                return
            time.sleep(0.1 * 2 ** attempt)
    conn.send(("ready", None))  # starting (imports, opening the store) is not query time
    while True:
        try:
            sparql = conn.recv()
        except EOFError:
            return
        try:
            result = store.query(sparql)  # the default graph is the union (graph.store)
            if isinstance(result, ox.QueryBoolean):
                conn.send(("ok", Answer("ask", boolean=bool(result))))
            elif isinstance(result, ox.QuerySolutions):
                variables = tuple(v.value for v in result.variables)
                rows = []
                for solution in result:
                    if len(rows) == max_rows:
                        raise ResultTooLarge(f"the result has more than {max_rows} rows; add a "
                                             "LIMIT or narrow the query")
                    rows.append({v: from_ox(solution[v]) for v in variables
                                 if solution[v] is not None})
                conn.send(("ok", Answer("select", variables, tuple(rows))))
            else:
                triples = []
                for t in result:
                    if len(triples) == max_rows:
                        raise ResultTooLarge(f"the result has more than {max_rows} triples; add "
                                             "a LIMIT or narrow the query")
                    triples.append((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
                conn.send(("ok", Answer("construct", triples=tuple(triples))))
        except ResultTooLarge as e:
            conn.send(("too_large", str(e)))
        except (SyntaxError, ValueError, OSError) as e:
            conn.send(("error", str(e)))


class _Worker:
    def __init__(self, context, path: Path, max_rows: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(str(path), max_rows, child),
                                       daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, limit: float = 120) -> None:
        """Wait for the worker to have started, once; a worker that cannot start is an error."""
        if self.ready:
            return
        reason = "it did not start in time"
        try:
            if self.conn.poll(limit):
                status, reason = self.conn.recv()
                if status == "ready":
                    self.ready = True
                    return
        except (EOFError, OSError):
            self.process.join(timeout=5)
            reason = f"it stopped with exit code {self.process.exitcode}"
        raise QueryError(f"a query worker could not open the store: {reason}")

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class InProcessQueries:
    """The same interface over a store itself: a remote store, whose exchanges have a time
    limit (see :meth:`graph.remote.RemoteStore.with_timeout`), or one in memory, which has
    none, as pyoxigraph cannot stop a query (serve the embedded store from disk). The result
    cap holds in both."""

    def __init__(self, store, max_rows: int):
        self.store, self.max_rows = store, max_rows

    def run(self, sparql: str) -> Answer:
        if is_update(sparql):
            raise UpdateRefused("this endpoint is read-only: SPARQL updates are refused")
        result = self.store.query(sparql)
        if isinstance(result, bool):
            return Answer("ask", boolean=result)
        size = len(result.rows) if hasattr(result, "rows") else len(result)
        if size > self.max_rows:
            raise ResultTooLarge(f"the result has more than {self.max_rows} rows or triples; "
                                 "add a LIMIT or narrow the query")
        if hasattr(result, "rows"):
            return Answer("select", result.variables, result.rows)
        return Answer("construct", triples=tuple(result))

    def close(self) -> None:
        pass


class BoundedQueries:
    """A small pool of query workers over the store at ``path``."""

    def __init__(self, path: Path, timeout: float, max_rows: int, workers: int = 2):
        self.path, self.timeout, self.max_rows = path, timeout, max_rows
        self._context = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        for _ in range(workers):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._context, self.path, self.max_rows)
        with self._lock:
            self._workers.append(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._workers.remove(worker)
        self._add()

    def run(self, sparql: str) -> Answer:
        """Run a query. Raises :class:`UpdateRefused`, :class:`QueryTimeout`,
        :class:`ResultTooLarge`, or :class:`QueryError` for a query that does not parse."""
        if is_update(sparql):
            raise UpdateRefused("this endpoint is read-only: SPARQL updates are refused")
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(f"all query workers stayed busy for {self.timeout:g} s; "
                               "try again later") from None
        try:
            worker.wait_ready()
        except QueryError:
            self._replace(worker)
            raise
        worker.conn.send(sparql)
        if worker.conn.poll(self.timeout):
            try:
                status, payload = worker.conn.recv()
            except (EOFError, OSError):
                status, payload = "error", "the query worker stopped"
                self._replace(worker)
            else:
                self._idle.put(worker)
        else:
            self._replace(worker)
            raise QueryTimeout(f"the query ran longer than the {self.timeout:g} s limit and was "
                               "stopped; narrow it or add a LIMIT")
        if status == "ok":
            return payload
        if status == "too_large":
            raise ResultTooLarge(payload)
        raise QueryError(f"the query is not valid SPARQL or cannot run: {payload}")

    def close(self) -> None:
        with self._lock:
            for worker in self._workers:
                worker.stop()
            self._workers.clear()
