"""Makes ``tests/support`` importable as ``support``; CI runs hypothesis deterministically.

Both transports pass the same tests: every test under the folders of ``BOTH_TRANSPORTS``
runs twice, once with each ``PinpointClient`` default transport (``[lean]`` and
``[botocore]`` in its id), unless it is marked ``before_any_transport`` (what it checks is
refused or decided before a request reaches a transport). A test that passes
``transport=`` itself keeps its choice.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from support.clock import RetryWaits

sys.path.insert(0, str(Path(__file__).parent))

# Locally every run explores new examples; in CI (CI=true) the same ones, so a red run means a
# regression of the commit, not the luck of the draw.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


#: The test folders whose every test runs on both transports: the calls, retries, timeouts,
#: errors, secrets, paging, bulk helpers and the fake (the models, builders, generator and
#: docs do not depend on how requests travel; the docs and examples run on the default).
BOTH_TRANSPORTS = frozenset({"runtime", "reliability", "bulk", "testing"})
_TESTS = Path(__file__).parent


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    folder = metafunc.definition.path.relative_to(_TESTS).parts[0]
    once = metafunc.definition.get_closest_marker("before_any_transport") is not None
    if folder in BOTH_TRANSPORTS and not once:
        metafunc.parametrize("default_transport", ["lean", "botocore"], indirect=True)


@pytest.fixture(autouse=True)
def default_transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The transport a ``PinpointClient`` made without ``transport=`` uses in this test."""
    name: str = getattr(request, "param", "lean")
    if name != "lean":
        from pinpoint_sdk import PinpointClient

        defaults = PinpointClient.__init__.__kwdefaults__
        assert defaults is not None and "transport" in defaults
        monkeypatch.setitem(defaults, "transport", name)
    return name


@pytest.fixture
def unreachable() -> Iterator[str]:
    """A URL on 127.0.0.1 whose accept queue is full: a connection to it never completes."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    yield f"http://127.0.0.1:{port}"
    for sock in (*fillers, listener):
        sock.close()


@pytest.fixture
async def no_dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Host names other than loopback do not resolve (recorded, never looked up)."""
    asked: list[str] = []
    loop = asyncio.get_running_loop()
    resolve = loop.getaddrinfo

    async def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("127.0.0.1", "localhost"):
            return await resolve(host, *args, **kwargs)
        asked.append(str(host))
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(loop, "getaddrinfo", getaddrinfo)
    return asked


@pytest.fixture
def retry_waits(monkeypatch: pytest.MonkeyPatch) -> RetryWaits:
    """The waits between a call's attempts, recorded instead of slept (``support/clock.py``)."""
    # Imported here: importing the SDK as the test session starts would hide what tests of
    # lazy imports look for.
    from support.clock import RetryWaits

    return RetryWaits(monkeypatch)
