"""Responses the model does not expect: parsed anyway, or one clear error with the request id.

For every operation with a result, hypothesis takes a full, valid response body and spoils it
the way a service that moved on from our model would: new fields at any depth, enum values
added since, nulls, a number where the model says string (and every other scalar swap), a
member left out. The SDK method must still return its result. A body that cannot be
understood at all (not JSON, not an object, empty) raises ``APIResponseValidationError``
naming the operation and the request id.

JSON nested thousands of levels deep, in a success or an error body, ends as a
``PinpointError`` (or a result) whether botocore's loggers are at DEBUG or not: never a
``RecursionError``, and logging never changes what a call raises.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from botocore.model import StructureShape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import (
    CREDENTIALS,
    FAST_RETRIES,
    SESSION,
    sdk_arguments,
    sdk_method,
    valid_params,
)
from support.shapes import operation, sample
from support.wire import to_wire

from pinpoint_sdk import (
    OPERATIONS,
    APIResponseValidationError,
    BadRequestException,
    Page,
    PinpointClient,
    PinpointError,
)
from pinpoint_sdk._models import PinpointModel

REQUEST_ID = "7e57-0000-request-id"
RESULT_OPERATIONS = sorted(name for name in OPERATIONS if operation(name).output_shape is not None)

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
_json = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@dataclass
class Responder:
    """The answer respx gives the next request; set per example."""

    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {})
    requests: int = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        headers = {"x-amzn-RequestId": REQUEST_ID, **self.headers}
        return httpx.Response(self.status, content=self.body, headers=headers)


@dataclass
class Harness:
    loop: asyncio.AbstractEventLoop
    client: PinpointClient
    responder: Responder

    def call(self, operation_name: str) -> Any:
        target: Any = self.client
        for part in OPERATIONS[operation_name].split("."):
            target = getattr(target, part)
        arguments = sdk_arguments(operation_name, valid_params(operation_name))

        async def run() -> Any:
            result = target(**arguments)
            return await result if inspect.isawaitable(result) else result

        return self.loop.run_until_complete(run())


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    loop = asyncio.new_event_loop()
    responder = Responder()
    client = PinpointClient(
        **CREDENTIALS,
        session=SESSION,
        config=AioConfig(http_session_cls=HttpxSession),
        retry_policy=FAST_RETRIES,
    )
    with respx.mock(using="httpx", assert_all_called=False) as router:
        router.route().mock(side_effect=responder)
        loop.run_until_complete(client.open())
        try:
            yield Harness(loop, client, responder)
        finally:
            loop.run_until_complete(client.close())
            loop.close()


def _wire_body(operation_name: str) -> Any:
    output = operation(operation_name).output_shape
    assert isinstance(output, StructureShape)
    payload = output.members[output.serialization["payload"]]
    return to_wire(payload, sample(payload))


def _containers(value: Any) -> list[Any]:
    """Every dict and list inside ``value``, ``value`` included."""
    found: list[Any] = []
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, (dict, list)):
            found.append(current)
            stack.extend(current.values() if isinstance(current, dict) else current)
    return found


def spoil_response(draw: Any, body: Any) -> list[str]:
    """Spoils ``body`` in place 1-6 times, as a newer service would; returns what was done."""
    done: list[str] = []
    for _ in range(draw(st.integers(1, 6), label="spoilings")):
        containers = _containers(body)
        target = draw(st.sampled_from(containers), label="container")
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        kinds = ["extra field"] if isinstance(target, dict) else []
        if keys:
            kinds += ["null", "new enum value", "scalar swap", "member left out"]
        if not kinds:
            continue
        kind = draw(st.sampled_from(kinds), label="kind")
        if kind == "extra field":
            name = draw(st.text(min_size=1, max_size=10), label="name")
            target["Zz" + name] = draw(_json, label="extra")
        else:
            key = draw(st.sampled_from(keys), label="key")
            if kind == "null":
                target[key] = None
            elif kind == "member left out":
                del target[key]
            elif kind == "new enum value":
                if isinstance(target[key], str):
                    target[key] = "ADDED_BY_THE_SERVICE_LATER"
            elif target[key] is not None and not isinstance(target[key], (dict, list)):
                # Scalars for scalars; a scalar where a list belongs is the next test's case.
                target[key] = draw(
                    _scalars.filter(lambda v, old=target[key]: type(v) is not type(old))
                )
        done.append(kind)
    return done


@pytest.mark.parametrize("operation_name", RESULT_OPERATIONS)
@settings(
    max_examples=8,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_unexpected_content_never_breaks_parsing(
    harness: Harness, operation_name: str, data: st.DataObject
) -> None:
    body = _wire_body(operation_name)
    spoil_response(data.draw, body)
    harness.responder.status = operation(operation_name).http.get("responseCode", 200)
    harness.responder.body = json.dumps(body).encode()
    result = harness.call(operation_name)
    parsed = result.payload if isinstance(result, Page) else result
    assert isinstance(parsed, PinpointModel)


UNREADABLE = {
    "not JSON": b"<html><body>Service Unavailable</body></html>",
    "JSON cut short": b'{"Id": "c1", "Name": "pro',
    "a JSON array": b'[{"Id": "c1"}]',
    "a JSON string": b'"c1"',
    "JSON null": b"null",
    "empty": b"",
    "whitespace": b"  \r\n",
}


@pytest.mark.parametrize(
    "operation_name", RESULT_OPERATIONS[:: max(1, len(RESULT_OPERATIONS) // 12)]
)
@pytest.mark.parametrize("body", list(UNREADABLE.values()), ids=list(UNREADABLE))
def test_a_body_that_cannot_be_understood_is_one_clear_error(
    harness: Harness, operation_name: str, body: bytes
) -> None:
    harness.responder.status = operation(operation_name).http.get("responseCode", 200)
    harness.responder.body = body
    sent = harness.responder.requests
    with pytest.raises(APIResponseValidationError) as raised:
        harness.call(operation_name)
    error = raised.value
    assert error.request_id == REQUEST_ID and error.operation == operation_name
    assert REQUEST_ID in str(error) and operation_name in str(error)
    # The service acted and answered: asking again would not make the answer readable.
    assert harness.responder.requests == sent + 1


_LOOKUP = PinpointClient(region_name="us-east-1")  # never opened: only its methods are read
PAGED = [
    name
    for name in RESULT_OPERATIONS
    if "max_items" in inspect.signature(sdk_method(_LOOKUP, name)).parameters
]


@pytest.mark.parametrize("operation_name", PAGED)
@pytest.mark.parametrize("items", [True, "not a list", 7, {"Item": "x"}])
def test_a_page_whose_items_are_not_a_list_is_one_clear_error(
    harness: Harness, operation_name: str, items: Any
) -> None:
    body = _wire_body(operation_name)
    # The items list is the only list at the top of a page, or inside its only structure.
    holder = body
    while not any(isinstance(value, list) for value in holder.values()):
        holder = next(value for value in holder.values() if isinstance(value, dict))
    key = next(name for name, value in holder.items() if isinstance(value, list))
    holder[key] = items
    harness.responder.status = 200
    harness.responder.body = json.dumps(body).encode()
    with pytest.raises(APIResponseValidationError) as raised:
        harness.call(operation_name)
    assert raised.value.request_id == REQUEST_ID
    assert "is not a list of items" in str(raised.value)


def _nested(depth: int, kind: str) -> bytes:
    """JSON nested ``depth`` levels deep: arrays, or objects with a secret at the bottom."""
    if kind == "arrays":
        return b"[" * depth + b"]" * depth
    return b'{"a":' * depth + b'{"ApiKey": "SECRET-AT-THE-BOTTOM"}' + b"}" * depth


def _deep_body(status: int, depth: int, kind: str, where: str) -> bytes:
    nested = _nested(depth, kind)
    if where == "the whole body":
        return nested
    if status == 200:
        return b'{"Id": "c1", "Name": "promo", "Zz": ' + nested + b"}"
    return b'{"message": ' + nested + b', "RequestID": "' + REQUEST_ID.encode() + b'"}'


DEBUG_LOGGERS = ("botocore", "aiobotocore", "pinpoint_sdk", "httpx")


def _outcome(harness: Harness, *, logging_on: bool) -> tuple[type[BaseException], str] | Any:
    """What ``GetCampaign`` ends with: the result, or the exception's type and message."""
    levels = {name: logging.getLogger(name).level for name in DEBUG_LOGGERS}
    for name in DEBUG_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if logging_on else logging.WARNING)
    try:
        result = harness.call("GetCampaign")
        repr(result)  # a kept field nested deep must not break showing the result
        return result
    except BaseException as error:
        return type(error), str(error)
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


