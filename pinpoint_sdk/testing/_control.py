"""The control API: the fake's test hooks as small JSON endpoints under ``/_fake/``.

Services in other processes and other languages use the fake through it the way they use
LocalStack: read and clear the outbox, reset state, seed it, inject faults and program
``PhoneNumberValidate``. Pinpoint's own paths all start with ``/v1/``, so nothing here can
shadow an operation. Every endpoint takes and returns JSON; an error is
``{"error": "..."}`` with 400 (a bad body), 404 (no such endpoint) or 405 (wrong method).

========  ==========================  ==================================================
Method    Path                        Does
========  ==========================  ==================================================
GET       ``/_fake/health``           ``{"status": "ok", ...}``
GET       ``/_fake/outbox``           sent messages; ``?region=&channel=&address=`` filter
DELETE    ``/_fake/outbox``           forgets them (``?region=`` for one region)
POST      ``/_fake/reset``            forgets everything, or ``{"region": ...}`` only
POST      ``/_fake/seed``             ``{"export": "<folder>"}`` or ``{"data": {...}}``
POST      ``/_fake/faults``           adds a fault rule (see :func:`_add_fault`)
DELETE    ``/_fake/faults``           removes every fault rule
GET       ``/_fake/phone-numbers``    the programmed numbers and prefixes
POST      ``/_fake/phone-numbers``    ``{"number" or "prefix": ..., "phone_type": ...}``
DELETE    ``/_fake/phone-numbers``    forgets them
========  ==========================  ==================================================
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from typing import Any

from ._errors import ServiceError
from ._fake import FakePinpoint
from ._ids import new_request_id
from ._wire import WireRequest, WireResponse

#: The path prefix of the control API.
PREFIX = "/_fake"

JsonDict = dict[str, Any]
_Endpoint = Callable[[FakePinpoint, WireRequest], "tuple[int, JsonDict]"]


class _BadRequest(Exception):
    """A control request the fake can't act on; answered with 400 and the message."""


