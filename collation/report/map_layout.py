"""Where map markers and their labels go.

Two problems of real stories are solved here. A story names far-away countries ("the
United States said") next to a tight cluster of places; fitting all of them in one view
would shrink the cluster to a dot, so the view is fitted to the places that are not whole
countries and anything outside it is pinned to the map edge as an off-map marker. And
clustered places would print their names over each other, so labels are placed greedily,
most-mentioned place first, on the first free side of the marker (right, left, above,
below) and left out when no side is free: the number in the marker and the list beside
the map still name it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .basemap import HEIGHT, WIDTH

#: Distance from the map edge at which off-map markers are pinned.
EDGE = 14.0
MARKER_RADIUS = 9.0
#: Approximate advance of one character of a 12.5px semi-bold label.
CHAR_WIDTH = 7.2
LABEL_HEIGHT = 15.0

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class PlacedMarker:
    entity: str
    x: float
    y: float
    offmap: bool
    """True when the place lies outside the view and the marker is pinned to the edge."""
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = ""
    """SVG text-anchor of the label (start, end, middle); empty when there is no label."""


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_box(x: float, y: float, text: str, anchor: str, size: float = CHAR_WIDTH) -> Box:
    width = size * len(text) + 4
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return (left, y - LABEL_HEIGHT + 3, left + width, y + 3)


def _spread_pinned(pinned: dict[str, tuple[float, float, bool]]) -> None:
    """Off-map markers pinned to the same stretch of edge are moved apart along it."""
    gap = 2 * MARKER_RADIUS + 4
    placed: list[tuple[float, float]] = []
    for ent in sorted(e for e, v in pinned.items() if v[2]):
        x, y, _ = pinned[ent]
        on_side = x <= EDGE or x >= WIDTH - EDGE
        for _ in range(40):
            if all(abs(x - px) >= gap or abs(y - py) >= gap for px, py in placed):
                break
            if on_side:
                y = y + gap if y + gap <= HEIGHT - EDGE else EDGE
            else:
                x = x + gap if x + gap <= WIDTH - EDGE else EDGE
        placed.append((x, y))
        pinned[ent] = (x, y, True)


def place_markers(items: list[tuple[str, str, float, float, int]]) -> dict[str, PlacedMarker]:
    """Pin and label markers. ``items`` are (entity id, label, x, y, weight) in view px."""
    pinned: dict[str, tuple[float, float, bool]] = {}
    for ent, _, x, y, _ in items:
        cx = min(max(x, EDGE), WIDTH - EDGE)
        cy = min(max(y, EDGE), HEIGHT - EDGE)
        pinned[ent] = (cx, cy, abs(cx - x) > 1 or abs(cy - y) > 1)
    _spread_pinned(pinned)
    r = MARKER_RADIUS + 1
    occupied: list[Box] = [(x - r, y - r, x + r, y + r) for x, y, _ in pinned.values()]
    placed: dict[str, PlacedMarker] = {}
    for ent, text, _, _, _ in sorted(items, key=lambda it: (-it[4], it[1], it[0])):
        x, y, offmap = pinned[ent]
        own = (x - r, y - r, x + r, y + r)
        choice = None
        for dx, dy, anchor in (
            (13, 4, "start"),
            (-13, 4, "end"),
            (0, -13, "middle"),
            (0, 24, "middle"),
        ):
            box = label_box(x + dx, y + dy, text, anchor)
            inside = box[0] >= 2 and box[2] <= WIDTH - 2 and box[1] >= 2 and box[3] <= HEIGHT - 2
            if inside and not any(_overlaps(box, o) for o in occupied if o != own):
                choice = (x + dx, y + dy, anchor, box)
                break
        if choice is None:
            placed[ent] = PlacedMarker(ent, x, y, offmap)
            continue
        occupied.append(choice[3])
        placed[ent] = PlacedMarker(ent, x, y, offmap, choice[0], choice[1], choice[2])
    return placed


def free_of(boxes: list[Box], x: float, y: float, text: str) -> bool:
    """Whether a centred background label at (x, y) clears every box."""
    box = label_box(x, y, text, "middle", size=8.0)
    return not any(_overlaps(box, b) for b in boxes)


def occupied_boxes(placed: dict[str, PlacedMarker], names: dict[str, str]) -> list[Box]:
    r = MARKER_RADIUS + 1
    boxes: list[Box] = []
    for m in placed.values():
        boxes.append((m.x - r, m.y - r, m.x + r, m.y + r))
        if m.anchor:
            boxes.append(label_box(m.label_x, m.label_y, names[m.entity], m.anchor))
    return boxes
