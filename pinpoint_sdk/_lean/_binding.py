"""An operation's HTTP binding, and the request it makes of botocore-style params.

An :class:`HttpBinding` says where each input member goes (the path, the query string, the
JSON body) under which wire name, and how the body is converted (a :data:`Recipe`).
:func:`binding_for` reads one from botocore's operation model; :func:`build_request` turns
params, the same dict aiobotocore takes, into the :class:`LeanRequest` botocore's
``RestJSONSerializer`` and ``prepare_request_dict`` would produce: same method, path, query,
``Content-Type`` and body bytes.

Generated code may skip both and build the same request directly from the encoding
primitives (``_encoding``); this module is the reference it is tested against.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from .._exceptions import PinpointValidationError
from ._encoding import (
    Recipe,
    encode_greedy_label,
    encode_json,
    encode_label,
    encode_query,
    recipe_for,
    wire_text,
)
from ._request import LeanRequest

__all__ = [
    "JSON_HEADERS",
    "NO_HEADERS",
    "HttpBinding",
    "Member",
    "binding_for",
    "build_request",
    "json_body",
    "query_string",
]

#: The headers of a request with a JSON body, and of one without a body. Shared: never mutated.
JSON_HEADERS: Mapping[str, str] = MappingProxyType({"Content-Type": "application/json"})
NO_HEADERS: Mapping[str, str] = MappingProxyType({})

_LABEL = re.compile(r"{(.*?)}")


class Member(NamedTuple):
    """Where one input member goes, and how its value is written there."""

    location: Literal["uri", "querystring", "body"]
    #: The name on the wire: the path label, the query parameter, or the JSON key.
    wire_name: str
    #: botocore's type name (``string``, ``boolean``, ``timestamp``, ``list``...).
    type_name: str
    #: For a list in the query string: the type of its items.
    item_type: str = "string"
    #: For a timestamp in the path or query string (botocore's default there: ISO 8601).
    timestamp_format: str = "iso8601"


class HttpBinding(NamedTuple):
    """How an operation's input becomes its HTTP request."""

    operation: str
    method: str
    #: The path template split at its labels: literal, label, literal, ..., literal.
    path_parts: tuple[str, ...]
    members: Mapping[str, Member]
    #: The member that is the whole body, if any (its recipe is ``body_recipe``).
    payload: str | None = None
    body_recipe: Recipe | None = None
    #: Whether the input has body members besides a payload (``{}`` is sent without them).
    has_body_members: bool = False

    @classmethod
    def from_template(
        cls,
        operation: str,
        method: str,
        request_uri: str,
        members: Mapping[str, Member],
        **rest: Any,
    ) -> HttpBinding:
        """A binding whose path comes from a request URI template (``/v1/apps/{app-id}``)."""
        return cls(operation, method, tuple(_LABEL.split(request_uri)), members, **rest)


def binding_for(operation_model: Any) -> HttpBinding:
    """The binding of a botocore ``OperationModel`` of a rest-json service.

    Refuses (``ValueError``) what the lean path does not send like botocore: header
    members, host prefixes, streaming payloads, idempotency tokens botocore fills in.
    Pinpoint's 122 operations have none of them.
    """
    name = operation_model.name
    http = operation_model.http
    request_uri = http["requestUri"]
    if "?" in request_uri or operation_model.endpoint or http.get("authPath"):
        raise ValueError(f"{name}: a query in requestUri, a host prefix or authPath")
    shape = operation_model.input_shape
    if shape is None:
        return HttpBinding.from_template(name, http.get("method", "POST"), request_uri, {})
    if operation_model.idempotent_members:
        raise ValueError(f"{name}: botocore fills in idempotency tokens")
    payload = shape.serialization.get("payload")
    members: dict[str, Member] = {}
    body_members: list[str] = []
    for member_name, member in shape.members.items():
        location = member.serialization.get("location")
        wire_name = member.serialization.get("name", member_name)
        fmt = member.serialization.get("timestampFormat", "iso8601")
        if location in ("uri", "querystring"):
            item_type = member.member.type_name if member.type_name == "list" else "string"
            if member.type_name == "map":
                raise ValueError(f"{name}.{member_name}: a map in the query string")
            members[member_name] = Member(location, wire_name, member.type_name, item_type, fmt)
        elif location is not None:
            raise ValueError(f"{name}.{member_name}: location {location!r} is not supported")
        else:
            members[member_name] = Member("body", wire_name, member.type_name)
            if member_name != payload:
                body_members.append(member_name)
    if payload is not None:
        if shape.members[payload].type_name != "structure":
            raise ValueError(f"{name}: a streaming (blob or string) payload")
        recipe = recipe_for(shape.members[payload])
    else:
        recipe = recipe_for(shape, members=body_members) if body_members else None
    return HttpBinding.from_template(
        name,
        http.get("method", "POST"),
        request_uri,
        members,
        payload=payload,
        body_recipe=recipe,
        has_body_members=bool(body_members),
    )


