"""Secrets never reach a log record, botocore's included, while the wire gets the real value."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
import respx

from pinpoint_sdk import PinpointClient
from pinpoint_sdk._logging import SecretRedactingFilter
from pinpoint_sdk._secrets import redact
from pinpoint_sdk.models import (
    APNSChannelRequest,
    GCMChannelRequest,
    VerifyOTPMessageRequestParameters,
)

MARKER = "TOP-SECRET-7f3a"


@pytest.fixture
def every_log_record(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    for name in ("botocore", "aiobotocore", "pinpoint_sdk", "httpx"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    return caplog


async def test_channel_keys_and_otps_are_redacted_from_debug_logs(
    client: PinpointClient,
    respx_mock: respx.MockRouter,
    every_log_record: pytest.LogCaptureFixture,
    default_transport: str,
) -> None:
    route = respx_mock.route().mock(
        return_value=httpx.Response(
            200,
            json={"ApplicationId": "app1", "Platform": "GCM", "Credential": MARKER, "Valid": True},
        )
    )
    await client.channels.apns.update(
        "app1",
        APNSChannelRequest(
            certificate=f"-----BEGIN {MARKER}-----", private_key=MARKER, token_key=MARKER
        ),
    )
    await client.channels.gcm.update(
        "app1", GCMChannelRequest(api_key=MARKER, service_json='{"k": "' + MARKER + '"}')
    )
    await client.messages.verify_otp(
        "app1",
        VerifyOTPMessageRequestParameters(
            destination_identity="+12065550100", otp=MARKER, reference_id="ref"
        ),
    )
    assert all(MARKER.encode() in call.request.content for call in route.calls)
    messages = [record.getMessage() for record in every_log_record.records]
    # botocore did log: its signer on both paths, its requests on the botocore path
    assert any("CanonicalRequest" in m for m in messages)
    assert any("Making request" in m for m in messages) or default_transport == "lean"
    leaking = [m for m in messages if MARKER in m]
    assert leaking == []


def test_redaction_covers_json_and_python_reprs_and_leaves_other_fields() -> None:
    text = (
        """b'{"ApiKey": "k1", "Enabled": true}' {'PrivateKey': 'k2', 'Name': 'n'} """
        """'{\\"Otp\\": \\"123456\\"}'"""
    )
    cleaned = redact(text)
    for secret in ("k1", "k2", "123456"):
        assert secret not in cleaned
    assert '"Enabled": true' in cleaned and "'Name': 'n'" in cleaned


def _deep_dict(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {"ApiKey": MARKER}
    for _ in range(depth):
        value = {"a": value}
    return value


class _Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no text for this object")


@pytest.mark.parametrize("depth", [600, 10_000])
@pytest.mark.parametrize(
    "form",
    ["bytes", "text", "dict argument", "mapping args", "message only", "unprintable argument"],
)
def test_the_filter_never_raises_and_never_passes_a_secret_on(depth: int, form: str) -> None:
    body = b'{"a":' * depth + b'{"ApiKey": "' + MARKER.encode() + b'"}' + b"}" * depth
    msg, args = {
        "bytes": ("Response body:\n%r", (body,)),
        "text": ("Response body:\n%s", (body.decode(),)),
        "dict argument": ("params: %s", (_deep_dict(depth),)),
        "mapping args": ("params: %(p)s", ({"p": _deep_dict(depth)},)),
        "message only": (body.decode(), ()),
        "unprintable argument": ("object: %s", (_Unprintable(),)),
    }[form]
    record = logging.LogRecord("botocore.parsers", logging.DEBUG, __file__, 1, msg, args, None)
    assert SecretRedactingFilter().filter(record) is True
    assert MARKER not in record.getMessage()
