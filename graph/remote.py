"""A remote store: any SPARQL 1.1 server, spoken to over the SPARQL 1.1 Protocol.

Every HTTP exchange with the server is in this module. Queries and updates go through
SPARQLWrapper, a fresh client per call (clients hold per-query state and are not shared
between threads); the Graph Store HTTP Protocol, which SPARQLWrapper does not speak, goes
through ``urllib``.

The server's default graph holds the union of all named graphs, written by the same update
requests that write the named graphs (:func:`graph.store.replace_graph_update`), so the
answers are those of the embedded store. For an engine whose default graph is always the
bag of all its graphs (Virtuoso), load the union into a graph of its own and name it with
``default_graph``: queries then read that graph as their default graph.

Transient failures (connection refused or reset, HTTP 502, 503, 504) are retried a bounded
number of times with a short back-off; a query that is malformed, or a server that stays
unreachable or slow, raises a :class:`~graph.store.StoreError` (or :class:`QueryError`,
:class:`QueryTimeout`) that says which endpoint and why.
"""

from __future__ import annotations

import base64
import copy
import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
)

from graph.jsonld import compact
from graph.queries import query_form, with_values
from graph.results import read_json_term
from graph.store import (
    EXPORT_FORMATS,
    QueryError,
    QueryTimeout,
    SelectResult,
    StoreError,
    Triple,
    from_ox,
    ntriples,
    replace_graph_update,
)

__all__ = ["RemoteStore"]

T = TypeVar("T")
_TRANSIENT_HTTP = {502, 503, 504}
_RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "xml": "xml"}


