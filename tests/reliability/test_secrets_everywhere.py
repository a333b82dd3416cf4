"""Every secret field, marked, is nowhere but on the wire: not in reprs, errors or logs.

For each (shape, member) of the secret table (``codegen/tables.py: SECRET_FIELDS``) a marker
unique to that field is set, and the request goes to the fake over HTTP with every logger at
DEBUG (botocore's and aiobotocore's included, as the client configures them). The marker must
not appear in a model's ``repr`` or ``str``, an exception's message or its whole formatted
chain (validation errors, unreadable responses), or any log record, while the fake receives
the true value. For response secrets (the ``Credential`` Baidu and GCM channels echo), the
update that makes the fake echo it is the call under test.

A service may also echo the request in an error message, in any format (JSON, a Python or
Java rendering, JSON inside a string, the message as an object): for every secret field and
every such format, the secret is not in the error, its chained botocore cause (message and
``response``), the traceback or any log record. And a field the model does not know, with a
secret's name (an ``ApiKey`` added to a channel response), is kept but not shown by ``repr``.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Iterator
from typing import Any

import httpx
import pydantic
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from botocore import xform_name
from botocore.model import StructureShape
from reliability_support import APP_ID, CREDENTIALS, SEED, SESSION, http_client, sdk_method
from support.shapes import operation, sample, service_model
from support.wire import to_wire

from codegen.tables import SECRET_FIELDS
from pinpoint_sdk import (
    OPERATIONS,
    APIResponseValidationError,
    BadRequestException,
    PinpointClient,
    PinpointError,
    models,
)
from pinpoint_sdk._models import ResponseModel, parse_response
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
    operation_name: str, all_debug_records: pytest.LogCaptureFixture, default_transport: str
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
    # botocore's DEBUG records were captured: its signer's (both paths), its requests' (botocore)
    assert "CanonicalRequest" in logged
    assert "Making request" in logged or default_transport == "lean"
    assert not [s for s in secrets if s in shown], "a secret is in the result's repr"
    assert not [s for s in secrets if s in logged], "a secret is in a log record"


@pytest.mark.parametrize("operation_name", CASES)
async def test_validation_errors_never_show_a_secret(
    operation_name: str, all_debug_records: pytest.LogCaptureFixture, default_transport: str
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


# -- secrets the service echoes in an error message --------------------------------------


def realistic(shape: str, member: str) -> str:
    """The marker of a field inside a value shaped like the real secret (PEM, JSON, a key)."""
    mark = marker(shape, member)
    pem = f"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg+k/{mark}\nq1w2/e3+r4==\n-----END PRIVATE KEY-----\n"
    if member in ("Certificate", "PrivateKey"):
        return pem
    if member == "ServiceJson":
        return json.dumps({"type": "service_account", "private_key": pem, "client_email": "a@b.c"})
    return f"AIza{mark}/x+y="


def _realistic_body(request_shape: str) -> dict[str, Any]:
    body = _body(request_shape)
    for shape_name, member in SECRET_FIELDS:
        if shape_name == request_shape:
            body[member] = realistic(shape_name, member)
    return body


def _java(value: Any) -> str:
    """How a Java service renders a request object: ``{ApiKey: AIza...,Enabled: true}``."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{key}: {_java(item)}" for key, item in value.items()) + "}"
    return "true" if value is True else str(value)


#: What the error body's ``message`` is, for the request body the service received.
ECHO_FORMATS: dict[str, Any] = {
    "JSON in the text": lambda sent: f"Invalid request body: {json.dumps(sent)}",
    "the body as the message": json.dumps,
    "a Python rendering": lambda sent: f"Could not process {sent!r}",
    "a Java rendering": lambda sent: f"1 validation error detected: {_java(sent)}",
    "snake_case names": lambda sent: json.dumps({xform_name(k): v for k, v in sent.items()}),
    "JSON inside a string": lambda sent: f"details={json.dumps(json.dumps(sent))}",
    "the message as an object": lambda sent: {"invalid": sent, "reason": "bad key"},
}


@pytest.fixture
def echoing_service() -> Iterator[dict[str, Any]]:
    """respx answering every request with a 400 whose message echoes the body it received."""
    settings: dict[str, Any] = {"format": ECHO_FORMATS["JSON in the text"]}

    def answer(request: httpx.Request) -> httpx.Response:
        sent = json.loads(request.content)
        body = {"message": settings["format"](sent), "RequestID": "echo-request-id"}
        headers = {"x-amzn-ErrorType": "BadRequestException", "x-amzn-RequestId": "echo-rid"}
        return httpx.Response(400, json=body, headers=headers)

    with respx.mock(using="httpx", assert_all_called=False) as router:
        router.route().mock(side_effect=answer)
        yield settings


