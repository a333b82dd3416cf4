"""pytest fixtures for testing code that talks to Pinpoint, registered as ``pinpoint_sdk``.

- ``pinpoint_fake``: a fresh :class:`~pinpoint_sdk.testing.FakePinpoint`, with every
  httpx request to the default endpoint (``https://pinpoint.us-east-1.amazonaws.com``)
  routed to it in process (needs respx). Point aiobotocore at it with
  ``AioConfig(http_session_cls=aiobotocore.httpxsession.HttpxSession)`` and
  ``region_name="us-east-1"``.
- ``pinpoint_fake_server``: the same fake also served over HTTP on 127.0.0.1 from a
  background thread; use ``pinpoint_fake_server.url`` as ``endpoint_url`` (works for boto3,
  aiobotocore's default aiohttp backend, and any HTTP client).
- ``pinpoint_client``: a ``PinpointClient`` wired to ``pinpoint_fake``, so a test of code
  that takes a client needs nothing else.

Loaded through the ``pytest11`` entry point by every pytest run where the SDK is installed,
so importing it costs nothing: the fake, respx and aiohttp load only when a fixture runs.
The fixtures need the ``testing`` extra (``pip install "pinpoint-sdk[testing]"``: respx,
httpx, pytest-asyncio) and async tests need pytest-asyncio's ``asyncio_mode = "auto"`` (or
its ``asyncio`` marker).
"""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar, cast

import pytest

if TYPE_CHECKING:
    from .. import PinpointClient
    from ._fake import FakePinpoint
    from ._server import FakePinpointServer


# The fake (botocore's model, aiohttp) is imported inside the fixtures: every pytest run of a
# project that installs this SDK loads the plugin, and most never use these fixtures.
@pytest.fixture
def pinpoint_fake() -> Iterator[FakePinpoint]:
    """A fresh FakePinpoint, answering the default Pinpoint endpoint in process."""
    from ._fake import FakePinpoint

    fake = FakePinpoint()
    with fake.mock():
        yield fake


@pytest.fixture
def pinpoint_fake_server(pinpoint_fake: FakePinpoint) -> Iterator[FakePinpointServer]:
    """``pinpoint_fake`` served over HTTP on 127.0.0.1; stopped after the test."""
    from ._server import FakePinpointServer

    with FakePinpointServer(pinpoint_fake) as server:
        yield server


_FixtureT = TypeVar("_FixtureT", bound=Callable[..., Any])


def _async_fixture(function: _FixtureT) -> _FixtureT:
    """pytest-asyncio's fixture decorator (needed in its strict mode), or pytest's own."""
    try:
        import pytest_asyncio
    except ImportError:  # pragma: no cover - anyio or another plugin runs async fixtures
        return cast(_FixtureT, pytest.fixture(function))
    return cast(_FixtureT, pytest_asyncio.fixture(function))


@_async_fixture
async def pinpoint_client(pinpoint_fake: FakePinpoint) -> AsyncIterator[PinpointClient]:
    """A ``PinpointClient`` talking to ``pinpoint_fake`` in process, closed after the test.

    Retries wait milliseconds, so tests that inject throttling stay fast::

        async def test_signup(pinpoint_client, pinpoint_fake):
            await register_user(pinpoint_client, "ada@example.com")
            assert pinpoint_fake.outbox.to("ada@example.com")
    """
    from aiobotocore.config import AioConfig
    from aiobotocore.httpxsession import HttpxSession

    from .. import PinpointClient, RetryPolicy
    from ._fake import DEFAULT_ENDPOINT_URL

    # An explicit endpoint: AWS_ENDPOINT_URL(_PINPOINT) in the environment must not send a
    # test's calls anywhere but the fake.
    client = PinpointClient(
        endpoint_url=DEFAULT_ENDPOINT_URL,
        region_name=pinpoint_fake.region,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=AioConfig(http_session_cls=HttpxSession),
        retry_policy=RetryPolicy(backoff_base=0.005, backoff_cap=0.05),
    )
    with _httpx_backend_is_ours():
        await client.open()  # makes aiobotocore's HttpxSession
    async with client:
        yield client


@contextmanager
def _httpx_backend_is_ours() -> Iterator[None]:
    """Silences aiobotocore's one warning that its httpx backend prefers httpx2, here only.

    respx, which hands aiobotocore's requests to the fake in process, patches httpx and not
    its fork httpx2, so this fixture must run aiobotocore on httpx. That choice is the SDK's,
    not the user's: their suite must not fail under ``-W error`` for it, and no filter of
    theirs should be needed. The filter lives only while the session is made.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="aiobotocore's httpx backend", category=DeprecationWarning
        )
        yield
