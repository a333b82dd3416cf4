"""Explicit credentials reach the signature, never a repr or a log record.

A client made with an access key id, a secret key and a session token signs its requests with
them (the fake sees the access key id in ``Authorization`` and the token in
``X-Amz-Security-Token``), but none of the three shows in ``repr(client)`` or any record
logged at DEBUG by botocore, aiobotocore or the SDK, on success, on retries and on errors.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from aiobotocore.session import AioSession
from reliability_support import FAST_RETRIES, SEED, get_campaign, send_sms

from pinpoint_sdk import PinpointClient, TooManyRequestsException
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

ACCESS_KEY_ID = "AKIAMARKERACCESSKEY7"
SECRET_KEY = "SECRET-KEY-MARKER/7f3a+never-shown"
SESSION_TOKEN = "SESSION-TOKEN-MARKER-7f3a"
MARKERS = (ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN)
LOGGERS = ("botocore", "aiobotocore", "pinpoint_sdk", "aiohttp", "httpx")


@pytest.fixture
def all_debug_records(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    levels = {name: logging.getLogger(name).level for name in LOGGERS}
    caplog.set_level(logging.DEBUG)
    for name in LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield caplog
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def _client(url: str) -> PinpointClient:
    return PinpointClient(
        region_name="us-east-1",
        aws_access_key_id=ACCESS_KEY_ID,
        aws_secret_access_key=SECRET_KEY,
        aws_session_token=SESSION_TOKEN,
        endpoint_url=url,
        # A session of its own: credentials set on it must not leak into other tests' clients.
        session=AioSession(),
        retry_policy=FAST_RETRIES,
    )


async def test_credentials_sign_requests_but_never_show(
    all_debug_records: pytest.LogCaptureFixture,
) -> None:
    fake = FakePinpoint(SEED)
    fake.faults.throttle(1, operation="GetCampaign")
    fake.faults.throttle(None, operation="SendMessages")
    headers: list[dict[str, str]] = []
    original = fake.handle_async

    async def recording(request):  # type: ignore[no-untyped-def]
        headers.append({k.lower(): v for k, v in request.headers.items()})
        return await original(request)

    fake.handle_async = recording  # type: ignore[method-assign]
    async with FakePinpointServer(fake) as server:
        client = _client(server.url)
        async with client:
            await get_campaign(client)  # one retry, then success
            with pytest.raises(TooManyRequestsException) as failed:
                await send_sms(client)  # every attempt throttled
            shown = [repr(client), str(client), repr(client.with_options(timeout=1))]
        shown.append(repr(client))  # closed
    assert headers and all(ACCESS_KEY_ID in h["authorization"] for h in headers)
    assert all(h["x-amz-security-token"] == SESSION_TOKEN for h in headers)
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    logged = [f"{formatter.format(r)} {r.__dict__!r}" for r in all_debug_records.records]
    assert any("Sending http request" in line for line in logged), "botocore logged requests"
    assert any("CanonicalRequest" in line for line in logged), "botocore.auth logged signing"
    texts = [*shown, str(failed.value), *logged]
    leaks = [(marker, text[:120]) for text in texts for marker in MARKERS if marker in text]
    assert leaks == []
