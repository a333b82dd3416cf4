"""Turns a request on the wire into validated operation parameters.

Path labels, query parameters and headers are read by each member's ``locationName``; the
JSON body is read against the input shape, with wire names mapped back to member names (the
model renames a few members on the wire: ``SimpleCondition.SegmentDimensions`` travels as
``segmentDimensions``). Validation follows the model: required members, JSON types and enum
values. The first problem found becomes a 400 ``BadRequestException`` whose message names the
field by its wire path (``Activities.welcome.EMAIL.MessageConfig``), the name a caller sees in
their own request. Unknown body keys are ignored, as the service ignores them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from botocore.utils import parse_timestamp

from .._service_model import Member, Operation, Shape
from ._errors import ServiceError, bad_request

JsonDict = dict[str, Any]

_TYPE_WORDS = {
    "structure": "an object",
    "map": "an object",
    "list": "an array",
    "string": "a string",
    "integer": "an integer",
    "long": "an integer",
    "double": "a number",
    "float": "a number",
    "boolean": "a boolean",
    "timestamp": "an ISO 8601 timestamp",
    "blob": "a base64 string",
}


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _wrong_type(shape: Shape, value: Any, path: str) -> ServiceError:
    return bad_request(
        f"Invalid value for field '{path}': expected {_TYPE_WORDS.get(shape.type_name, shape.type_name)},"
        f" got {_json_type(value)}"
    )


def decode_value(shape: Shape, value: Any, path: str, *, wire_names: bool = True) -> Any:
    """Checks ``value`` against ``shape`` and returns it with member names as keys.

    ``wire_names`` says whether structure keys are wire names (a JSON body) or member names
    (parameters given from Python, e.g. when seeding).
    """
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            raise _wrong_type(shape, value, path)
        return _decode_structure(shape, value, path, wire_names)
    if kind == "list":
        if not isinstance(value, list):
            raise _wrong_type(shape, value, path)
        assert shape.list_member is not None
        return [
            decode_value(shape.list_member, item, f"{path}[{index}]", wire_names=wire_names)
            for index, item in enumerate(value)
        ]
    if kind == "map":
        if not isinstance(value, dict):
            raise _wrong_type(shape, value, path)
        assert shape.map_value is not None
        return {
            str(key): decode_value(shape.map_value, item, _join(path, key), wire_names=wire_names)
            for key, item in value.items()
        }
    return _decode_scalar(shape, value, path)


def _decode_structure(shape: Shape, value: JsonDict, path: str, wire_names: bool) -> JsonDict:
    members = shape.member_by_wire_name() if wire_names else shape.members
    result: JsonDict = {}
    for key, item in value.items():
        member = members.get(key)
        if member is None or item is None:
            continue
        result[member.name] = decode_value(
            member.shape, item, _join(path, key), wire_names=wire_names
        )
    for required in sorted(shape.required):
        if required not in result:
            member = shape.members[required]
            name = member.wire_name if wire_names else member.name
            raise bad_request(f"Missing required field '{_join(path, name)}'")
    return result


def _decode_scalar(shape: Shape, value: Any, path: str) -> Any:
    kind = shape.type_name
    if kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong_type(shape, value, path)
        return value
    if kind in ("double", "float"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _wrong_type(shape, value, path)
        return value
    if kind == "boolean":
        if not isinstance(value, bool):
            raise _wrong_type(shape, value, path)
        return value
    if kind == "timestamp":
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise _wrong_type(shape, value, path)
        try:
            parse_timestamp(value)
        except (ValueError, TypeError, OverflowError):
            raise _wrong_type(shape, value, path) from None
        return value
    if not isinstance(value, str):
        raise _wrong_type(shape, value, path)
    if shape.enum and value not in shape.enum:
        raise bad_request(
            f"Invalid value for field '{path}': '{value}' is not one of {', '.join(shape.enum)}"
        )
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else str(key)


def decode_request(
    operation: Operation,
    path_params: Mapping[str, str],
    query: Sequence[tuple[str, str]],
    headers: Mapping[str, str],
    body: bytes,
) -> JsonDict:
    """The operation's parameters (member names) from the parts of an HTTP request."""
    shape = operation.input
    if shape is None:
        return {}
    params: JsonDict = {}
    body_members: list[Member] = []
    for member in shape.members.values():
        if member.location == "uri":
            if member.wire_name in path_params:
                params[member.name] = _decode_text(
                    member, path_params[member.wire_name], "path parameter"
                )
        elif member.location == "querystring":
            values = [v for k, v in query if k == member.wire_name]
            if values:
                params[member.name] = _decode_query(member, values)
        elif member.location == "header":
            header = _header(headers, member.wire_name)
            if header is not None:
                params[member.name] = _decode_text(member, header, "header")
        else:
            body_members.append(member)
    if body_members:
        document = _parse_body(body)
        if shape.payload is not None:
            payload = shape.members[shape.payload]
            if document is not None:
                params[payload.name] = decode_value(payload.shape, document, "")
        elif document is not None:
            if not isinstance(document, dict):
                raise bad_request("The request body must be a JSON object")
            for member in body_members:
                if document.get(member.wire_name) is not None:
                    params[member.name] = decode_value(
                        member.shape, document[member.wire_name], member.wire_name
                    )
    for required in sorted(shape.required):
        if required not in params:
            member = shape.members[required]
            if member.name == shape.payload:
                raise bad_request("Missing required request body")
            raise bad_request(f"Missing required parameter '{member.wire_name}'")
    return params


def _parse_body(body: bytes) -> Any:
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise bad_request(f"The request body is not valid JSON: {exc}") from None


def _header(headers: Mapping[str, str], name: str) -> str | None:
    lowered = name.lower()
    for key, value in headers.items():
        if key.lower() == lowered:
            return value
    return None


def _decode_query(member: Member, values: list[str]) -> Any:
    if member.shape.type_name == "list":
        assert member.shape.list_member is not None
        item_member = Member(
            member.name, member.wire_name, member.location, member.shape.list_member
        )
        return [_decode_text(item_member, value, "query parameter") for value in values]
    return _decode_text(member, values[-1], "query parameter")


def _decode_text(member: Member, text: str, where: str) -> Any:
    """A scalar that travels as text (path, query, header), converted to its model type."""
    kind = member.shape.type_name
    problem = f"Invalid value for {where} '{member.wire_name}': '{text}'"
    if kind in ("integer", "long"):
        try:
            return int(text)
        except ValueError:
            raise bad_request(f"{problem} is not an integer") from None
    if kind in ("double", "float"):
        try:
            return float(text)
        except ValueError:
            raise bad_request(f"{problem} is not a number") from None
    if kind == "boolean":
        if text.lower() not in ("true", "false"):
            raise bad_request(f"{problem} is not true or false")
        return text.lower() == "true"
    if kind == "timestamp":
        try:
            parse_timestamp(text)
        except (ValueError, TypeError, OverflowError):
            raise bad_request(f"{problem} is not an ISO 8601 timestamp") from None
        return text
    if member.shape.enum and text not in member.shape.enum:
        raise bad_request(f"{problem} is not one of {', '.join(member.shape.enum)}")
    return text
