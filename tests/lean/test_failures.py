"""A failed lean attempt raises exactly what the botocore path raises for the same failure.

The reference is the SDK as it is today (``PinpointClient``, botocore path, no retries),
calling the same loopback server or the same respx routes: error responses (known and
unknown codes, codes in the header or only in the body, empty, HTML, deeply nested and
secret-echoing bodies), connections refused, reset or closed after the request was sent,
silent servers (read, attempt and call limits), connect timeouts, names that do not
resolve, and missing credentials. Class, message, status, code, request id, headers and
``request_sent`` must all be equal.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from aiobotocore.session import AioSession
from lean_support import CREDENTIALS, SESSION, Answer, WireServer, deadline_in, lean_client, request

from pinpoint_sdk import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    CredentialsError,
    InternalServerErrorException,
    PinpointClient,
    PinpointError,
    RetryPolicy,
    Timeout,
)
from pinpoint_sdk._aiobotocore import dns_failed

NO_RETRIES = RetryPolicy(max_retries=0)
CHANNEL_KEY = "AIzaSyLeanTransportChannelKey0123456789"


def _fields(error: BaseException) -> dict[str, Any]:
    """Everything a caller can read from one of our errors."""
    assert isinstance(error, PinpointError), repr(error)
    fields = {
        "class": type(error),
        "text": str(error),
        "request_sent": error.request_sent,
        "cause": type(error.__cause__).__name__,
    }
    if isinstance(error, APIStatusError):
        fields.update(
            status=error.status_code,
            code=error.code,
            message=error.message,
            request_id=error.request_id,
            headers=dict(error.headers),
        )
    return fields


async def _raised(call: Awaitable[Any]) -> PinpointError:
    with pytest.raises(PinpointError) as raised:
        await call
    return raised.value


async def both_paths(
    url: str, *, timeout: Timeout | None = None, config: AioConfig | None = None, **options: Any
) -> tuple[PinpointError, PinpointError]:
    """GetCampaign's error on the botocore path (the SDK today), then on the lean path."""
    timeout = timeout or Timeout()
    async with PinpointClient(
        **CREDENTIALS,
        endpoint_url=url,
        session=options.pop("session", SESSION),
        retry_policy=NO_RETRIES,
        timeout=timeout,
        config=config,
    ) as client:
        botocore_error = await _raised(client.campaigns.get("app-1", "camp-1"))
    async with lean_client(url, config=config, **options) as (_, transport):
        built = request("GetCampaign", ApplicationId="app-1", CampaignId="camp-1")
        deadline = None if timeout.total is None else deadline_in(timeout.total)
        lean_error = await _raised(transport.send(built, timeout=timeout, deadline=deadline))
    return botocore_error, lean_error


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def _nested(depth: int) -> bytes:
    return b'{"message": ' + b"[" * depth + b"]" * depth + b"}"


ERROR_ANSWERS: dict[str, Answer] = {
    "code in the header, request id in both": Answer(
        400,
        (("X-Amzn-ErrorType", "BadRequestException"), ("x-amzn-RequestId", "rid-header")),
        _json({"Message": "Invalid segment", "RequestID": "rid-body"}),
    ),
    "code with a suffix in the header": Answer(
        404,
        (("x-amzn-errortype", "NotFoundException:http://internal.amazon.com/"),),
        _json({"message": "Resource not found", "RequestID": "rid-404"}),
    ),
    "code only in the body": Answer(
        409, (), _json({"code": "ConflictException", "message": "busy"})
    ),
    "__type in the body": Answer(403, (), _json({"__type": "ForbiddenException", "Message": "no"})),
    "a code the model does not know": Answer(
        418, (("X-Amzn-ErrorType", "TeapotException"),), _json({"message": "short and stout"})
    ),
    "no code, a status we know": Answer(404, (), _json({"message": "gone"})),
    "no code, a status we do not know": Answer(451, (), b""),
    "throttled, with Retry-After": Answer(
        429,
        (("X-Amzn-ErrorType", "TooManyRequestsException"), ("Retry-After", "3")),
        _json({"Message": "slow down", "RequestID": "rid-429"}),
    ),
    "an HTML page from a proxy": Answer(
        502, (("Content-Type", "text/html"),), b"<html><body>Bad Gateway</body></html>"
    ),
    "an empty body": Answer(503, (), b""),
    "cut JSON": Answer(500, (), b'{"message": "Internal'),
    "nested too deeply to parse": Answer(400, (), _nested(5000)),
    "an echoed channel key": Answer(
        400,
        (("X-Amzn-ErrorType", "BadRequestException"),),
        _json({"Message": f'Invalid request {{"ApiKey": "{CHANNEL_KEY}", "Enabled": true}}'}),
    ),
}


@pytest.mark.parametrize("case", list(ERROR_ANSWERS))
async def test_an_error_response_raises_what_the_botocore_path_raises(case: str) -> None:
    async with WireServer(lambda _: ERROR_ANSWERS[case]) as server:
        botocore_error, lean_error = await both_paths(server.url)
    assert _fields(lean_error) == _fields(botocore_error)
    assert isinstance(lean_error, APIStatusError)
    assert CHANNEL_KEY not in str(lean_error) and CHANNEL_KEY not in str(lean_error.__cause__)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'["internal", "error"]', '["internal", "error"]'),
        (b"null", "null"),
        (b'"just text"', '"just text"'),
        (b"caf\xe9 latin-1", "caf\ufffd latin-1"),
    ],
)
async def test_an_error_body_botocore_cannot_read_becomes_the_message_of_the_status_error(
    body: bytes, message: str
) -> None:
    # botocore's parser raises AttributeError or UnicodeDecodeError for these; the lean path
    # reads them as botocore reads a body that is not JSON: its text is the message.
    async with (
        WireServer(lambda _: Answer(500, (), body)) as server,
        lean_client(server.url) as (_, transport),
    ):
        error = await _raised(transport.send(request("GetApps"), timeout=Timeout()))
    assert isinstance(error, InternalServerErrorException)
    assert (error.status_code, error.code, error.message) == (500, "500", message)


