"""Fixtures for the runtime tests: clients on aiobotocore's httpx backend, mocked by respx."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from aiobotocore.session import AioSession, get_session

from pinpoint_sdk import PinpointClient, RetryPolicy

ENDPOINT = "https://pinpoint.us-east-1.amazonaws.com"
CREDENTIALS: dict[str, Any] = {
    "region_name": "us-east-1",
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}
#: Tests wait milliseconds, not seconds, between retries.
FAST_RETRIES = RetryPolicy(max_retries=2, backoff_base=0.001, backoff_cap=0.002)


def error_response(status: int, code: str, **headers: str) -> httpx.Response:
    """An error answer as Pinpoint gives it: the code in a header, the request id in the body."""
    return httpx.Response(
        status,
        json={"Message": code, "RequestID": f"rid-{status}"},
        headers={"X-Amzn-ErrorType": code, **headers},
    )


#: One botocore session for the whole run: loading the Pinpoint model costs ~100 ms a session.
SESSION: AioSession = get_session()


@pytest.fixture
def respx_mock() -> Iterator[respx.MockRouter]:
    """respx on httpx's transport (its default httpcore mocker mangles aiobotocore's URLs)."""
    with respx.mock(using="httpx", assert_all_called=False) as mock:
        yield mock


@pytest.fixture
async def client() -> AsyncIterator[PinpointClient]:
    """A PinpointClient on aiobotocore's httpx backend with quick retries."""
    async with PinpointClient(
        **CREDENTIALS,
        session=SESSION,
        config=AioConfig(http_session_cls=HttpxSession),
        retry_policy=FAST_RETRIES,
    ) as pinpoint:
        yield pinpoint
