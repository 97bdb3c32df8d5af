"""The ``somkg`` command.

Exit codes (the same for every command):

====  =======================================================================
0     success; for ``build``, every document was loaded (or was unchanged);
      for ``validate``, the store conforms to the shapes and quality checks
1     ``build``: some documents could not be read or did not conform and were
      not loaded (the rest was); ``validate``: the store does not conform
2     usage or input error: a bad option, a missing corpus folder, an unknown
      format, a query that is not valid SPARQL
3     the store could not be opened or written (for example, another process
      holds it)
====  =======================================================================
"""

from __future__ import annotations

import csv
import functools
import inspect
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, get_type_hints

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from etl.pipeline import BUNDLED_CORPUS, BuildReport
from etl.pipeline import build as run_build
from etl.validation import validate as shacl_validate
from graph import queries
from graph.store import EXPORT_FORMATS, QueryError, SelectResult, Store, StoreError
from somkg.settings import Settings
from somkg.stores import open_store

__all__ = ["app"]

EXIT_OK, EXIT_INCOMPLETE, EXIT_USAGE, EXIT_STORE = 0, 1, 2, 3

app = typer.Typer(help="somkg: the knowledge graph of the UN Working Group on the Smuggling "
                  "of Migrants.", no_args_is_help=True, add_completion=False)
err = Console(stderr=True)
out = Console()

StorePath = Annotated[Path | None, typer.Option(
    "--store-path", help="Directory of the embedded store \\[env: SOMKG_STORE_PATH; "
    "default: the user data directory].")]
StoreKind = Annotated[str | None, typer.Option(
    "--store", help="embedded or remote \\[env: SOMKG_STORE; default: embedded].")]
Endpoint = Annotated[str | None, typer.Option(
    "--endpoint", help="Remote store: SPARQL query endpoint URL \\[env: SOMKG_ENDPOINT].")]
UpdateEndpoint = Annotated[str | None, typer.Option(
    "--update-endpoint", help="Remote store: SPARQL Update endpoint URL \\[env: SOMKG_UPDATE_ENDPOINT].")]
GraphStore = Annotated[str | None, typer.Option(
    "--graph-store", help="Remote store: Graph Store HTTP Protocol endpoint URL, to write with "
    "instead of SPARQL Update \\[env: SOMKG_GRAPH_STORE].")]
User = Annotated[str | None, typer.Option("--user", help="Remote store: user \\[env: SOMKG_USER].")]
Password = Annotated[str | None, typer.Option(
    "--password", help="Remote store: password \\[env: SOMKG_PASSWORD].")]


# command parameter -> (its type, the setting it overrides)
_OPTION_SETTINGS = {"store_path": (StorePath, "store_path"), "store_kind": (StoreKind, "store"),
                    "endpoint": (Endpoint, "endpoint"),
                    "update_endpoint": (UpdateEndpoint, "update_endpoint"),
                    "graph_store": (GraphStore, "graph_store"), "user": (User, "user"),
                    "password": (Password, "password")}


def store_command(command: Callable) -> Callable:
    """Register ``command`` with the store options (:data:`_OPTION_SETTINGS`) added to its
    parameters; :func:`_settings` reads them from the context, so the command needs only ``ctx``."""
    signature = inspect.signature(command)
    hints = get_type_hints(command, include_extras=True)
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=kind)
             for name, (kind, _) in _OPTION_SETTINGS.items() if name not in signature.parameters]

    @functools.wraps(command)
    def with_store_options(*args, **kwargs):
        return command(*args, **{k: v for k, v in kwargs.items() if k not in _OPTION_SETTINGS
                                 or k in signature.parameters})

    with_store_options.__signature__ = signature.replace(
        parameters=[p.replace(annotation=hints.get(p.name, p.annotation))
                    for p in signature.parameters.values()] + added)
    with_store_options.__annotations__ = {**hints, **{p.name: p.annotation for p in added}}
    return app.command()(with_store_options)


def _settings(ctx: typer.Context) -> Settings:
    """The settings from the environment, overridden by the store options given to the
    command (its parameters named as in :data:`_OPTION_SETTINGS`)."""
    given = {name: ctx.params[param] for param, (_, name) in _OPTION_SETTINGS.items()
             if ctx.params.get(param) is not None}
    try:
        return Settings(**given)
    except ValidationError as e:
        problems = "; ".join(f"{'_'.join(map(str, p['loc'])).upper() or 'settings'}: {p['msg']}"
                             for p in e.errors())
        err.print(f"[red]error:[/red] bad setting: {problems}")
        raise typer.Exit(EXIT_USAGE) from None


def _open(settings: Settings, read_only: bool = False) -> Store:
    try:
        return open_store(settings, read_only=read_only)
    except StoreError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(EXIT_STORE) from None


def _table(result: SelectResult, title: str | None = None) -> Table:
    table = Table(title=title)
    for v in result.variables:
        table.add_column(v)
    for row in result.rows:
        table.add_row(*(str(row.get(v, "")) for v in result.variables))
    return table


