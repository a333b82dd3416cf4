"""Parameters botocore would send to the wrong place, or could not send at all.

- **Ids are path segments.** botocore percent-encodes a path parameter but leaves ``.``
  alone, so ``campaigns.delete(app_id, "..")`` would send ``DELETE /v1/apps/{app}/campaigns/..``,
  which a URL resolves (and botocore signs) as ``DELETE /v1/apps/{app}``: another operation on
  another resource. An id that is ``.`` or ``..``, only whitespace, or holds a control
  character (C0, DEL or C1) is refused. ``/``, inner spaces and any other text are fine: they
  are percent-encoded into one segment.
- **Text must be encodable.** A lone surrogate (``"app\\udcff"``, from a mis-decoded file name
  or a cut emoji) cannot be encoded as UTF-8. In a path or query parameter botocore fails with
  a bare ``UnicodeEncodeError``; in a body it escapes it into JSON the service cannot read.
  Both are refused, naming the field, before anything is sent.

Bodies are checked on the JSON botocore is about to send (:func:`refuse_unencodable_body`, a
``before-call`` handler), not by walking the request: botocore's JSON is ASCII, where a lone
surrogate can only appear as a ``\\udXXX`` escape. A body without a backslash (nearly every
body) costs one search of its bytes, about 1 µs for a 100-address ``SendMessages``; only a
body with ``\\ud`` in it (an emoji, or a lone surrogate) is decoded and walked.
"""

from __future__ import annotations

import json
import re
from typing import Any

from botocore import xform_name
from botocore.model import ListShape, MapShape, OperationModel, StructureShape

from ._exceptions import PinpointValidationError

__all__ = [
    "UNENCODABLE",
    "encodable",
    "path_segment_problem",
    "python_name",
    "refuse_unencodable_body",
]

_DOT_SEGMENTS = frozenset({".", ".."})
# C0 controls, DEL and C1 controls: never part of an id, and proxies and logs mangle them.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
UNENCODABLE = "cannot be encoded as UTF-8 (it holds a lone surrogate)"


def python_name(member: str) -> str:
    """The SDK's argument name for a botocore member: ``ApplicationId`` -> ``application_id``."""
    name: str = xform_name(member)
    return name


def encodable(value: object) -> bool:
    """Whether text (a string, or each string of a list) can be encoded as UTF-8."""
    if isinstance(value, str):
        return value.isascii() or _SURROGATE.search(value) is None
    if isinstance(value, list):
        return all(encodable(item) for item in value)
    return True


def path_segment_problem(value: object) -> str | None:
    """What is wrong with ``value`` as one path segment (an id), or None when it is fine."""
    if not isinstance(value, str) or not value:
        return f"must be a non-empty string, not {value!r}"
    if value in _DOT_SEGMENTS:
        return f"must not be {value!r}: in a URL it names another resource's path"
    if value.isspace():
        return f"must not be only whitespace, not {value!r}"
    if not value.isprintable():
        # Not printable is rare and often fine (a no-break space, an emoji joiner); these not.
        if _CONTROL.search(value):
            return f"must not contain control characters, not {value!r}"
        if _SURROGATE.search(value):
            return f"{UNENCODABLE}: {value!r}"
    return None


def refuse_unencodable_body(params: dict[str, Any], model: OperationModel, **_: Any) -> None:
    """botocore ``before-call`` handler: a body with a lone surrogate is never sent.

    Raises ``PinpointValidationError`` naming the field (``MessageRequest.Addresses['+1...']
    .BodyOverride``) or the map key that holds one.
    """
    body = params.get("body")
    # Most bodies hold no backslash at all: one byte is found at memchr speed, three are not.
    if not isinstance(body, bytes) or b"\\" not in body or b"\\ud" not in body:
        return
    # botocore's shapes are untyped (cached properties): Any, checked with isinstance.
    shape: Any = model.input_shape
    payload = shape.serialization.get("payload") if shape is not None else None
    if shape is None or payload is None:
        return
    where = _first_unencodable(shape.members[payload], json.loads(body), payload)
    if where is not None:
        raise PinpointValidationError(f"{model.name}: {where} {UNENCODABLE}; nothing was sent")


def _first_unencodable(shape: Any, value: Any, where: str) -> str | None:
    """Where in ``value`` (of ``shape``) the first lone surrogate is, or None."""
    pending: list[tuple[Any, Any, str]] = [(shape, value, where)]
    while pending:
        shape, value, where = pending.pop()
        if isinstance(value, str):
            if not encodable(value):
                return where
        elif isinstance(value, list):
            item = shape.member if isinstance(shape, ListShape) else None
            pending.extend((item, v, f"{where}[{i}]") for i, v in reversed(list(enumerate(value))))
        elif isinstance(value, dict) and isinstance(shape, MapShape):
            for key in value:
                if not encodable(key):
                    return f"a key of {where} ({key!r})"
            pending.extend((shape.value, v, f"{where}[{k!r}]") for k, v in reversed(value.items()))
        elif isinstance(value, dict):
            members = _members_by_key(shape)
            for key, item in reversed(value.items()):
                name, member = members.get(key, (key, None))
                pending.append((member, item, f"{where}.{name}"))
    return None


def _members_by_key(shape: Any) -> dict[str, tuple[str, Any]]:
    """A structure's members by their key in the JSON body."""
    members: Any = shape.members if isinstance(shape, StructureShape) else {}
    return {
        member.serialization.get("name", name): (name, member) for name, member in members.items()
    }
