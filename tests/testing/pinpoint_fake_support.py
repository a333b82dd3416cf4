"""Helpers shared by the FakePinpoint tests: aiobotocore clients in both modes, fixture files.

Imported as a plain module (pytest puts this directory on ``sys.path``); not a conftest, so
it can't clash with other directories' conftest modules.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from aiobotocore.session import AioSession, get_session

from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

CREDENTIALS: dict[str, Any] = {
    "region_name": "us-east-1",
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}
#: botocore's own retries off: the tests count every attempt themselves.
NO_RETRIES = {"total_max_attempts": 1, "mode": "standard"}

#: One botocore session for all tests: loading the Pinpoint model costs ~100 ms a session.
SESSION: AioSession = get_session()


@asynccontextmanager
async def inprocess_client(fake: FakePinpoint) -> AsyncIterator[Any]:
    """An aiobotocore client on the httpx backend, answered by ``fake`` in process."""
    config = AioConfig(http_session_cls=HttpxSession, retries=NO_RETRIES)
    with fake.mock():
        async with SESSION.create_client("pinpoint", config=config, **CREDENTIALS) as client:
            yield client


@asynccontextmanager
async def http_client(fake: FakePinpoint) -> AsyncIterator[Any]:
    """An aiobotocore client on its default aiohttp backend, talking to ``fake`` over HTTP."""
    async with (
        FakePinpointServer(fake) as server,
        SESSION.create_client(
            "pinpoint",
            endpoint_url=server.url,
            config=AioConfig(retries=NO_RETRIES),
            **CREDENTIALS,
        ) as client,
    ):
        yield client


def load_example(path: Path) -> dict[str, Any]:
    """One request body of ``tests/fixtures/`` (see ``support.examples``)."""
    loaded: dict[str, Any] = json.loads(path.read_text())
    return loaded


def error_of(exc: Any) -> tuple[int, str, str]:
    """(status, code, message) of a botocore ``ClientError``."""
    response = exc.response
    return (
        response["ResponseMetadata"]["HTTPStatusCode"],
        response["Error"]["Code"],
        response["Error"]["Message"],
    )