def _body(request: WireRequest) -> JsonDict:
    if not request.body.strip():
        return {}
    try:
        data = json.loads(request.body)
    except ValueError as error:
        raise _BadRequest(f"the body is not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise _BadRequest("the body must be a JSON object")
    return data


def _only(body: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = set(body) - allowed
    if unknown:
        raise _BadRequest(
            f"unknown fields: {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(allowed))}"
        )


def _query(request: WireRequest, name: str) -> str | None:
    return next((value for key, value in request.query if key == name), None)


def _optional_str(body: Mapping[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise _BadRequest(f"{name} must be a string")
    return value


# -- endpoints -------------------------------------------------------------------------------


def _health(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    return 200, {
        "status": "ok",
        "service": "FakePinpoint",
        "default_region": fake.region,
        "regions": fake.regions,
        "operations": len(fake.implemented_operations),
    }


def _outbox(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    filters = {name: _query(request, name) for name in ("region", "channel", "address")}
    messages = [
        dataclasses.asdict(message)
        for message in fake.outbox
        if all(value is None or getattr(message, name) == value for name, value in filters.items())
    ]
    return 200, {"messages": messages}


def _clear_outbox(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    return 200, {"cleared": fake.outbox.clear(_query(request, "region"))}


def _reset(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    body = _body(request)
    _only(body, {"region"})
    region = _optional_str(body, "region")
    fake.reset(region)
    return 200, {"reset": region or "all"}


def _seed(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    body = _body(request)
    _only(body, {"export", "data", "region"})
    region = _optional_str(body, "region") or fake.region
    export, data = _optional_str(body, "export"), body.get("data")
    if (export is None) == (data is None):
        raise _BadRequest('give either "export" (a folder path) or "data" (a seed object)')
    try:
        if export is not None:
            ids = [fake.seed_from_export(export, region=region)]
        elif isinstance(data, dict):
            ids = fake.seed(data, region=region)
        else:
            raise _BadRequest("data must be a JSON object in FakePinpoint.seed's format")
    except (ValueError, OSError, KeyError, TypeError) as error:
        raise _BadRequest(f"cannot seed: {error}") from error
    except ServiceError as error:
        raise _BadRequest(f"cannot seed: {error.code}: {error.message}") from error
    return 200, {"region": region, "application_ids": ids}


#: Fields of a fault rule, and the kinds they apply to.
_FAULT_FIELDS = {
    "kind",
    "operation",
    "times",
    "after_acting",
    "status",
    "body",
    "seconds",
    "jitter",
    "probability",
    "seed",
}


def _operations(body: Mapping[str, Any]) -> str | list[str] | None:
    operation = body.get("operation")
    if operation is None or isinstance(operation, str):
        return operation
    if isinstance(operation, list) and all(isinstance(item, str) for item in operation):
        return [str(item) for item in operation]
    raise _BadRequest("operation must be an operation name, a list of names, or null")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _count(body: Mapping[str, Any], name: str, default: int | None) -> int | None:
    """A whole number, or ``None`` (JSON ``null``: every call)."""
    value = body.get(name, default)
    if value is not None and not (_is_number(value) and int(value) == value):
        raise _BadRequest(f"{name} must be a whole number or null")
    return None if value is None else int(value)


def _int(body: Mapping[str, Any], name: str, default: int) -> int:
    value = _count(body, name, default)
    if value is None:
        raise _BadRequest(f"{name} must be a whole number")
    return value


def _float(body: Mapping[str, Any], name: str, default: float) -> float:
    value = body.get(name, default)
    if not _is_number(value):
        raise _BadRequest(f"{name} must be a number")
    return float(value)


def _add_fault(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    """Adds one rule, with the arguments of the ``fake.faults`` method its ``kind`` names.

    ``kind``: ``throttle``, ``error`` (``status`` 500..504), ``drop``, ``corrupt`` (``body``:
    malformed, truncated, html, empty, incomplete) or ``latency`` (``seconds``, ``jitter``).
    ``operation``: a name, a list, or absent for every operation. ``times``: how many calls
    (default 1; ``null`` for every call; latency defaults to every call). With
    ``probability`` (0..1, and ``seed``), throttle, error and drop fault calls at random.
    """
    body = _body(request)
    _only(body, _FAULT_FIELDS)
    kind = body.get("kind")
    operation = _operations(body)
    after_acting = body.get("after_acting", kind == "corrupt")
    if not isinstance(after_acting, bool):
        raise _BadRequest("after_acting must be true or false")
    faults = fake.faults
    times = _count(body, "times", None if kind == "latency" or "probability" in body else 1)
    try:
        if kind == "latency":
            faults.add_latency(
                _float(body, "seconds", 0.0),
                operation=operation,
                times=times,
                jitter=_float(body, "jitter", 0.0),
                seed=_int(body, "seed", 0),
            )
        elif "probability" in body:
            if kind not in ("throttle", "error", "drop"):
                raise _BadRequest("probability applies to throttle, error and drop only")
            faults.randomly(
                _float(body, "probability", 0.0),
                kind=kind,
                status=_int(body, "status", 500),
                operation=operation,
                seed=_int(body, "seed", 0),
                times=times,
                after_acting=after_acting,
            )
        elif kind == "throttle":
            faults.throttle(times, operation=operation, after_acting=after_acting)
        elif kind == "error":
            status = _int(body, "status", 500)
            faults.fail(status, times, operation=operation, after_acting=after_acting)
        elif kind == "drop":
            faults.drop_connection(times, operation=operation, after_acting=after_acting)
        elif kind == "corrupt":
            faults.corrupt_body(
                body.get("body", "malformed"),
                status=_count(body, "status", None),
                times=times,
                operation=operation,
                after_acting=after_acting,
            )
        else:
            raise _BadRequest("kind must be throttle, error, drop, corrupt or latency")
    except (ValueError, TypeError) as error:
        raise _BadRequest(str(error)) from error
    return 201, {"added": body}


def _clear_faults(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    fake.faults.clear()
    return 200, {"cleared": True}


def _phone_numbers(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    return 200, {"rules": fake.phone_numbers.rules}


def _program_phone_number(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    body = _body(request)
    try:
        fake.phone_numbers.program_from(body)
    except ValueError as error:
        raise _BadRequest(str(error)) from error
    return 201, {"programmed": body}


def _clear_phone_numbers(fake: FakePinpoint, request: WireRequest) -> tuple[int, JsonDict]:
    fake.phone_numbers.clear()
    return 200, {"cleared": True}


#: Path (after the prefix) → method → endpoint.
ENDPOINTS: Mapping[str, Mapping[str, _Endpoint]] = {
    "/health": {"GET": _health},
    "/outbox": {"GET": _outbox, "DELETE": _clear_outbox},
    "/reset": {"POST": _reset},
    "/seed": {"POST": _seed},
    "/faults": {"POST": _add_fault, "DELETE": _clear_faults},
    "/phone-numbers": {
        "GET": _phone_numbers,
        "POST": _program_phone_number,
        "DELETE": _clear_phone_numbers,
    },
}


def is_control_path(raw_path: str) -> bool:
    """Whether a request is for the control API rather than for Pinpoint."""
    return raw_path == PREFIX or raw_path.startswith(PREFIX + "/")


def _json(status: int, data: JsonDict, headers: Mapping[str, str] | None = None) -> WireResponse:
    body = json.dumps(data, default=str).encode()
    return WireResponse(
        status,
        {
            "Content-Type": "application/json",
            "x-amzn-RequestId": new_request_id(),
            **(headers or {}),
        },
        body,
    )


def handle_control(fake: FakePinpoint, request: WireRequest) -> WireResponse:
    """Answers one control request (see the module docstring)."""
    methods = ENDPOINTS.get(request.raw_path[len(PREFIX) :].rstrip("/") or "/")
    if methods is None:
        paths = ", ".join(PREFIX + path for path in ENDPOINTS)
        return _json(404, {"error": f"no control endpoint {request.raw_path}; try {paths}"})
    endpoint = methods.get(request.method.upper())
    if endpoint is None:
        allowed = ", ".join(methods)
        return _json(
            405, {"error": f"{request.method} not allowed; use {allowed}"}, {"Allow": allowed}
        )
    try:
        status, data = endpoint(fake, request)
    except _BadRequest as error:
        return _json(400, {"error": str(error)})
    return _json(status, data)