@store_command
def build(
    ctx: typer.Context,
    corpus: Annotated[Path, typer.Argument(help="Folder of UTF-8 text documents.")] = BUNDLED_CORPUS,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or tables.")] = False,
) -> None:
    """Build the graph of every document in CORPUS (default: the bundled corpus)."""
    if not corpus.is_dir():
        err.print(f"[red]error:[/red] no corpus folder at {corpus}")
        raise typer.Exit(EXIT_USAGE)
    settings = _settings(ctx)
    store = _open(settings)
    files = sum(1 for p in corpus.iterdir() if p.is_file() and not p.name.startswith("."))
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[name]}"), console=err, disable=quiet,
                      transient=True) as bar:
            task = bar.add_task("building", total=files * 3, name="")

            def progress(stage: str, name: str) -> None:
                bar.update(task, advance=1, description=stage, name=name)

            report = run_build(corpus, store, settings.base_iri, progress)
        for outcome in report.outcomes:
            if not outcome.ok:
                err.print(f"[yellow]{outcome.name}[/yellow]: {outcome.status}: {outcome.reason}")
                for v in outcome.violations[:20]:
                    err.print(f"    {v}")
        if not quiet:
            _summary(store, report)
    except StoreError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(EXIT_STORE) from None
    finally:
        store.close()
    raise typer.Exit(EXIT_OK if report.ok else EXIT_INCOMPLETE)


def _summary(store: Store, report: BuildReport) -> None:
    docs = Table(title="Documents")
    for column in ("file", "status", "IRI", "triples", "note"):
        docs.add_column(column)
    for o in report.outcomes:
        note = o.reason or (f"{len(o.warnings)} warning(s)" if o.warnings else "")
        docs.add_row(o.name, o.status, o.iri or "", str(o.triples or ""), note)
    out.print(docs)
    out.print(_table(store.query(queries.load("recommendations-per-meeting")),
                     "Recommendations per meeting"))
    out.print(_table(store.query(queries.load("stats-links-per-instrument")),
                     "Citations per instrument"))
    out.print(_table(store.query(queries.load("stats-counts")), "Resources"))
    loaded = sum(o.ok for o in report.outcomes)
    shacl = "all loaded graphs conform" if loaded else "nothing loaded"
    rejected = [o.name for o in report.outcomes if o.status == "rejected"]
    if rejected:
        shacl += f"; rejected: {', '.join(rejected)}"
    t = report.timings
    out.print(f"SHACL: {shacl}")
    out.print(f"{loaded}/{len(report.outcomes)} documents in the store; "
              f"time: ETL {t['etl']:.2f}s, validation {t['validation']:.2f}s, "
              f"load {t['load']:.2f}s, total {t['total']:.2f}s")


@store_command
def validate(
    ctx: typer.Context,
) -> None:
    """Validate every graph in the store against the shapes and the quality queries."""
    from rdflib import Graph

    store = _open(_settings(ctx), read_only=True)
    failed = False
    try:
        for graph_iri in store.named_graphs():
            g = Graph()
            for t in store.graph_triples(graph_iri):
                g.add(t)
            if "/graph/ontology" in str(graph_iri):
                continue
            result = shacl_validate(g)
            if not result.conforms:
                failed = True
                err.print(f"[red]{graph_iri}[/red] does not conform:")
                for v in result.violations[:20]:
                    err.print(f"    {v}")
        for name in queries.names():
            if name.startswith("quality/"):
                result = store.query(queries.load(name))
                if result.rows:
                    failed = True
                    err.print(f"[red]{name}[/red]: {len(result.rows)} row(s)")
                    err.print(_table(result))
    finally:
        store.close()
    out.print("does not conform" if failed else "conforms")
    raise typer.Exit(EXIT_INCOMPLETE if failed else EXIT_OK)