def _chain(error: BaseException) -> str:
    """Everything an exception shows: str, repr, chained causes with their data, traceback."""
    shown = [str(error), repr(error), _formatted(error)]
    for linked in (error.__cause__, error.__context__):
        if linked is not None:
            shown += [str(linked), repr(linked), repr(vars(linked))]
    return "\n".join(shown)


@pytest.mark.parametrize("echo", list(ECHO_FORMATS))
@pytest.mark.parametrize("operation_name", CASES)
async def test_a_secret_the_service_echoes_in_an_error_is_not_shown(
    operation_name: str,
    echo: str,
    echoing_service: dict[str, Any],
    all_debug_records: pytest.LogCaptureFixture,
) -> None:
    echoing_service["format"] = ECHO_FORMATS[echo]
    request_shape = _operation_for_name(operation_name)
    secrets = _markers_for(operation_name)
    async with PinpointClient(
        **CREDENTIALS,
        session=SESSION,
        config=AioConfig(http_session_cls=HttpxSession),
        max_retries=0,
    ) as client:
        with pytest.raises(BadRequestException) as raised:
            await sdk_method(client, operation_name)(APP_ID, request=_realistic_body(request_shape))
    error = raised.value
    assert error.status_code == 400 and error.request_id == "echo-rid"
    cause = error.__cause__
    assert cause is not None and "Error" in getattr(cause, "response", {})
    shown = _chain(error)
    logged = _everything_logged(all_debug_records)
    assert "Response body" in logged, "botocore logged the error body"
    assert not [s for s in secrets if s in shown], "a secret is in the error or its chain"
    assert not [s for s in secrets if s in logged], "a secret is in a log record"
    # What is not secret is still there to debug with.
    plain = next(k for k in _body(request_shape) if (request_shape, k) not in SECRET_FIELDS)
    assert xform_name(plain).replace("_", "") in error.message.lower().replace("_", "")


RESULT_MODELS = sorted(
    {
        getattr(models, output.members[output.serialization["payload"]].name)
        for output in (operation(name).output_shape for name in OPERATIONS)
        if output is not None
    },
    key=lambda model: model.__name__,
)
#: Unknown fields with secret names, as a newer service might add them, and where.
UNKNOWN_SECRETS = {
    "ApiKey": "SECRET::extra.ApiKey::7f3a",
    "client_secret": "SECRET::extra.client_secret::7f3a",
    "NewSettings": {"PrivateKey": "SECRET::extra.NewSettings.PrivateKey::7f3a", "Mode": "on"},
    "Rotations": [{"password": "SECRET::extra.Rotations.password::7f3a"}],
}


@pytest.mark.parametrize("model", RESULT_MODELS, ids=lambda model: model.__name__)
def test_an_unknown_field_with_a_secret_name_is_kept_but_not_shown(model: type[Any]) -> None:
    wire = to_wire(
        service_model().shape_for(model.__name__), sample(service_model().shape_for(model.__name__))
    )
    parsed = parse_response(model, {**wire, **UNKNOWN_SECRETS})
    shown = f"{parsed!r} {parsed!s}"
    assert "SECRET::" not in shown
    if issubclass(model, ResponseModel):
        # Kept, for code that knows to look; what is not secret in it is shown.
        assert parsed.model_extra is not None
        assert parsed.model_extra["ApiKey"] == UNKNOWN_SECRETS["ApiKey"]
        assert "'Mode': 'on'" in shown


async def test_a_channel_answering_with_an_unknown_api_key_does_not_show_it() -> None:
    answer = {"Platform": "GCM", "ApplicationId": APP_ID, "Enabled": True, **UNKNOWN_SECRETS}
    with respx.mock(using="httpx") as router:
        router.route().mock(return_value=httpx.Response(200, json=answer))
        async with PinpointClient(
            **CREDENTIALS, session=SESSION, config=AioConfig(http_session_cls=HttpxSession)
        ) as client:
            channel = await client.channels.gcm.get(APP_ID)
    assert channel.model_extra is not None and "ApiKey" in channel.model_extra
    assert "SECRET::" not in f"{channel!r} {channel!s} {[channel]!r}"
