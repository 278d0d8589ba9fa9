"""SQLite store: one file per output directory, readable by Datasette."""

from .db import Store, StoryResults

__all__ = ["Store", "StoryResults"]
