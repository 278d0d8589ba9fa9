"""Lossless conversion between records and plain JSON-able dicts.

The store keeps each record as JSON beside its relational columns; reading it back
through ``from_plain`` gives an equal record, which the round-trip property test checks.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union, cast, get_args, get_origin

from . import records

T = TypeVar("T")


def to_plain(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists, recursively (field order kept)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


Decoder = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@cache
def _decoder(tp: Any) -> Decoder:
    """A function that rebuilds values of type ``tp`` from plain JSON values.

    Built once per type: the store reads hundreds of thousands of records, and inspecting
    type hints for every value was most of the cost of writing the outputs.
    """
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        if len(options) != 1:
            return _identity
        inner = _decoder(options[0])
        return inner if inner is _identity else (lambda v: None if v is None else inner(v))
    if origin is tuple:
        item = _decoder(get_args(tp)[0])
        if item is _identity:
            return lambda v: None if v is None else tuple(v)
        return lambda v: None if v is None else tuple([item(x) for x in v])
    if origin is dict:
        value_of = _decoder(get_args(tp)[1])
        if value_of is _identity:
            return lambda v: v
        return lambda v: None if v is None else {k: value_of(x) for k, x in v.items()}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _record_decoder(tp)
    if tp is float:
        return lambda v: float(v) if isinstance(v, int) and not isinstance(v, bool) else v
    return _identity


@cache
def _record_decoder(cls: type) -> Decoder:
    hints = _hints(cls)
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)]

    def decode(data: Any) -> Any:
        if data is None:
            return None
        return cls(**{name: conv(data[name]) for name, conv in fields if name in data})

    return decode


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record of type ``cls`` from ``to_plain`` output."""
    return cast(T, _record_decoder(cast(Any, cls))(data))
