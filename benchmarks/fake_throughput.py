"""Requests per second of FakePinpoint, in process and over HTTP, through aiobotocore.

    python benchmarks/fake_throughput.py [--reads 2000] [--writes 200] [--concurrency 20]
                                         [--fake-only]

Each mode runs the same mix: ``--writes`` CreateSegment calls, then ``--reads`` GetCampaign
calls, ``--concurrency`` at a time on one client. In process uses aiobotocore's httpx
backend with ``fake.mock()`` (no sockets); HTTP uses the default aiohttp backend against
``FakePinpointServer`` on 127.0.0.1. Also reports the fake alone: ``wire`` answers a signed
GetCampaign as bytes (``fake.handle``: region, routing, decoding, encoding; no client, no
socket), ``direct`` runs GetApp through ``fake.invoke`` (no wire at all). Not part of the
test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from aiobotocore.session import get_session

from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer, WireRequest

CREDENTIALS: dict[str, Any] = {
    "region_name": "us-east-1",
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}
SESSION = get_session()


@asynccontextmanager
async def in_process(fake: FakePinpoint) -> AsyncIterator[Any]:
    config = AioConfig(http_session_cls=HttpxSession, max_pool_connections=50)
    with fake.mock():
        async with SESSION.create_client("pinpoint", config=config, **CREDENTIALS) as client:
            yield client


@asynccontextmanager
async def over_http(fake: FakePinpoint) -> AsyncIterator[Any]:
    async with (
        FakePinpointServer(fake) as server,
        SESSION.create_client(
            "pinpoint",
            endpoint_url=server.url,
            config=AioConfig(max_pool_connections=50),
            **CREDENTIALS,
        ) as client,
    ):
        yield client


async def _run(calls: list[Callable[[], Awaitable[Any]]], concurrency: int) -> float:
    semaphore = asyncio.Semaphore(concurrency)

    async def one(call: Callable[[], Awaitable[Any]]) -> None:
        async with semaphore:
            await call()

    started = time.perf_counter()
    await asyncio.gather(*(one(call) for call in calls))
    return time.perf_counter() - started


async def measure(mode: str, reads: int, writes: int, concurrency: int) -> None:
    fake = FakePinpoint()
    app = fake.invoke("CreateApp", {"CreateApplicationRequest": {"Name": "bench"}})
    assert app is not None
    app_id = app["Id"]
    segment = fake.invoke(
        "CreateSegment", {"ApplicationId": app_id, "WriteSegmentRequest": {"Name": "s"}}
    )
    assert segment is not None
    campaign = fake.invoke(
        "CreateCampaign",
        {
            "ApplicationId": app_id,
            "WriteCampaignRequest": {"Name": "c", "SegmentId": segment["Id"]},
        },
    )
    assert campaign is not None
    factory = in_process if mode == "in-process" else over_http
    async with factory(fake) as client:
        await client.get_campaign(ApplicationId=app_id, CampaignId=campaign["Id"])  # warm-up
        write_time = await _run(
            [
                lambda i=i: client.create_segment(
                    ApplicationId=app_id, WriteSegmentRequest={"Name": f"s{i}"}
                )
                for i in range(writes)
            ],
            concurrency,
        )
        read_time = await _run(
            [
                lambda: client.get_campaign(ApplicationId=app_id, CampaignId=campaign["Id"])
                for _ in range(reads)
            ],
            concurrency,
        )
    total = reads + writes
    print(
        f"{mode:>10}: {total / (read_time + write_time):8.0f} req/s overall"
        f"  ({reads / read_time:.0f} GetCampaign/s, {writes / write_time:.0f} CreateSegment/s)"
    )


def measure_direct(reads: int) -> None:
    fake = FakePinpoint()
    app = fake.invoke("CreateApp", {"CreateApplicationRequest": {"Name": "bench"}})
    assert app is not None
    started = time.perf_counter()
    for _ in range(reads):
        fake.invoke("GetApp", {"ApplicationId": app["Id"]})
    print(f"{'direct':>10}: {reads / (time.perf_counter() - started):8.0f} req/s (fake.invoke)")


def measure_wire(reads: int) -> None:
    fake = FakePinpoint()
    app = fake.invoke("CreateApp", {"CreateApplicationRequest": {"Name": "bench"}})
    assert app is not None
    segment = fake.invoke(
        "CreateSegment", {"ApplicationId": app["Id"], "WriteSegmentRequest": {"Name": "s"}}
    )
    assert segment is not None
    campaign = fake.invoke(
        "CreateCampaign",
        {
            "ApplicationId": app["Id"],
            "WriteCampaignRequest": {"Name": "c", "SegmentId": segment["Id"]},
        },
    )
    assert campaign is not None
    # What botocore sends: the region the fake serves from is in the credential scope.
    headers = {
        "Authorization": "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/"
        "mobiletargeting/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd",
        "X-Amz-Date": "20260101T000000Z",
    }
    request = WireRequest.from_url(
        "GET", f"/v1/apps/{app['Id']}/campaigns/{campaign['Id']}", headers=headers
    )
    started = time.perf_counter()
    for _ in range(reads):
        outcome = fake.handle(request)
        assert outcome.response is not None and outcome.response.status == 200
    print(f"{'wire':>10}: {reads / (time.perf_counter() - started):8.0f} req/s (fake.handle)")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=2000)
    parser.add_argument("--writes", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--fake-only", action="store_true", help="only the wire and direct rows")
    args = parser.parse_args()
    print(f"{args.reads} GetCampaign + {args.writes} CreateSegment, {args.concurrency} at a time")
    if not args.fake_only:
        for mode in ("in-process", "http"):
            await measure(mode, args.reads, args.writes, args.concurrency)
    measure_wire(args.reads)
    measure_direct(args.reads)


if __name__ == "__main__":
    asyncio.run(main())
