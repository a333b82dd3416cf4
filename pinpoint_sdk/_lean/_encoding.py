"""The wire encoding of a rest-json request, byte for byte as botocore's serializer writes it.

These are the primitives request building is made of, usable from generated code:

- :func:`encode_label` and :func:`encode_greedy_label`: one path parameter, percent-encoded
  as botocore's ``percent_encode`` does it (UTF-8, every byte but ``A-Z a-z 0-9 - . _ ~``
  escaped; a greedy label keeps ``/``);
- :func:`wire_text`: the text of a path or query value: booleans ``true``/``false``,
  timestamps in the member's format (ISO 8601 by default), other values as ``str()``;
- :func:`encode_query`: the query string, pairs in the order given, a list as one pair per
  item;
- :func:`encode_json`: a JSON body, ``json.dumps`` as botocore calls it (``", "`` and
  ``": "`` separators, non-ASCII escaped), after the conversions a :data:`Recipe` names.

**Why a recipe.** botocore walks every value of a body against its shape, in Python, to
convert the few that are not plain JSON: timestamps, blobs (base64), and members whose JSON
name is not their member name (Pinpoint has one: ``SimpleCondition.SegmentDimensions`` is
``segmentDimensions``). A recipe is that walk reduced to the paths that lead to such a
member; everything else goes to the C JSON encoder as it is. A 100-address ``SendMessages``
body has no path to convert (its only blob, ``RawEmail.Data``, is looked up, not searched
for), so its cost is one ``json.dumps``. Recipes are plain data (:class:`Timestamp`,
:class:`Blob`, :class:`Structure`, :class:`ListOf`, :class:`MapOf`) so that generated code can
spell them out; :func:`recipe_for` derives one from botocore's shape.

Doubles that are not finite (``nan``, ``inf``) become the strings ``"NaN"``, ``"Infinity"``
and ``"-Infinity"``, as botocore sends them; the C encoder refuses them
(``allow_nan=False``), and only then is the body walked to replace them.
"""

from __future__ import annotations

import base64
import calendar
import json
import math
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from email.utils import formatdate
from types import MappingProxyType
from typing import Any, NamedTuple, TypeAlias
from urllib.parse import quote

from botocore.utils import parse_to_aware_datetime

__all__ = [
    "Blob",
    "ListOf",
    "MapOf",
    "Recipe",
    "Structure",
    "Timestamp",
    "encode_greedy_label",
    "encode_json",
    "encode_label",
    "encode_query",
    "format_timestamp",
    "recipe_for",
    "wire_text",
]

#: What botocore leaves unescaped in a path or query value (``botocore.utils.SAFE_CHARS``).
_SAFE = "-._~"
_UNRESERVED = re.compile(r"[A-Za-z0-9._~-]*")
_ISO8601 = "%Y-%m-%dT%H:%M:%SZ"
_ISO8601_MICRO = "%Y-%m-%dT%H:%M:%S.%fZ"


def encode_label(value: object) -> str:
    """One path parameter, percent-encoded: ``"a b/c"`` -> ``"a%20b%2Fc"``."""
    if isinstance(value, str) and _UNRESERVED.fullmatch(value):
        return value  # ids are nearly always plain: no encoding to do
    return _percent_encode(value, _SAFE)


def encode_greedy_label(value: object) -> str:
    """A greedy path parameter (``{Key+}``): like :func:`encode_label`, but ``/`` stays."""
    return _percent_encode(value, "/~")


def _percent_encode(value: object, safe: str) -> str:
    # botocore.utils.percent_encode: text is UTF-8 encoded, anything else is str() first.
    if not isinstance(value, (bytes, str)):
        value = str(value)
    if isinstance(value, str):
        value = value.encode("utf-8")
    return quote(value, safe=safe)


def wire_text(value: Any, type_name: str, timestamp_format: str = "iso8601") -> Any:
    """A path or query value as botocore writes it, before percent-encoding."""
    if type_name == "boolean":
        return str(value).lower()
    if type_name == "timestamp":
        return format_timestamp(value, timestamp_format)
    if type_name in ("float", "double"):
        return str(_finite_or_name(value))
    return value


def encode_query(pairs: Iterable[tuple[str, Any]]) -> str:
    """The query string of ``(name, value)`` pairs; a list value gives one pair per item."""
    encoded: list[str] = []
    for name, value in pairs:
        key = encode_label(name)
        if isinstance(value, list):
            encoded.extend(f"{key}={encode_label(item)}" for item in value)
        else:
            encoded.append(f"{key}={encode_label(value)}")
    return "&".join(encoded)


def format_timestamp(value: Any, timestamp_format: str) -> Any:
    """A timestamp (a datetime, epoch seconds or ISO text) in a model's ``timestampFormat``.

    Naive datetimes are taken as UTC and aware ones converted to it, as botocore does.
    """
    moment = parse_to_aware_datetime(value)
    kind = timestamp_format.lower()
    if kind == "iso8601":
        return moment.strftime(_ISO8601_MICRO if moment.microsecond else _ISO8601)
    if kind == "unixtimestamp":
        seconds = calendar.timegm(moment.timetuple())
        if moment.microsecond:
            # Added as integers before dividing, so that the float is rounded once.
            return (seconds * 10**6 + moment.microsecond) / 10**6
        return seconds
    if kind == "rfc822":
        return formatdate(calendar.timegm(moment.timetuple()), usegmt=True)
    raise ValueError(f"unknown timestamp format {timestamp_format!r}")


