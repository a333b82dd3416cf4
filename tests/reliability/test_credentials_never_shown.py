"""Explicit credentials reach the signature, never a repr or a log record.

A client made with an access key id, a secret key and a session token signs its requests with
them (the fake sees the access key id in ``Authorization`` and the token in
``X-Amz-Security-Token``), but none of the three shows in ``repr(client)`` or any record
logged at DEBUG by botocore, aiobotocore or the SDK, on success, on retries and on errors.

Real session tokens are long base64 text: ``/`` (often several in a row), ``+`` and ``=``.
Tokens are generated that way, plus some with characters no token should hold, and not even
a 12-character piece of one may reach a record, the canonical request and string to sign of
botocore's signer included. The patterns alone (for credentials the filter was not told
about) are checked on botocore's own renderings of a signed request.
"""

from __future__ import annotations

import base64
import logging
import random
from collections.abc import Iterator

import pytest
from aiobotocore.session import AioSession
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from reliability_support import FAST_RETRIES, SEED, get_campaign, send_sms

from pinpoint_sdk import PinpointClient, TooManyRequestsException
from pinpoint_sdk._secrets import redact_text
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


def _client(
    url: str,
    access_key_id: str = ACCESS_KEY_ID,
    secret_key: str = SECRET_KEY,
    session_token: str = SESSION_TOKEN,
) -> PinpointClient:
    return PinpointClient(
        region_name="us-east-1",
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret_key,
        aws_session_token=session_token,
        endpoint_url=url,
        # A session of its own: credentials set on it must not leak into other tests' clients.
        session=AioSession(),
        retry_policy=FAST_RETRIES,
    )


async def test_credentials_sign_requests_but_never_show(
    all_debug_records: pytest.LogCaptureFixture, default_transport: str
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
    if default_transport == "botocore":  # the lean path has no botocore request to log
        assert any("Sending http request" in line for line in logged), "botocore logged requests"
    assert any("CanonicalRequest" in line for line in logged), "botocore.auth logged signing"
    texts = [*shown, str(failed.value), *logged]
    leaks = [(marker, text[:120]) for text in texts for marker in MARKERS if marker in text]
    assert leaks == []


def _sts_token(seed: int, *, extra: str = "") -> str:
    """A session token as STS makes them: long base64, with runs of "/", "+" and "=" padding."""
    rng = random.Random(seed)
    raw = bytes(rng.getrandbits(8) for _ in range(rng.randrange(300, 700)))
    token = base64.b64encode(raw).decode()
    # Runs of "/" (and "+") occur in real tokens; make sure every token has them.
    cut = rng.randrange(20, len(token) - 20)
    return f"IQoJb3JpZ2luX2Vj///{token[:cut]}//+/{extra}{token[cut:]}+=="


def _secret_key(seed: int) -> str:
    rng = random.Random(seed)
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(30))).decode()


#: (access key id, secret key, session token): realistic ones, and a token with characters
#: that no pattern expects (quotes, commas, spaces), which only the known values can catch.
GENERATED = {
    "sts": ("ASIAQ3EGUVQ7KX2N4W5J", _secret_key(1), _sts_token(1)),
    "sts, slashes first": ("ASIAZZEXAMPLE0000007", _secret_key(2), "//" + _sts_token(2)),
    "sts, long": ("ASIAEXAMPLE123456789", _secret_key(3), _sts_token(3) * 2),
    "odd characters": ("AKIAODDCHARS00000001", _secret_key(4), _sts_token(4, extra="a,b c'd\"e;")),
}


def _pieces(secret: str, size: int = 12) -> set[str]:
    """Every ``size``-character piece of ``secret``: a partial leak shows one of them."""
    return {secret[i : i + size] for i in range(0, max(1, len(secret) - size + 1))}


def _leaks(texts: list[str], *secrets: str) -> list[str]:
    pieces = set().union(*(_pieces(secret) for secret in secrets))
    return [piece for text in texts for piece in pieces if piece in text]


@pytest.mark.parametrize("kind", list(GENERATED))
async def test_generated_session_tokens_never_reach_a_log_record(
    kind: str, all_debug_records: pytest.LogCaptureFixture, default_transport: str
) -> None:
    access_key_id, secret_key, token = GENERATED[kind]
    fake = FakePinpoint(SEED)
    fake.faults.throttle(1, operation="GetCampaign")
    fake.faults.throttle(None, operation="SendMessages")
    received: list[str] = []
    original = fake.handle_async

    async def recording(request):  # type: ignore[no-untyped-def]
        headers = {k.lower(): v for k, v in request.headers.items()}
        received.append(headers.get("x-amz-security-token", ""))
        return await original(request)

    fake.handle_async = recording  # type: ignore[method-assign]
    async with FakePinpointServer(fake) as server:
        client = _client(server.url, access_key_id, secret_key, token)
        async with client:
            await get_campaign(client)
            with pytest.raises(TooManyRequestsException) as failed:
                await send_sms(client)
    assert received and all(value == token for value in received), "the token signs requests"
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    logged = [f"{formatter.format(r)} {r.__dict__!r}" for r in all_debug_records.records]
    assert any("CanonicalRequest" in line for line in logged), "botocore.auth logged signing"
    if default_transport == "botocore":  # the lean path has no botocore request to log
        assert any("Sending http request" in line for line in logged)
    assert _leaks([*logged, str(failed.value)], access_key_id, secret_key, token) == []


def _signed_request(access_key_id: str, secret_key: str, token: str) -> tuple[str, str, str]:
    """botocore's renderings of a signed request: the prepared request, canonical request and
    string to sign, as its DEBUG records show them."""
    request = AWSRequest(
        method="POST",
        url="https://pinpoint.us-east-1.amazonaws.com/v1/apps/a1/messages?x=1",
        data=b'{"MessageRequest": {}}',
        headers={"Content-Type": "application/json"},
    )
    signer = SigV4Auth(
        Credentials(access_key_id, secret_key, token), "mobiletargeting", "us-east-1"
    )
    signer.add_auth(request)
    signed = str(request.prepare())
    # botocore logs the canonical request before the Authorization header is added.
    del request.headers["Authorization"]
    canonical = signer.canonical_request(request)
    string_to_sign = signer.string_to_sign(request, canonical)
    return signed, f"CanonicalRequest:\n{canonical}", string_to_sign


@pytest.mark.parametrize("kind", [kind for kind in GENERATED if kind != "odd characters"])
def test_the_patterns_alone_mask_every_base64_token(kind: str) -> None:
    access_key_id, secret_key, token = GENERATED[kind]
    texts = _signed_request(access_key_id, secret_key, token)
    assert token in texts[0] and token in texts[1], "botocore shows the token"
    assert _leaks([redact_text(text) for text in texts], access_key_id, secret_key, token) == []
