"""Serve an N-Quads file with rdflib-endpoint: the peer a user might pick instead of somkg.

Run: ``.venv/bin/python bench/rdflib_peer.py DATA.nq PORT`` (the union of all graphs is the
default graph, as in somkg).
"""

import sys

import uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint

if __name__ == "__main__":
    data, port = sys.argv[1], int(sys.argv[2])
    dataset = Dataset(default_union=True)
    dataset.parse(data, format="nquads")
    uvicorn.run(SparqlEndpoint(graph=dataset, path="/sparql"), host="127.0.0.1", port=port,
                log_level="warning")