def _finite_or_name(value: Any) -> Any:
    """botocore's ``_handle_float``: a non-finite number as the name JSON cannot spell."""
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value


# -- JSON bodies ---------------------------------------------------------------------------
# Recipes are named tuples: defining a dataclass costs about a millisecond of import time.

_NOTHING: Mapping[str, Any] = MappingProxyType({})


class Timestamp(NamedTuple):
    """A timestamp member: written in ``format`` (``iso8601``, ``unixTimestamp``, ``rfc822``)."""

    format: str = "unixTimestamp"


class Blob(NamedTuple):
    """A blob member: written as base64 text."""


class Structure(NamedTuple):
    """A structure with something to convert: members to rename, members to walk into."""

    #: Member name -> JSON name, for members whose JSON name differs.
    renames: Mapping[str, str] = _NOTHING
    #: Member name -> the recipe of its value, for members that lead to a conversion.
    members: Mapping[str, Recipe] = _NOTHING


class ListOf(NamedTuple):
    """A list whose items need ``item``."""

    item: Recipe


class MapOf(NamedTuple):
    """A map whose values need ``value`` (keys are written as they are)."""

    value: Recipe


#: What a value needs before ``json.dumps``; ``None`` where nothing does.
Recipe: TypeAlias = "Timestamp | Blob | Structure | ListOf | MapOf"

_ENCODER = json.JSONEncoder(allow_nan=False, default=lambda value: _not_json(value))


def _not_json(value: Any) -> Any:
    # botocore turns a Decimal given for a double into a float; anything else is not JSON.
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def encode_json(value: Any, recipe: Recipe | None) -> bytes:
    """``value`` as the JSON body botocore would send, byte for byte."""
    prepared = value if recipe is None else _convert(value, recipe)
    try:
        text = _ENCODER.encode(prepared)
    except ValueError:
        # A nan or an infinity (a double); botocore writes those as strings.
        text = json.dumps(_with_named_non_finite(prepared))
    return text.encode("utf-8")


def _convert(value: Any, recipe: Recipe) -> Any:
    """``value`` with the conversions of ``recipe`` applied; the input is left as it was."""
    if value is None:
        return None
    if isinstance(recipe, Structure):
        if not isinstance(value, Mapping):
            return value
        renames, members = recipe.renames, recipe.members
        converted = {}
        for key, item in value.items():
            inner = members.get(key)
            converted[renames.get(key, key)] = item if inner is None else _convert(item, inner)
        return converted
    if isinstance(recipe, ListOf):
        return [_convert(item, recipe.item) for item in value]
    if isinstance(recipe, MapOf):
        return {key: _convert(item, recipe.value) for key, item in value.items()}
    if isinstance(recipe, Timestamp):
        return format_timestamp(value, recipe.format)
    if isinstance(value, str):  # a blob given as text is encoded as UTF-8 first
        value = value.encode("utf-8")
    return base64.b64encode(value).strip().decode("utf-8")


def _with_named_non_finite(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _with_named_non_finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_with_named_non_finite(item) for item in value]
    return _finite_or_name(value)


def recipe_for(shape: Any, *, members: Iterable[str] | None = None) -> Recipe | None:
    """The recipe of a botocore shape (only ``members`` of a structure, when given).

    ``None`` when no value of the shape needs converting. JSON bodies have no document types
    or ``jsonvalue`` members in Pinpoint; a shape that has one is refused rather than sent
    differently from botocore.
    """
    return _recipe(shape, members, ())


def _recipe(shape: Any, only: Iterable[str] | None, seen: tuple[str, ...]) -> Recipe | None:
    type_name = shape.type_name
    if shape.name in seen:
        # A recursive shape: a recipe is a finite tree, so it cannot follow one.
        raise ValueError(f"shape {shape.name} is recursive; recipes cannot describe it")
    seen = (*seen, shape.name)
    if type_name == "structure":
        if getattr(shape, "is_document_type", False):
            raise ValueError(f"shape {shape.name} is a document; not supported")
        names = list(shape.members) if only is None else list(only)
        renames: dict[str, str] = {}
        inner: dict[str, Recipe] = {}
        for name in names:
            member = shape.members[name]
            if member.serialization.get("jsonvalue"):
                raise ValueError(f"{shape.name}.{name} is a jsonvalue member; not supported")
            wire_name = member.serialization.get("name", name)
            if wire_name != name:
                renames[name] = wire_name
            found = _recipe(member, None, seen)
            if found is not None:
                inner[name] = found
        return Structure(renames, inner) if renames or inner else None
    if type_name == "list":
        item = _recipe(shape.member, None, seen)
        return None if item is None else ListOf(item)
    if type_name == "map":
        value = _recipe(shape.value, None, seen)
        return None if value is None else MapOf(value)
    if type_name == "timestamp":
        return Timestamp(shape.serialization.get("timestampFormat", "unixTimestamp"))
    if type_name == "blob":
        return Blob()
    return None
