"""somkg: a linked-data knowledge graph of the UN Working Group on the Smuggling of Migrants."""

__version__ = "0.1.0"
