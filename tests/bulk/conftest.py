"""Fixtures of the bulk tests: an application in the fake, and endpoint items made lazily."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pinpoint_sdk.models import ChannelType, EndpointBatchItem
from pinpoint_sdk.testing import FakePinpoint


@pytest.fixture
def app_id(pinpoint_fake: FakePinpoint) -> str:
    """A fresh application in ``pinpoint_fake``."""
    created = pinpoint_fake.invoke("CreateApp", {"CreateApplicationRequest": {"Name": "bulk"}})
    assert created is not None
    return str(created["Id"])


def endpoints(count: int, prefix: str = "e") -> Iterator[EndpointBatchItem]:
    """``count`` email endpoints, generated one at a time."""
    for n in range(count):
        yield EndpointBatchItem(
            id=f"{prefix}{n}", address=f"user{n}@example.com", channel_type=ChannelType.EMAIL
        )


def acted_ids(fake: FakePinpoint, operation: str = "UpdateEndpointsBatch") -> list[str]:
    """Every endpoint id the fake stored through ``operation``, once per time it acted."""
    return [
        item["Id"]
        for call in fake.calls(operation)
        if call.acted and call.params is not None
        for item in call.params["EndpointBatchRequest"]["Item"]
    ]