def _refused_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


async def test_a_refused_connection_says_nothing_was_sent_as_on_the_botocore_path() -> None:
    botocore_error, lean_error = await both_paths(_refused_url())
    assert _fields(lean_error) == _fields(botocore_error)
    assert lean_error.request_sent is False and isinstance(lean_error, APIConnectionError)


@pytest.mark.parametrize("action", ["reset", "close"])
async def test_a_connection_lost_after_the_request_was_sent_says_it_may_have_been_acted_on(
    action: str,
) -> None:
    async with WireServer(lambda _: action) as server:
        botocore_error, lean_error = await both_paths(server.url)
    assert _fields(lean_error) == _fields(botocore_error)
    assert lean_error.request_sent is True
    assert "the service may have acted on it" in str(lean_error)


@pytest.mark.parametrize(
    ("timeout", "words"),
    [
        (Timeout(read=0.2), "no answer within the read timeout"),
        (Timeout(attempt=0.3), "no answer within the attempt timeout of 0.3 s (attempt 1)"),
        (Timeout(total=0.3), "the call's deadline of 0.3 s passed (attempt 1)"),
        (Timeout(attempt=5, total=0.3), "the call's deadline of 0.3 s passed"),
    ],
)
async def test_a_silent_server_times_out_as_on_the_botocore_path(
    timeout: Timeout, words: str
) -> None:
    async with WireServer(lambda _: "silent") as server:
        botocore_error, lean_error = await both_paths(server.url, timeout=timeout)
    assert _fields(lean_error) == _fields(botocore_error)
    assert isinstance(lean_error, APITimeoutError) and lean_error.request_sent is True
    assert words in str(lean_error)


async def test_a_connect_timeout_says_nothing_was_sent_as_on_the_botocore_path(
    unreachable: str,
) -> None:
    botocore_error, lean_error = await both_paths(
        unreachable, timeout=Timeout(connect=0.2, total=None)
    )
    assert _fields(lean_error) == _fields(botocore_error)
    assert "connect timeout" in str(lean_error) and lean_error.request_sent is False


async def test_a_name_that_does_not_resolve_is_not_sent_and_is_told_as_a_dns_failure(
    no_dns: list[str],
) -> None:
    botocore_error, lean_error = await both_paths("http://pinpoint.invalid.example")
    assert _fields(lean_error) == _fields(botocore_error)
    assert lean_error.request_sent is False
    # What the client needs to tell an unknown region from a network problem.
    assert dns_failed(lean_error) and dns_failed(botocore_error)
    assert no_dns == ["pinpoint.invalid.example", "pinpoint.invalid.example"]


@pytest.fixture
def no_credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AioSession:
    """A session that finds no credentials anywhere (and asks no metadata service)."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.delenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", raising=False)
    monkeypatch.delenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", raising=False)
    return AioSession()


async def test_missing_credentials_fail_before_sending_as_on_the_botocore_path(
    no_credentials: AioSession,
) -> None:
    async with WireServer() as server:
        async with PinpointClient(
            region_name="us-east-1", endpoint_url=server.url, session=no_credentials
        ) as client:
            botocore_error = await _raised(client.campaigns.get("app-1", "camp-1"))
        async with no_credentials.create_client(
            "pinpoint", region_name="us-east-1", endpoint_url=server.url
        ) as aiobotocore_client:
            from pinpoint_sdk._lean import LeanTransport

            transport = await LeanTransport.open(aiobotocore_client)
            lean_error = await _raised(
                transport.send(
                    request("GetCampaign", ApplicationId="app-1", CampaignId="camp-1"),
                    timeout=Timeout(),
                )
            )
    assert _fields(lean_error) == _fields(botocore_error)
    assert isinstance(lean_error, CredentialsError) and server.requests == []


# -- the same over httpx, as respx intercepts it -------------------------------------------

HTTPX = AioConfig(http_session_cls=HttpxSession)
HTTPX_OUTCOMES: dict[str, Callable[[httpx.Request], httpx.Response]] = {
    "an error response": lambda request: httpx.Response(
        400,
        json={"Message": "bad", "RequestID": "rid"},
        headers={"X-Amzn-ErrorType": "BadRequestException", "x-amzn-RequestId": "rid"},
    ),
    "refused": lambda request: (_ for _ in ()).throw(
        httpx.ConnectError("refused", request=request)
    ),
    "dropped after acting": lambda request: (_ for _ in ()).throw(
        httpx.ReadError("dropped", request=request)
    ),
    "cut mid-body": lambda request: (_ for _ in ()).throw(
        httpx.RemoteProtocolError("peer closed connection", request=request)
    ),
    "read timeout": lambda request: (_ for _ in ()).throw(
        httpx.ReadTimeout("slow", request=request)
    ),
    "pool timeout": lambda request: (_ for _ in ()).throw(
        httpx.PoolTimeout("busy", request=request)
    ),
}


@pytest.mark.parametrize("case", list(HTTPX_OUTCOMES))
async def test_over_httpx_a_failure_raises_what_the_botocore_path_raises(case: str) -> None:
    with respx.mock(using="httpx") as router:
        router.route().mock(side_effect=HTTPX_OUTCOMES[case])
        botocore_error, lean_error = await both_paths("https://pinpoint.example.test", config=HTTPX)
    assert _fields(lean_error) == _fields(botocore_error)
