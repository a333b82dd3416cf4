"""Serialises botocore-style values to the JSON a Pinpoint response carries on the wire."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

from botocore.model import ListShape, MapShape, Shape, StructureShape


def to_wire(shape: Shape, value: Any) -> Any:
    """``value`` (keyed by member names) as wire JSON (keyed by serialization names)."""
    if isinstance(shape, StructureShape):
        return {
            shape.members[name].serialization.get("name", name): to_wire(shape.members[name], v)
            for name, v in value.items()
        }
    if isinstance(shape, ListShape):
        return [to_wire(shape.member, v) for v in value]
    if isinstance(shape, MapShape):
        return {k: to_wire(shape.value, v) for k, v in value.items()}
    if isinstance(value, datetime):
        if shape.serialization.get("timestampFormat") == "unixTimestamp":
            return value.timestamp()
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value
