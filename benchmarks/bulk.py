"""Items per second of ``client.endpoints.upsert_many``, next to a naive sequential loop.

    python benchmarks/bulk.py [--items 20000] [--latency 0.005] [--memory]

Three transports: the fake in process (aiobotocore's httpx backend with ``fake.mock()``, no
sockets); the fake over HTTP on 127.0.0.1 in this process; and over HTTP from another
process. Over HTTP, ``--latency`` seconds are injected into every ``UpdateEndpointsBatch``
(``fake.faults.add_latency``), which is where concurrency pays. When the fake shares this
process it also shares its CPU, and both are CPU-bound once latency is hidden: the second
process shows what a client gains against a service that has its own machines. On each: a
sequential loop over ``update_batch`` with chunks of 100, then ``upsert_many`` at
concurrency 1, 4, 8 and 16. ``--memory`` adds the client's peak memory (tracemalloc) for
100,000 and 1,000,000 endpoints against a fake in another process (takes a few minutes).
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from itertools import islice
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.models import ChannelType, EndpointBatchItem, EndpointBatchRequest
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

CREDENTIALS: dict[str, Any] = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
CONCURRENCY = (1, 4, 8, 16)


def config() -> AioConfig:
    """The client configuration of the HTTP runs (the SDK's defaults)."""
    return AioConfig()


def endpoints(count: int, prefix: str) -> Iterator[EndpointBatchItem]:
    for n in range(count):
        yield EndpointBatchItem(
            id=f"{prefix}-{n}", address=f"user{n}@example.com", channel_type=ChannelType.EMAIL
        )


@asynccontextmanager
async def in_process(fake: FakePinpoint) -> AsyncIterator[PinpointClient]:
    config = AioConfig(http_session_cls=HttpxSession)
    with fake.mock():
        async with PinpointClient(region_name="us-east-1", config=config, **CREDENTIALS) as client:
            yield client


@asynccontextmanager
async def over_http(fake: FakePinpoint) -> AsyncIterator[PinpointClient]:
    async with (
        FakePinpointServer(fake) as server,
        PinpointClient(
            region_name="us-east-1", endpoint_url=server.url, config=config(), **CREDENTIALS
        ) as client,
    ):
        yield client


@asynccontextmanager
async def fake_process(latency: float) -> AsyncIterator[str]:
    """The URL of a fake served by another process, with ``latency`` on batch upserts."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(latency)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"the fake did not start (printed {url!r})")
        yield url
    finally:
        process.terminate()
        process.wait()


def serve(latency: float) -> None:
    """Serves a fake over HTTP until terminated (the other process of ``fake_process``)."""

    async def forever() -> None:
        fake = FakePinpoint()
        fake.faults.add_latency(latency, operation="UpdateEndpointsBatch")
        async with FakePinpointServer(fake) as server:
            print(server.url, flush=True)
            await asyncio.Event().wait()

    asyncio.run(forever())


def in_other_process(latency: float) -> object:
    @asynccontextmanager
    async def connect(_: FakePinpoint) -> AsyncIterator[PinpointClient]:
        async with (
            fake_process(latency) as url,
            PinpointClient(
                region_name="us-east-1", endpoint_url=url, config=config(), **CREDENTIALS
            ) as client,
        ):
            yield client

    return connect


async def sequential(client: PinpointClient, app_id: str, count: int) -> float:
    items = endpoints(count, "loop")
    started = time.perf_counter()
    while chunk := list(islice(items, 100)):
        await client.endpoints.update_batch(app_id, EndpointBatchRequest(item=chunk))
    return count / (time.perf_counter() - started)


async def bulk(client: PinpointClient, app_id: str, count: int, concurrency: int) -> float:
    result = await client.endpoints.upsert_many(
        app_id, endpoints(count, f"c{concurrency}"), concurrency=concurrency
    )
    assert result.ok, result
    return result.throughput


async def run(label: str, transport: object, fake: FakePinpoint, count: int) -> None:
    async with transport(fake) as client:  # type: ignore[operator]
        app = await client.apps.create(name="bench")
        await client.endpoints.update_batch(app.id, item=[EndpointBatchItem(id="warm-up")])
        loop = await sequential(client, app.id, count)
        print(f"{label:<34} sequential loop   {loop:>9,.0f} items/s")
        for concurrency in CONCURRENCY:
            rate = await bulk(client, app.id, count, concurrency)
            print(
                f"{label:<34} upsert_many c={concurrency:<3} {rate:>9,.0f} items/s"
                f"  ({rate / loop:4.1f}x the loop)"
            )


async def peak_memory(url: str, count: int) -> float:
    async with PinpointClient(region_name="us-east-1", endpoint_url=url, **CREDENTIALS) as client:
        app = await client.apps.create(name=f"memory-{count}")
        await client.endpoints.update_batch(app.id, item=[EndpointBatchItem(id="warm-up")])
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        result = await client.endpoints.upsert_many(app.id, endpoints(count, "m"), concurrency=8)
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        assert result.ok and result.succeeded == count
        return peak / 1e6


async def memory() -> None:
    # The fake keeps what it receives: it runs in another process so only the client counts.
    process = subprocess.Popen(
        [sys.executable, "-m", "pinpoint_sdk.testing"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"the fake did not start (printed {url!r})")
        for count in (100_000, 1_000_000):
            started = time.perf_counter()
            peak = await peak_memory(url, count)
            print(
                f"peak memory, {count:>9,} endpoints: {peak:6.2f} MB"
                f"  ({time.perf_counter() - started:.0f}s)"
            )
    finally:
        process.terminate()
        process.wait()


async def main(args: argparse.Namespace) -> None:
    await run("in process", in_process, FakePinpoint(), args.items)
    fake = FakePinpoint()
    fake.faults.add_latency(args.latency, operation="UpdateEndpointsBatch")
    ms = f"{args.latency * 1000:.0f} ms latency"
    await run(f"HTTP, {ms}, same process", over_http, fake, args.items)
    await run(f"HTTP, {ms}, other process", in_other_process(args.latency), fake, args.items)
    if args.memory:
        await memory()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--latency", type=float, default=0.005)
    parser.add_argument("--memory", action="store_true")
    parser.add_argument("--serve", type=float, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve is not None:
        serve(arguments.serve)
    else:
        asyncio.run(main(arguments))
