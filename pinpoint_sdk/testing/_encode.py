"""Turns an operation's result into the JSON body Pinpoint would send.

Handlers return plain dicts keyed by member names; this module keeps only the members the
output shape has (in the model's order), renames them to their wire names, and checks that
every required member is there. A handler that forgets a required member is a bug in the
fake, reported as :class:`FakeBugError` rather than sent to a client as a half-formed reply.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from .._service_model import Operation, Shape


class FakeBugError(Exception):
    """The fake built a response its own model rejects: a bug in the fake, not in the caller."""


def encode_value(shape: Shape, value: Any, path: str, *, wire_names: bool = True) -> Any:
    """``value`` in wire form for ``shape``: members renamed, unknown members dropped.

    With ``wire_names=False`` members keep their model names (for callers in Python).
    """
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            raise FakeBugError(f"{path or shape.name}: expected a dict for {shape.name}")
        encoded: dict[str, Any] = {}
        for name, member in shape.members.items():
            item = value.get(name)
            if item is None:
                if name in shape.required:
                    raise FakeBugError(f"{shape.name}.{name} is required but missing ({path})")
                continue
            key = member.wire_name if wire_names else name
            encoded[key] = encode_value(member.shape, item, f"{path}.{name}", wire_names=wire_names)
        return encoded
    if kind == "list":
        assert shape.list_member is not None
        member_shape = shape.list_member
        return [
            encode_value(member_shape, item, f"{path}[]", wire_names=wire_names) for item in value
        ]
    if kind == "map":
        assert shape.map_value is not None
        value_shape = shape.map_value
        return {
            key: encode_value(value_shape, item, f"{path}.{key}", wire_names=wire_names)
            for key, item in value.items()
        }
    if kind == "timestamp" and isinstance(value, datetime):
        return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    return value


def encode_body(operation: Operation, result: dict[str, Any] | None) -> bytes:
    """The response body: the payload member's JSON, or the body members of the output."""
    output = operation.output
    if output is None:
        return b""
    payload = operation.output_payload
    if payload is not None:
        if result is None:
            raise FakeBugError(f"{operation.name} returned nothing for {payload.shape.name}")
        document = encode_value(payload.shape, result, payload.shape.name)
    else:
        body_members = {
            name: member for name, member in output.members.items() if member.location is None
        }
        document = {
            member.wire_name: encode_value(member.shape, (result or {})[name], name)
            for name, member in body_members.items()
            if (result or {}).get(name) is not None
        }
        if not document and not body_members:
            return b""
    return json.dumps(document, separators=(",", ":")).encode()