@pytest.mark.parametrize("depth", [150, 600, 10_000])
@pytest.mark.parametrize("status", [200, 400])
def test_deeply_nested_json_ends_the_same_with_logging_on_or_off(
    harness: Harness, caplog: pytest.LogCaptureFixture, depth: int, status: int
) -> None:
    caplog.set_level(logging.DEBUG)
    harness.responder.status = status
    harness.responder.headers = {"x-amzn-ErrorType": "BadRequestException"} if status == 400 else {}
    try:
        for kind in ("arrays", "objects"):
            for where in ("a member", "the whole body"):
                harness.responder.body = _deep_body(status, depth, kind, where)
                quiet = _outcome(harness, logging_on=False)
                logged = _outcome(harness, logging_on=True)
                case = f"{kind} in {where}"
                if not isinstance(quiet, tuple):  # a result: the body was deep, not too deep
                    assert status == 200 and depth < 200, case
                    assert not isinstance(logged, tuple), case
                    continue
                assert quiet == logged, f"{case}: logging changed the outcome"
                error_type, message = quiet
                assert issubclass(error_type, PinpointError), f"{case}: {error_type} {message}"
                if status == 400:
                    # Still the status error, with the start of the raw body to debug from.
                    assert error_type is BadRequestException, case
                    assert "nested" in message and "levels deep" in message, case
                else:
                    assert error_type is APIResponseValidationError, case
                    if depth >= 600 and where == "a member":
                        assert "nested too deeply to read" in message, case
                assert "SECRET-AT-THE-BOTTOM" not in message
    finally:
        harness.responder.headers = {}
    shown = "\n".join(record.getMessage() for record in caplog.records)
    assert "SECRET-AT-THE-BOTTOM" not in shown
