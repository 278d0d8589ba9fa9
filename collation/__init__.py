"""collation: compare many news reports of one event, with every item traced to its source."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "collate", "load_analysis", "Options"]

from .config import Options  # noqa: E402
from .pipeline import collate, load_analysis  # noqa: E402
