"""What the SDK costs over raw aiobotocore, measured against a local server in another process.

A minimal aiohttp.web server on 127.0.0.1, in a process of its own so that its CPU is not
counted, answers canned Pinpoint responses. Rounds alternate between raw aiobotocore and the
SDK (same session, same transport, botocore retries off for both) so that both see the same
machine state:

- ``GetCampaign``: N calls, one after another;
- a 10,000-item campaign listing in pages of 100 (raw: a token loop; SDK: ``async for``).

Prints, in wall time and in this process's CPU time (the client's own cost, which other load
on the machine disturbs less), the median of each side, the SDK/raw ratio of the medians
(targets: at most 1.10, aim 1.03) and the spread of the per-round ratios.

    python benchmarks/overhead.py [--calls 300] [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import statistics
import time
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from aiohttp import web

from pinpoint_sdk import PinpointClient

TOTAL_ITEMS = 10_000
CREDENTIALS: dict[str, Any] = {
    "region_name": "us-east-1",
    "aws_access_key_id": "bench",
    "aws_secret_access_key": "bench",
}


def _campaign(number: int) -> dict[str, Any]:
    return {
        "Arn": f"arn:aws:mobiletargeting:us-east-1:123456789012:apps/app1/campaigns/c{number}",
        "ApplicationId": "app1",
        "CreationDate": "2026-11-22T10:00:00.000Z",
        "Id": f"c{number}",
        "LastModifiedDate": "2026-11-22T10:00:00.000Z",
        "Name": f"campaign-{number}",
        "SegmentId": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "SegmentVersion": 1,
        "State": {"CampaignStatus": "SCHEDULED"},
        "Schedule": {"StartTime": "IMMEDIATE", "Frequency": "ONCE", "IsLocalTime": False},
        "MessageConfiguration": {"EmailMessage": {"Title": "Hello", "Body": "Hi there"}},
        "Version": 1,
        "tags": {"team": "growth"},
    }


ONE_CAMPAIGN = json.dumps(_campaign(1)).encode()
PAGES = {
    start: json.dumps(
        {
            "Item": [_campaign(n) for n in range(start, min(start + 100, TOTAL_ITEMS))],
            **({"NextToken": str(start + 100)} if start + 100 < TOTAL_ITEMS else {}),
        }
    ).encode()
    for start in range(0, TOTAL_ITEMS, 100)
}


async def get_campaign(request: web.Request) -> web.Response:
    return web.Response(body=ONE_CAMPAIGN, content_type="application/json")


async def list_campaigns(request: web.Request) -> web.Response:
    start = int(request.query.get("token", "0"))
    return web.Response(body=PAGES[start], content_type="application/json")


async def _serve(ports: Any) -> None:
    app = web.Application()
    app.router.add_get("/v1/apps/{app}/campaigns/{campaign}", get_campaign)
    app.router.add_get("/v1/apps/{app}/campaigns", list_campaigns)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    ports.put(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
    await asyncio.Event().wait()


def serve(ports: Any) -> None:
    """The server process: answers until it is terminated."""
    asyncio.run(_serve(ports))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--only-get", action="store_true", help="measure GetCampaign only, not the listing"
    )
    args = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    ports = context.Queue()
    server = context.Process(target=serve, args=(ports,), daemon=True)
    server.start()
    try:
        url = f"http://127.0.0.1:{ports.get(timeout=60)}"
        await measure(url, args.calls, args.rounds, listing=not args.only_get)
    finally:
        server.terminate()
        server.join()


async def measure(url: str, calls: int, rounds: int, *, listing: bool = True) -> None:
    """Runs the interleaved rounds against the server at ``url`` and prints the figures."""

    session = get_session()
    config = AioConfig(retries={"total_max_attempts": 1}, max_pool_connections=50)
    async with (
        session.create_client("pinpoint", **CREDENTIALS, endpoint_url=url, config=config) as raw,
        PinpointClient(**CREDENTIALS, session=session, endpoint_url=url) as sdk,
    ):

        async def raw_calls() -> None:
            for _ in range(calls):
                await raw.get_campaign(ApplicationId="app1", CampaignId="c1")

        async def sdk_calls() -> None:
            for _ in range(calls):
                await sdk.campaigns.get("app1", "c1")

        async def raw_listing() -> None:
            seen, token = 0, None
            while True:
                params: dict[str, Any] = {"ApplicationId": "app1", "PageSize": "100"}
                if token:
                    params["Token"] = token
                page = (await raw.get_campaigns(**params))["CampaignsResponse"]
                seen += len(page["Item"])
                token = page.get("NextToken")
                if not token:
                    break
            assert seen == TOTAL_ITEMS

        async def sdk_listing() -> None:
            seen = 0
            async for _ in sdk.campaigns.list("app1", page_size=100):
                seen += 1
            assert seen == TOTAL_ITEMS

        cases = {f"GetCampaign x{calls}": (raw_calls, sdk_calls)}
        if listing:
            cases[f"listing {TOTAL_ITEMS} items"] = (raw_listing, sdk_listing)
        for raw_case, sdk_case in cases.values():  # warm up connections and schemas
            await raw_case()
            await sdk_case()
        for name, (raw_case, sdk_case) in cases.items():
            # Wall time, and this process's CPU time: the client's cost, whatever else runs.
            raw_times: list[tuple[float, float]] = []
            sdk_times: list[tuple[float, float]] = []
            for _ in range(rounds):
                for case, times in ((raw_case, raw_times), (sdk_case, sdk_times)):
                    started, cpu_started = time.perf_counter(), time.process_time()
                    await case()
                    times.append((time.perf_counter() - started, time.process_time() - cpu_started))
            for label, kind in (("wall", 0), ("cpu", 1)):
                raw = [t[kind] for t in raw_times]
                sdk = [t[kind] for t in sdk_times]
                raw_median, sdk_median = statistics.median(raw), statistics.median(sdk)
                ratios = sorted(s / r for s, r in zip(sdk, raw, strict=True))
                print(
                    f"{name:24} {label:4} raw {raw_median * 1000:8.1f} ms   "
                    f"sdk {sdk_median * 1000:8.1f} ms   sdk/raw {sdk_median / raw_median:.3f}"
                    f"   (per round {ratios[0]:.3f}..{ratios[-1]:.3f})"
                )


if __name__ == "__main__":
    asyncio.run(main())
