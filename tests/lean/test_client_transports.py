"""``PinpointClient(transport=...)``: the lean path by default, botocore's on request.

Both transports are run through the same tests elsewhere (``tests/conftest.py`` runs the
runtime, reliability, bulk and fake tests on each); these tests cover the switch itself:
what each transport is, what only the botocore one lets run (botocore's event handlers),
and the settings the lean one cannot honour.
"""

from __future__ import annotations

from typing import Any

import pytest
from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession
from lean_support import CREDENTIALS, HandMadeSession

from pinpoint_sdk import PinpointClient, PinpointConfigurationError, PinpointValidationError
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer


async def test_the_default_transport_is_lean_and_botocore_is_one_argument_away() -> None:
    assert PinpointClient(**CREDENTIALS).transport == "lean"
    client = PinpointClient(**CREDENTIALS, transport="botocore")
    assert client.transport == "botocore"
    assert client.with_options(timeout=1).transport == "botocore"
    assert "transport='botocore'" in repr(client)


def test_an_unknown_transport_is_refused_by_name() -> None:
    with pytest.raises(PinpointValidationError, match="transport must be"):
        PinpointClient(**CREDENTIALS, transport="fast")  # type: ignore[arg-type]


async def test_botocore_event_handlers_see_requests_only_on_the_botocore_transport() -> None:
    fake = FakePinpoint()
    seen: dict[str, list[str]] = {"lean": [], "botocore": []}
    current = ["lean"]

    def before_send(request: Any, **_: Any) -> None:
        seen[current[0]].append(f"{request.method} {request.url.split('/v1')[1]}")

    session = AioSession()
    session.register("before-send.pinpoint", before_send)
    async with FakePinpointServer(fake) as server:
        for transport in ("lean", "botocore"):
            current[0] = transport
            async with PinpointClient(
                **CREDENTIALS, session=session, endpoint_url=server.url, transport=transport
            ) as client:
                app = await client.apps.create(name=f"via-{transport}")
                assert (await client.apps.get(app.id)).name == f"via-{transport}"
    assert seen["lean"] == []
    assert [line.split()[0] for line in seen["botocore"]] == ["POST", "GET"]


async def test_a_session_class_the_lean_path_cannot_use_is_a_configuration_error() -> None:
    config = AioConfig(http_session_cls=HandMadeSession)
    client = PinpointClient(**CREDENTIALS, config=config, endpoint_url="http://127.0.0.1:9")
    with pytest.raises(PinpointConfigurationError, match="HandMadeSession") as raised:
        await client.apps.get("a1")
    assert "botocore transport" in raised.value.hint
    await client.close()