class RemoteStore:
    """A SPARQL 1.1 server at ``endpoint`` (queries), written through ``update_endpoint``
    (SPARQL 1.1 Update) and, when given, ``graph_store`` (Graph Store HTTP Protocol)."""

    def __init__(self, endpoint: str, update_endpoint: str | None = None,
                 graph_store: str | None = None, user: str | None = None,
                 password: str | None = None, timeout: float = 30.0, retries: int = 2,
                 default_graph: str | None = None):
        for url in (endpoint, update_endpoint, graph_store):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise StoreError(f"not an http(s) endpoint: {url!r}")
        self.endpoint, self.update_endpoint, self.graph_store = endpoint, update_endpoint, graph_store
        self.user, self.password = user, password
        self.timeout, self.retries, self.default_graph = timeout, retries, default_graph
        self.path = None  # no local files: the API runs public queries through this store

    def with_timeout(self, timeout: float) -> RemoteStore:
        """The same store with another time limit per exchange (public queries get theirs)."""
        other = copy.copy(self)
        other.timeout = timeout
        return other

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    # --- one exchange, retried ----------------------------------------------------------

    def _client(self, url: str | None = None) -> SPARQLWrapper:
        client = SPARQLWrapper(self.endpoint, updateEndpoint=url or self.update_endpoint)
        client.setTimeout(max(1, round(self.timeout)))
        client.setMethod(POST)
        if self.user is not None:
            client.setCredentials(self.user, self.password or "")
        if self.default_graph:
            client.addDefaultGraph(self.default_graph)
        return client

    def _exchange(self, url: str, call: Callable[[], T]) -> T:
        """Run one HTTP exchange with ``url``, retrying transient failures."""
        for attempt in range(self.retries + 1):
            try:
                return call()
            except QueryBadFormed as e:
                raise QueryError(f"{url} refused the request as malformed: {_message(e)}") from e
            except Unauthorized as e:
                raise StoreError(f"{url} refused the credentials (HTTP 401)") from e
            except EndPointNotFound as e:
                raise StoreError(f"no SPARQL endpoint at {url} (HTTP 404)") from e
            except EndPointInternalError as e:
                text = _message(e)
                if "timeout" in text.lower() or "timed out" in text.lower():
                    raise QueryTimeout(f"{url} stopped the query at its time limit") from e
                raise StoreError(f"{url} failed: {text}") from e
            except urllib.error.HTTPError as e:
                if e.code not in _TRANSIENT_HTTP or attempt == self.retries:
                    raise StoreError(f"{url} answered HTTP {e.code}: {_message(e)}") from e
            except TimeoutError as e:
                raise QueryTimeout(f"{url} did not answer within {self.timeout:g} s") from e
            except urllib.error.URLError as e:
                if isinstance(e.reason, TimeoutError):
                    raise QueryTimeout(f"{url} did not answer within {self.timeout:g} s") from e
                if attempt == self.retries:
                    raise StoreError(f"cannot reach {url}: {e.reason}") from e
            except (ConnectionError, SPARQLWrapperException) as e:
                if attempt == self.retries:
                    raise StoreError(f"cannot talk to {url}: {e}") from e
            time.sleep(0.25 * 2 ** attempt)
        raise AssertionError("unreachable")

    # --- queries ------------------------------------------------------------------------

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None
              ) -> SelectResult | bool | Graph:
        if bindings:
            try:
                sparql = with_values(sparql, bindings)
            except ValueError as e:
                raise QueryError(str(e)) from e
        form = query_form(sparql)
        if form is None:
            raise QueryError("the query is not valid SPARQL: expected SELECT, ASK, CONSTRUCT "
                             "or DESCRIBE")
        body = self._ask(sparql, TURTLE if form == "construct" else JSON)
        if form == "construct":
            return Graph().parse(data=body, format="turtle")
        data = json.loads(body)
        if "boolean" in data:
            return bool(data["boolean"])
        variables = tuple(data["head"].get("vars", ()))
        rows = tuple({name: read_json_term(value) for name, value in row.items()}
                     for row in data["results"]["bindings"])
        return SelectResult(variables, rows)

    def _ask(self, sparql: str, result_format: str) -> bytes:
        """The body of the endpoint's answer to a query, in ``result_format``."""
        def call():
            client = self._client()
            client.setQuery(sparql)
            client.setReturnFormat(result_format)
            return client.query().response.read()

        return self._exchange(self.endpoint, call)

    def graph_triples(self, graph: URIRef) -> set[Triple]:
        # Read with pyoxigraph's parser: a push compares whole graphs, and it is faster.
        body = self._ask(with_values("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                                     {"g": graph}), TURTLE)
        return {(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                for t in ox.parse(body, ox.RdfFormat.TURTLE)}

    def named_graphs(self) -> list[URIRef]:
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows
        return sorted(r["g"] for r in rows if isinstance(r.get("g"), URIRef))

    def count(self) -> int:
        """Quads in the named graphs."""
        return int(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0]["n"])

    # --- writes -------------------------------------------------------------------------

    def update(self, request: str) -> None:
        """Run a SPARQL 1.1 Update request (one transaction on engines that run a request
        atomically)."""
        if not self.update_endpoint:
            raise StoreError(f"{self.endpoint} has no update endpoint configured; "
                             "set SOMKG_UPDATE_ENDPOINT or --update-endpoint")

        def call():
            client = self._client()
            client.setQuery(request)
            client.query().response.read()

        self._exchange(self.update_endpoint, call)

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> None:
        """Replace a named graph and its share of the union in one update request; with only
        a Graph Store endpoint, by an HTTP PUT of the graph (atomic per graph), the union
        being written afresh by :meth:`flush`."""
        if self.update_endpoint:
            self.update(replace_graph_update(graph, triples))
        else:
            self._graph_store_request("PUT", ("graph", str(graph)), ntriples(triples).encode())

    def remove_graph(self, graph: URIRef) -> None:
        if self.update_endpoint:
            self.update(replace_graph_update(graph, ()))
        else:
            self._graph_store_request("DELETE", ("graph", str(graph)), None, missing_ok=True)

    def flush(self) -> None:
        """With only a Graph Store endpoint, write the union (the default graph) afresh from
        the named graphs, in one PUT. Idempotent, so a push cut off and run again ends with
        the right union."""
        if self.update_endpoint or not self.graph_store:
            return
        union = self.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        self._graph_store_request("PUT", ("default", ""), ntriples(union).encode())

    def _graph_store_request(self, method: str, target: tuple[str, str], body: bytes | None,
                             missing_ok: bool = False) -> None:
        if not self.graph_store:
            raise StoreError(f"{self.endpoint} is read-only here: configure an update endpoint "
                             "(SOMKG_UPDATE_ENDPOINT, --update-endpoint) or a Graph Store "
                             "endpoint (SOMKG_GRAPH_STORE, --graph-store)")
        url = f"{self.graph_store}?{urllib.parse.urlencode([target])}".rstrip("=")
        headers = {"Content-Type": "application/n-triples"} if body is not None else {}
        if self.user is not None:
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"

        def call():
            request = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
            except urllib.error.HTTPError as e:
                if not (missing_ok and e.code == 404):
                    raise

        self._exchange(self.graph_store, call)

    def export(self, fmt: str) -> bytes:
        """The whole store in an RDF format, read graph by graph."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        if fmt == "jsonld":
            return compact(self.export("nq"))
        dataset = Dataset()
        for name in self.named_graphs():
            graph = dataset.graph(name)
            for t in self.graph_triples(name):
                graph.add(t)
        with_graphs = EXPORT_FORMATS[fmt][1]
        out = io.BytesIO()
        if with_graphs:
            dataset.serialize(out, format=_RDFLIB_FORMATS[fmt])
        else:
            union = Graph()
            for s, p, o, _ in dataset.quads():
                union.add((s, p, o))
            union.serialize(out, format=_RDFLIB_FORMATS[fmt])
        return out.getvalue()

    def close(self) -> None:
        pass


def _message(error: Exception) -> str:
    text = getattr(error, "msg", None) or str(error)
    if hasattr(error, "read"):
        try:
            text = error.read().decode("utf-8", "replace") or text
        except Exception:  # noqa: BLE001 - the body is only for the message
            pass
    return " ".join(str(text).split())[:300]