@store_command
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "ttl",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write; default: standard output.")] = None,
) -> None:
    """Export the whole graph as RDF (nq, trig and jsonld keep the named graphs)."""
    if fmt not in EXPORT_FORMATS:
        err.print(f"[red]error:[/red] unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        raise typer.Exit(EXIT_USAGE)
    store = _open(_settings(ctx), read_only=True)
    try:
        data = store.export(fmt)
    finally:
        store.close()
    if output:
        output.write_bytes(data)
        err.print(f"wrote {len(data):,} bytes to {output}")
    else:
        sys.stdout.buffer.write(data)


@store_command
def dump(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Option(
        "--output", "-o", help="Folder to write the dump folder into.")] = Path("dumps"),
) -> None:
    """Write a versioned dump: every RDF format, the ontology, shapes and JSON-LD context, CSV
    tables, a VoID/DCAT description and a manifest with counts and checksums."""
    from etl.validation import SHAPES_PATH, load_ontology
    from graph.dump import dump as run_dump
    from somkg import __version__

    settings = _settings(ctx)
    store = _open(settings, read_only=True)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        result = run_dump(store, folder, settings.base_iri, load_ontology(), SHAPES_PATH, __version__)
    except (StoreError, OSError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(EXIT_STORE) from None
    finally:
        store.close()
    counts = result.manifest["counts"]
    out.print(f"wrote {result.folder} ({len(result.manifest['files'])} files; "
              f"{counts['quads']:,} quads in {counts['named graphs']} named graphs)")


@store_command
def query(
    ctx: typer.Context,
    query_or_file: Annotated[str, typer.Argument(help="SPARQL text, a .rq file, or a stored query name.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """Run a SPARQL query over the union of all graphs."""
    if fmt not in ("table", "csv", "json"):
        err.print("[red]error:[/red] --format must be table, csv or json")
        raise typer.Exit(EXIT_USAGE)
    path = Path(query_or_file)
    if query_or_file.endswith(".rq") and path.is_file():
        text = path.read_text(encoding="utf-8")
    else:
        try:
            text = queries.load(query_or_file)
        except KeyError:
            text = query_or_file
    store = _open(_settings(ctx), read_only=True)
    try:
        result = store.query(text)
    except QueryError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        store.close()
    if isinstance(result, bool):
        out.print("true" if result else "false")
        return
    if not isinstance(result, SelectResult):
        sys.stdout.write(result.serialize(format="turtle"))
        return
    if fmt == "table":
        out.print(_table(result))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([str(row.get(v, "")) for v in result.variables])
        sys.stdout.write(buffer.getvalue())
    else:
        rows = [{v: str(row[v]) for v in result.variables if v in row} for row in result.rows]
        sys.stdout.write(json.dumps({"variables": list(result.variables), "rows": rows},
                                    ensure_ascii=False, indent=2) + "\n")


@store_command
def stats(
    ctx: typer.Context,
) -> None:
    """Counts of what the graph holds."""
    store = _open(_settings(ctx), read_only=True)
    try:
        out.print(_table(store.query(queries.load("stats-counts")), "Resources"))
        out.print(_table(store.query(queries.load("recommendations-per-meeting")),
                         "Recommendations per meeting"))
        out.print(_table(store.query(queries.load("stats-links-per-instrument")),
                         "Citations per instrument"))
        out.print(f"{store.count():,} quads in {len(store.named_graphs())} named graphs")
    finally:
        store.close()


@app.command()
def push(
    ctx: typer.Context,
    endpoint: Annotated[str, typer.Option(
        "--endpoint", help="The server's SPARQL query endpoint URL.")],
    update_endpoint: UpdateEndpoint = None,
    graph_store: GraphStore = None,
    user: User = None,
    password: Password = None,
    store_path: StorePath = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Load the built graph (the embedded store) into a remote SPARQL server, named graph by
    named graph, each replaced atomically; graphs already there unchanged are skipped, so
    pushing twice changes nothing and a push cut off is completed by the next one."""
    from graph.push import push as run_push

    if not (update_endpoint or graph_store):
        err.print("[red]error:[/red] give --update-endpoint (SPARQL Update) or --graph-store "
                  "(Graph Store HTTP Protocol) to write with")
        raise typer.Exit(EXIT_USAGE)
    settings = _settings(ctx)
    if not settings.store_path.is_dir():
        err.print(f"[red]error:[/red] no store at {settings.store_path}; run `somkg build` first")
        raise typer.Exit(EXIT_USAGE)
    source = _open(settings.model_copy(update={"store": "embedded"}), read_only=True)
    target = _open(settings.model_copy(update={"store": "remote"}))
    try:
        graphs = source.named_graphs()
        with Progress(TextColumn("pushing"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[name]}"), console=err, disable=quiet,
                      transient=True) as bar:
            task = bar.add_task("pushing", total=len(graphs), name="")
            report = run_push(source, target, settings.base_iri,
                              lambda g: bar.update(task, advance=1, name=str(g)))
    except StoreError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(EXIT_STORE) from None
    finally:
        source.close()
    err.print(f"pushed to {endpoint}: {len(report.written)} graph(s) written, "
              f"{len(report.unchanged)} unchanged, {len(report.removed)} removed")


@store_command
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API over the store (build it first)."""
    import uvicorn

    from api import create_app

    settings = _settings(ctx)
    if settings.store == "embedded" and not settings.store_path.is_dir():
        err.print(f"[red]error:[/red] no store at {settings.store_path}; run `somkg build` first")
        raise typer.Exit(EXIT_USAGE)
    try:
        application = create_app(settings)
    except StoreError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(EXIT_STORE) from None
    where = settings.endpoint if settings.store == "remote" else settings.store_path
    err.print(f"serving {where} at http://{host}:{port}/ (API docs at /docs)")
    uvicorn.run(application, host=host, port=port, log_level="info")


if __name__ == "__main__":
    app()
