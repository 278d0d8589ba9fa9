"""Entities across sources: mentions, in- and cross-document resolution, geocoding.

Stage order: ``mentions.extract_mentions`` per document, then
``entities.resolve_entities`` over all documents (it clusters within documents, geocodes
places with the offline ``gazetteer`` and merges across documents). ``knowledge`` reads the
optional watchlist and FollowTheMoney files.
"""

from __future__ import annotations