_UNSET: Any = object()


def build_request(binding: HttpBinding, params: Mapping[str, Any]) -> LeanRequest:
    """The request for ``params`` (botocore member names, as aiobotocore takes them).

    Parameters that are None are left out, as botocore does. The params are not validated
    (the models did that); an unknown parameter or a missing path parameter is refused,
    naming it, before anything is sent.
    """
    operation = binding.operation
    labels: dict[str, str] = {}
    query: list[tuple[str, Any]] | None = None
    payload = _UNSET
    body: dict[str, Any] | None = None
    for name, value in params.items():
        if value is None:
            continue
        member = binding.members.get(name)
        if member is None:
            raise PinpointValidationError(f"{operation}: unknown parameter {name!r}")
        location = member.location
        if location == "uri":
            labels[member.wire_name] = wire_text(value, member.type_name, member.timestamp_format)
        elif location == "querystring":
            if query is None:
                query = []
            query.append((member.wire_name, _query_value(member, value)))
        elif name == binding.payload:
            payload = value
        else:
            if body is None:
                body = {}
            body[name] = value
    if binding.payload is not None:
        data = json_body(None if payload is _UNSET else payload, binding.body_recipe)
    elif body is not None:
        data = encode_json(body, binding.body_recipe)
    else:
        data = b"{}" if binding.has_body_members else b""
    return LeanRequest(
        operation,
        binding.method,
        _render_path(binding, labels),
        None if query is None else encode_query(query),
        JSON_HEADERS if data else NO_HEADERS,
        data,
    )


def query_string(params: Mapping[str, Any], members: Mapping[str, Member]) -> str | None:
    """The query string of the query ``members`` set in ``params``, in the params' order (as
    botocore writes it), or None when none is set."""
    query = [
        (member.wire_name, _query_value(member, value))
        for name, value in params.items()
        if value is not None and (member := members.get(name)) is not None
    ]
    return encode_query(query) if query else None


def json_body(payload: Any, recipe: Recipe | None) -> bytes:
    """The JSON body of a payload member: ``{}`` when it is not given, as botocore sends."""
    return b"{}" if payload is None else encode_json(payload, recipe)


def _query_value(member: Member, value: Any) -> Any:
    if member.type_name == "list":
        return [wire_text(item, member.item_type, member.timestamp_format) for item in value]
    return wire_text(value, member.type_name, member.timestamp_format)


def _render_path(binding: HttpBinding, labels: Mapping[str, Any]) -> str:
    parts = binding.path_parts
    if len(parts) == 1:
        return parts[0]
    rendered = [parts[0]]
    for index in range(1, len(parts), 2):
        label = parts[index]
        greedy = label.endswith("+")
        key = label[:-1] if greedy else label
        if key not in labels:
            raise PinpointValidationError(
                f"{binding.operation}: the path parameter {_member_named(binding, key)} is missing"
            )
        value = labels[key]
        rendered.append(encode_greedy_label(value) if greedy else encode_label(value))
        rendered.append(parts[index + 1])
    return "".join(rendered)


def _member_named(binding: HttpBinding, wire_name: str) -> str:
    for name, member in binding.members.items():
        if member.location == "uri" and member.wire_name == wire_name:
            return name
    return wire_name
