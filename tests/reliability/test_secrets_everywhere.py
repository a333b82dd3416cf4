"""Every secret field, marked, is nowhere but on the wire: not in reprs, errors or logs.

For each (shape, member) of the secret table (``codegen/tables.py: SECRET_FIELDS``) a marker
unique to that field is set, and the request goes to the fake over HTTP with every logger at
DEBUG (botocore's and aiobotocore's included, as the client configures them). The marker must
not appear in a model's ``repr`` or ``str``, an exception's message or its whole formatted
chain (validation errors, unreadable responses), or any log record, while the fake receives
the true value. For response secrets (the ``Credential`` Baidu and GCM channels echo), the
update that makes the fake echo it is the call under test.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from typing import Any

import pydantic
import pytest
from botocore.model import StructureShape
from reliability_support import APP_ID, SEED, http_client, sdk_method
from support.shapes import sample, service_model

from codegen.tables import SECRET_FIELDS
from pinpoint_sdk import OPERATIONS, APIResponseValidationError, PinpointError, models
from pinpoint_sdk.testing import FakePinpoint

LOGGERS = ("botocore", "aiobotocore", "pinpoint_sdk", "httpx", "aiohttp", "asyncio", "urllib3")


def marker(shape: str, member: str) -> str:
    """A value that cannot occur by chance, and says which field leaked."""
    return f"SECRET::{shape}.{member}::7f3a"


def _payload_shape(operation_name: str, direction: str) -> StructureShape | None:
    model = service_model().operation_model(operation_name)
    outer = model.input_shape if direction == "input" else model.output_shape
    if outer is None or "payload" not in outer.serialization:
        return None
    shape = outer.members[outer.serialization["payload"]]
    return shape if isinstance(shape, StructureShape) else None


def _operation_for(shape_name: str) -> tuple[str, str]:
    """(operation, payload shape of its request) that sends, or makes the fake echo, the field."""
    for name in sorted(OPERATIONS):
        sent = _payload_shape(name, "input")
        if sent is not None and sent.name == shape_name:
            return name, sent.name
    # A response shape: the update whose answer is that shape.
    for name in sorted(OPERATIONS):
        answer = _payload_shape(name, "output")
        sent = _payload_shape(name, "input")
        if name.startswith("Update") and answer is not None and answer.name == shape_name:
            assert sent is not None
            return name, sent.name
    raise AssertionError(f"no operation sends or returns {shape_name}")


def _body(request_shape: str) -> dict[str, Any]:
    """A request body the fake accepts, with every secret member of it marked."""
    shape = service_model().shape_for(request_shape)
    assert isinstance(shape, StructureShape)
    body: dict[str, Any] = {name: sample(shape.members[name]) for name in shape.required_members}
    if "Enabled" in shape.members:
        body["Enabled"] = True
    for shape_name, member in SECRET_FIELDS:
        if shape_name == request_shape:
            body[member] = marker(shape_name, member)
    return body


#: Response secrets, and the request member the service echoes into them.
ECHOES = {
    ("BaiduChannelResponse", "Credential"): ("BaiduChannelRequest", "ApiKey"),
    ("GCMChannelResponse", "Credential"): ("GCMChannelRequest", "ApiKey"),
}


FIELDS = sorted(SECRET_FIELDS)
CASES = sorted({_operation_for(shape)[0] for shape, _ in FIELDS})


def _markers_for(operation_name: str) -> list[str]:
    request_shape = _operation_for_name(operation_name)
    return [value for value in _body(request_shape).values() if str(value).startswith("SECRET::")]


def _operation_for_name(operation_name: str) -> str:
    shape = _payload_shape(operation_name, "input")
    assert shape is not None
    return shape.name


@pytest.fixture
def all_debug_records(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record of every logger at DEBUG, as an application that turns on everything."""
    levels = {name: logging.getLogger(name).level for name in LOGGERS}
    caplog.set_level(logging.DEBUG)
    for name in LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield caplog
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def _everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    """Each record as a handler would print it, with its extra fields and traceback."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(f"{formatter.format(r)} {r.__dict__!r}" for r in caplog.records)


def _formatted(error: BaseException) -> str:
    return "".join(traceback.format_exception(error))


def test_every_secret_field_is_covered() -> None:
    assert len(FIELDS) == 20
    covered = {value for name in CASES for value in _markers_for(name)}
    expected = {marker(*ECHOES.get(field, field)) for field in FIELDS}
    assert covered == expected
    assert set(ECHOES) == {f for f in FIELDS if f[0].endswith("Response")}


@pytest.mark.parametrize("operation_name", CASES)
async def test_secrets_reach_the_wire_and_nothing_else(
    operation_name: str, all_debug_records: pytest.LogCaptureFixture
) -> None:
    request_shape = _operation_for_name(operation_name)
    body = _body(request_shape)
    secrets = _markers_for(operation_name)
    request_model = getattr(models, request_shape).model_validate(body)
    for text in (repr(request_model), str(request_model)):
        assert not [s for s in secrets if s in text]
    fake = FakePinpoint(SEED)
    async with http_client(fake) as client:
        result = await sdk_method(client, operation_name)(APP_ID, request=request_model)
    (received,) = fake.calls(operation_name)
    assert received.params is not None
    wire = repr(received.params)
    assert all(secret in wire for secret in secrets), "the fake must get the true values"
    for (response_shape, member), (sent_shape, sent_member) in ECHOES.items():
        if sent_shape == request_shape:
            # The fake echoed the key: the result holds it, and still does not show it.
            assert getattr(result, member.lower()) == marker(sent_shape, sent_member)
            assert type(result).__name__ == response_shape
    shown = f"{result!r} {result!s}"
    logged = _everything_logged(all_debug_records)
    assert "Making request" in logged, "botocore's DEBUG records were captured"
    assert not [s for s in secrets if s in shown], "a secret is in the result's repr"
    assert not [s for s in secrets if s in logged], "a secret is in a log record"


@pytest.mark.parametrize("operation_name", CASES)
async def test_validation_errors_never_show_a_secret(
    operation_name: str, all_debug_records: pytest.LogCaptureFixture
) -> None:
    request_shape = _operation_for_name(operation_name)
    secrets = _markers_for(operation_name)
    spoiled = [
        # Another member is wrong: the error must not echo the whole input.
        {**_body(request_shape), "Unexpected": {"x": 1}},
        # A secret member itself has the wrong type, with the secret inside.
        {
            **_body(request_shape),
            **{k: {"wrapped": v} for k, v in _body(request_shape).items() if v in secrets},
        },
    ]
    for body in spoiled:
        with pytest.raises(pydantic.ValidationError) as direct:
            getattr(models, request_shape).model_validate(body)
        fake = FakePinpoint(SEED)
        async with http_client(fake) as client:
            with pytest.raises(PinpointError) as through_sdk:
                await sdk_method(client, operation_name)(APP_ID, request=body)
        assert fake.requests == []
        text = _formatted(direct.value) + _formatted(through_sdk.value)
        text += _everything_logged(all_debug_records)
        assert not [s for s in secrets if s in text]


ECHOING = [name for name in CASES if name in ("UpdateGcmChannel", "UpdateBaiduChannel")]


@pytest.mark.parametrize("kind", ["malformed", "truncated", "incomplete"])
@pytest.mark.parametrize("operation_name", ECHOING)
async def test_an_unreadable_response_holding_a_secret_does_not_show_it(
    operation_name: str, kind: Any, all_debug_records: pytest.LogCaptureFixture
) -> None:
    request_shape = _operation_for_name(operation_name)
    secrets = _markers_for(operation_name)
    fake = FakePinpoint(SEED)
    fake.faults.corrupt_body(kind, operation=operation_name)
    async with http_client(fake, max_retries=0) as client:
        with pytest.raises(PinpointError) as raised:
            await sdk_method(client, operation_name)(APP_ID, request=_body(request_shape))
    if kind != "incomplete":
        assert isinstance(raised.value, APIResponseValidationError)
    text = _formatted(raised.value) + _everything_logged(all_debug_records)
    assert not [s for s in secrets if s in text]
