"""Claims across sources: extraction with attribution and modality, independence of
sources, alignment into propositions, conflicts and the timeline.

Stage order (see ``pipeline.analyse_story``): ``extract.extract_claims`` per document,
``independence.document_origins`` per story, ``align.align_claims``,
``conflicts.find_conflicts`` and ``timeline.build_timeline``. See docs/claims.md.
"""

from __future__ import annotations

from .align import align_claims
from .conflicts import find_conflicts
from .extract import extract_claims
from .independence import document_origins
from .timeline import build_timeline

__all__ = ["align_claims", "build_timeline", "document_origins", "extract_claims", "find_conflicts"]
