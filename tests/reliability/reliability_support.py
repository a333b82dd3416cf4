"""Shared pieces of the reliability suite: a seeded fake, clients on it, the two calls.

The fault matrix and the load test use one idempotent call (``GetCampaign``, through
``client.campaigns.get``) and one that is not (``SendMessages``, ``client.messages.send``):
what the SDK promises differs between them, and the fake's outbox shows whether a message
went out twice.
"""

from __future__ import annotations

import math
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from aiobotocore.session import AioSession, get_session
from botocore.model import ListShape, MapShape, Shape, StructureShape
from hypothesis import strategies as st
from support.shapes import operation, sample

from codegen.service import attribute_name
from pinpoint_sdk import OPERATIONS, PinpointClient, RetryPolicy
from pinpoint_sdk.models import (
    AddressConfiguration,
    ChannelType,
    DirectMessageConfiguration,
    SMSMessage,
)
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

APP_ID = "a1" * 16
SEGMENT_ID = "5e" * 16
CAMPAIGN_ID = "ca" * 16
SEED: dict[str, Any] = {
    "apps": [
        {
            "Id": APP_ID,
            "Name": "reliability",
            "segments": [{"Id": SEGMENT_ID, "Name": "everyone"}],
            "campaigns": [{"Id": CAMPAIGN_ID, "Name": "promo", "SegmentId": SEGMENT_ID}],
        }
    ]
}
CREDENTIALS: dict[str, Any] = {
    "region_name": "us-east-1",
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}
#: The default policy's shape (2 retries, 3 attempts), with waits in milliseconds.
FAST_RETRIES = RetryPolicy(max_retries=2, backoff_base=0.001, backoff_cap=0.004)
#: One botocore session for the suite: loading the Pinpoint model costs ~100 ms per session.
SESSION: AioSession = get_session()
#: Where the reliability figures are documented (the test keeps its tables current).
DOCS = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"
#: Set to rewrite the measured tables in ``docs/reliability.md`` instead of comparing them.
UPDATE_DOCS = os.environ.get("PINPOINT_UPDATE_DOCS") == "1"

Call = Callable[[PinpointClient], Awaitable[Any]]


async def get_campaign(client: PinpointClient) -> Any:
    """The idempotent call: a read."""
    return await client.campaigns.get(APP_ID, CAMPAIGN_ID)


async def send_sms(client: PinpointClient) -> Any:
    """The call that must never be repeated once the service may have acted: a send."""
    return await client.messages.send(
        APP_ID,
        addresses={"+12065550100": AddressConfiguration(channel_type=ChannelType.SMS)},
        message_configuration=DirectMessageConfiguration(sms_message=SMSMessage(body="hi")),
    )


@asynccontextmanager
async def http_client(
    fake: FakePinpoint, *, config: AioConfig | None = None, **options: Any
) -> AsyncIterator[PinpointClient]:
    """A client on aiobotocore's default (aiohttp) backend, talking to ``fake`` over HTTP."""
    options.setdefault("retry_policy", FAST_RETRIES)
    async with (
        FakePinpointServer(fake) as server,
        PinpointClient(
            **CREDENTIALS, endpoint_url=server.url, session=SESSION, config=config, **options
        ) as client,
    ):
        yield client


@asynccontextmanager
async def inprocess_client(fake: FakePinpoint, **options: Any) -> AsyncIterator[PinpointClient]:
    """A client on aiobotocore's httpx backend, answered by ``fake`` in process (respx)."""
    options.setdefault("retry_policy", FAST_RETRIES)
    with fake.mock():
        async with PinpointClient(
            **CREDENTIALS,
            session=SESSION,
            config=AioConfig(http_session_cls=HttpxSession),
            **options,
        ) as client:
            yield client


def replace_between_markers(text: str, name: str, body: str) -> str:
    """``text`` with the part between ``<!-- name:start -->`` and ``<!-- name:end -->`` replaced."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    head, found, rest = text.partition(start)
    assert found, f"{start} is missing from {DOCS.name}"
    _, found, tail = rest.partition(end)
    assert found, f"{end} is missing from {DOCS.name}"
    return f"{head}{start}\n{body}\n{end}{tail}"


def between_markers(text: str, name: str) -> str:
    """The part of ``text`` between the two markers called ``name`` (stripped)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    return text.partition(start)[2].partition(end)[0].strip()


# -- spoiling valid values ---------------------------------------------------------------

