"""Bad input to every SDK method: a validation error naming the field, and nothing sent.

For every operation (driven generically through ``pinpoint_sdk.OPERATIONS``), hypothesis takes
a valid request and spoils one place of it: a wrong type, a missing required member, an
unknown enum value, nested garbage, a bad path or query parameter. The call must raise
``PinpointValidationError`` whose message names the spoiled member, before any request is
made: the fake, answering in process, records nothing. Oversize strings are the exception
the model allows: Pinpoint's model sets no length limits, so they are sent intact.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import (
    CREDENTIALS,
    FAST_RETRIES,
    PAGING,
    SESSION,
    WRONG_VALUES,
    request_payload,
    sdk_arguments,
    sdk_method,
    set_at,
    spoil,
    spots,
    valid_params,
)
from support.shapes import operation

from codegen.service import attribute_name
from pinpoint_sdk import OPERATIONS, PinpointClient, PinpointValidationError
from pinpoint_sdk.testing import FakePinpoint

OPERATION_NAMES = sorted(OPERATIONS)


@dataclass
class Harness:
    """A client answered by a fake in process, on a loop of its own (hypothesis is sync)."""

    loop: asyncio.AbstractEventLoop
    client: PinpointClient
    fake: FakePinpoint

    def call(self, operation_name: str, arguments: dict[str, Any]) -> Any:
        async def run() -> Any:
            result = sdk_method(self.client, operation_name)(**arguments)
            # Listings return a paginator, which fetches (and validates) when awaited.
            return await result if inspect.isawaitable(result) else result

        return self.loop.run_until_complete(run())


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    loop = asyncio.new_event_loop()
    fake = FakePinpoint()
    client = PinpointClient(
        **CREDENTIALS,
        session=SESSION,
        config=AioConfig(http_session_cls=HttpxSession),
        retry_policy=FAST_RETRIES,
    )
    with fake.mock():
        loop.run_until_complete(client.open())
        try:
            yield Harness(loop, client, fake)
        finally:
            loop.run_until_complete(client.close())
            loop.close()


def rejected(harness: Harness, operation_name: str, arguments: dict[str, Any]) -> str:
    """The message of the PinpointValidationError the call raises; asserts nothing was sent."""
    with pytest.raises(PinpointValidationError) as raised:
        harness.call(operation_name, arguments)
    assert harness.fake.requests == [], "a request left before validation failed"
    return str(raised.value)


def _named(message: str, *names: str) -> bool:
    return any(name in message for name in names)


BODY_OPERATIONS = [name for name in OPERATION_NAMES if request_payload(name) is not None]


@pytest.mark.parametrize("operation_name", BODY_OPERATIONS)
@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_spoiled_body_is_refused_naming_the_member(
    harness: Harness, operation_name: str, data: st.DataObject
) -> None:
    payload = request_payload(operation_name)
    assert payload is not None
    payload_name, payload_shape = payload
    params = valid_params(operation_name)
    body = params[payload_name]
    spot = spoil(data.draw, payload_shape, body)
    message = rejected(harness, operation_name, sdk_arguments(operation_name, params))
    assert _named(message, spot.member, attribute_name(spot.member)), message


@pytest.mark.parametrize("operation_name", OPERATION_NAMES)
def test_a_bad_path_or_query_parameter_is_refused_naming_it(
    harness: Harness, operation_name: str
) -> None:
    shape = operation(operation_name).input_shape
    if shape is None:
        pytest.skip("no parameters")
    payload = shape.serialization.get("payload")
    checked = 0
    for name, member in shape.members.items():
        if name == payload or name in PAGING:
            continue
        where = member.serialization.get("location")
        bad = [None, "", 42] if where == "uri" else WRONG_VALUES[member.type_name]
        for value in bad:
            params = valid_params(operation_name)
            params[name] = value
            message = rejected(harness, operation_name, sdk_arguments(operation_name, params))
            assert _named(message, name, attribute_name(name)), message
            checked += 1
    if not checked:
        pytest.skip(f"{operation_name} has no path or query parameter, only a body")


def _parameters(operation_name: str) -> set[str]:
    method = sdk_method(PinpointClient(region_name="us-east-1"), operation_name)
    return set(inspect.signature(method).parameters)


BAD_PAGING = [
    (name, argument, value)
    for name in OPERATION_NAMES
    for argument, value in [
        ("page_size", "ten"),
        ("page_size", 0),
        ("max_items", "all"),
        ("max_items", -1),
    ]
    if argument in _parameters(name)
]


@pytest.mark.parametrize(("operation_name", "argument", "value"), BAD_PAGING)
def test_bad_paging_arguments_are_refused_naming_them(
    harness: Harness, operation_name: str, argument: str, value: Any
) -> None:
    arguments = sdk_arguments(operation_name, valid_params(operation_name))
    arguments[argument] = value
    message = rejected(harness, operation_name, arguments)
    assert argument in message


@pytest.mark.parametrize("operation_name", BODY_OPERATIONS[:: max(1, len(BODY_OPERATIONS) // 8)])
def test_oversize_strings_are_sent_intact_because_the_model_sets_no_limit(
    harness: Harness, operation_name: str
) -> None:
    payload = request_payload(operation_name)
    assert payload is not None
    payload_name, payload_shape = payload
    params = valid_params(operation_name)
    body = params[payload_name]
    big = "x" * 1_000_000
    strings = [s for s in spots(payload_shape, body) if s.shape.type_name == "string"]
    strings = [s for s in strings if not getattr(s.shape, "enum", None)]
    if not strings:
        pytest.skip(f"the body of {operation_name} has no free-text string to make oversize")
    set_at(body, strings[0].path, big)
    harness.fake.reset()
    try:
        harness.call(operation_name, sdk_arguments(operation_name, params))
    except PinpointValidationError:
        raise
    except Exception:
        # The fake may refuse what a sample body means (a missing app): that is the service's
        # answer, after the request arrived, which is what this test is about.
        pass
    (received,) = harness.fake.requests
    assert received.params is not None and big in repr(received.params)
    harness.fake.reset()
