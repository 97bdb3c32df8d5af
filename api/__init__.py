"""The somkg HTTP API over the store: JSON relationship queries."""

from api.app import create_app

__all__ = ["create_app"]