#: Values no lax conversion turns into the type: pydantic accepts "5" for an int and 5 for a
#: string (``coerce_numbers_to_str``), so those would not be bad input at all.
WRONG_VALUES: dict[str, list[Any]] = {
    "string": [["a", "list"], {"a": "dict"}, object()],
    "integer": ["not-a-number", 1.5, [], {"n": 1}],
    "long": ["not-a-number", 2.5, []],
    "double": ["not-a-number", [], {"x": 1.0}],
    "boolean": ["perhaps", 2, [], {}],
    "timestamp": ["not a date", [], {"at": "noon"}],
    "blob": [[1, 2], {"b": 1}, 3.5],
    "structure": ["a string", 42, ["a", "list"]],
    "list": ["a string", 42, {"not": "a list"}],
    "map": ["a string", 42, ["not", "a map"]],
}
#: Nested garbage: structures where scalars belong, unknown keys, nulls and NaNs deep inside.
GARBAGE: list[Any] = [
    {"\u0000garbage": [None, {"deeper": math.nan}]},
    [[[{"?": None}]]],
    {"Unknown": {"Unknown": {"Unknown": object()}}},
]


@dataclass(frozen=True)
class Spot:
    """One place in a request body: the path to a member, its shape, and its parent."""

    path: tuple[str | int, ...]
    member: str
    shape: Shape
    required: bool


def spots(shape: StructureShape, value: Any, path: tuple[str | int, ...] = ()) -> Iterator[Spot]:
    """Every member of ``value`` (a sample of ``shape``), at any depth."""
    required = set(shape.required_members)
    for name, member in shape.members.items():
        if name not in value:
            continue
        here = (*path, name)
        yield Spot(here, name, member, name in required)
        yield from _inside(member, value[name], here)


def _inside(shape: Shape, value: Any, path: tuple[str | int, ...]) -> Iterator[Spot]:
    if isinstance(shape, StructureShape) and isinstance(value, dict):
        yield from spots(shape, value, path)
    elif isinstance(shape, ListShape) and isinstance(value, list) and value:
        yield from _inside(shape.member, value[0], (*path, 0))
    elif isinstance(shape, MapShape) and isinstance(value, dict) and value:
        key = next(iter(value))
        yield from _inside(shape.value, value[key], (*path, key))


def set_at(
    container: Any, path: tuple[str | int, ...], value: Any, *, delete: bool = False
) -> None:
    for step in path[:-1]:
        container = container[step]
    if delete:
        del container[path[-1]]
    else:
        container[path[-1]] = value


def spoil(draw: Callable[..., Any], shape: StructureShape, value: dict[str, Any]) -> Spot:
    """Spoils one member of ``value`` (a valid sample of ``shape``) in place; returns where.

    ``draw`` is hypothesis's ``data.draw``. The spoiling is one of: a value of the wrong
    type, nested garbage, a required member left out, an enum value the model does not know.
    """
    spot = draw(st.sampled_from(list(spots(shape, value))), label="member")
    kinds = ["wrong type", "garbage"]
    if spot.required:
        kinds.append("missing")
    if getattr(spot.shape, "enum", None):
        kinds.append("unknown enum")
    kind = draw(st.sampled_from(kinds), label="kind")
    if kind == "missing":
        set_at(value, spot.path, None, delete=True)
    elif kind == "unknown enum":
        set_at(value, spot.path, "NOT_A_VALUE_OF_" + spot.shape.name.upper())
    elif kind == "garbage":
        garbage = draw(st.sampled_from(GARBAGE), label="garbage")
        if spot.shape.type_name == "list":
            garbage = [garbage] if isinstance(garbage, dict) else garbage
        if spot.shape.type_name == "map":
            garbage = {"key": garbage}
        set_at(value, spot.path, garbage)
    else:
        wrong = draw(st.sampled_from(WRONG_VALUES[spot.shape.type_name]), label="wrong")
        set_at(value, spot.path, wrong)
    return spot


# -- calling any operation generically -------------------------------------------------

PAGING = {"PageSize", "Token", "NextToken"}


def sdk_method(client: PinpointClient, operation_name: str) -> Any:
    target: Any = client
    for part in OPERATIONS[operation_name].split("."):
        target = getattr(target, part)
    return target


def valid_params(operation_name: str) -> dict[str, Any]:
    """botocore params for a valid call: every member set, ids that are plain strings."""
    shape = operation(operation_name).input_shape
    if shape is None:
        return {}
    params: dict[str, Any] = sample(shape)
    for name, member in shape.members.items():
        if member.serialization.get("location") == "uri":
            params[name] = f"id-{name.lower()}"
        if name in PAGING:
            del params[name]
    return params


def sdk_arguments(operation_name: str, params: dict[str, Any]) -> dict[str, Any]:
    """The SDK method's keyword arguments for botocore ``params``; the body stays a dict."""
    shape = operation(operation_name).input_shape
    payload = shape.serialization.get("payload") if shape is not None else None
    return {
        ("request" if name == payload else attribute_name(name)): value
        for name, value in params.items()
    }


def request_payload(operation_name: str) -> tuple[str, StructureShape] | None:
    shape = operation(operation_name).input_shape
    payload = shape.serialization.get("payload") if shape is not None else None
    if shape is None or payload is None:
        return None
    member = shape.members[payload]
    assert isinstance(member, StructureShape)
    return payload, member
