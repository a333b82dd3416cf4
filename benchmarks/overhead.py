"""What the SDK costs over raw aiobotocore, measured in one process against a local server.

A minimal aiohttp.web server on 127.0.0.1 answers canned Pinpoint responses. Rounds alternate
between raw aiobotocore and the SDK (same session, same transport, botocore retries off for
both) so that both see the same machine state:

- ``GetCampaign``: N calls, one after another;
- a 10,000-item campaign listing in pages of 100 (raw: a token loop; SDK: ``async for``);
- ``SendMessages`` to 100 addresses, N/10 calls: the body the SDK validates and checks.

Prints the median of each side and the SDK/raw ratio (targets: at most 1.10, aim 1.03).

    python benchmarks/overhead.py [--calls 300] [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.session import get_session
from aiohttp import web

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.models import MessageRequest

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


#: A SendMessages body to 100 addresses, as botocore params (raw) and as SDK arguments.
ADDRESSES = {
    f"+1206555{n:04d}": {"ChannelType": "SMS", "BodyOverride": f"Hello {n}", "Context": {"n": "1"}}
    for n in range(100)
}
SMS = {"SMSMessage": {"Body": "Your code is 123456", "MessageType": "TRANSACTIONAL"}}
SENT = json.dumps(
    {"MessageResponse": {"ApplicationId": "app1", "RequestId": "r1", "Result": {}}}
).encode()


async def send_messages(request: web.Request) -> web.Response:
    return web.Response(body=SENT, content_type="application/json")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    app = web.Application()
    app.router.add_get("/v1/apps/{app}/campaigns/{campaign}", get_campaign)
    app.router.add_get("/v1/apps/{app}/campaigns", list_campaigns)
    app.router.add_post("/v1/apps/{app}/messages", send_messages)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    url = f"http://127.0.0.1:{port}"

    session = get_session()
    config = AioConfig(retries={"total_max_attempts": 1}, max_pool_connections=50)
    async with (
        session.create_client("pinpoint", **CREDENTIALS, endpoint_url=url, config=config) as raw,
        PinpointClient(**CREDENTIALS, session=session, endpoint_url=url) as sdk,
    ):

        async def raw_calls() -> None:
            for _ in range(args.calls):
                await raw.get_campaign(ApplicationId="app1", CampaignId="c1")

        async def sdk_calls() -> None:
            for _ in range(args.calls):
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

        sends = max(1, args.calls // 10)

        async def raw_sends() -> None:
            request = {"Addresses": ADDRESSES, "MessageConfiguration": SMS}
            for _ in range(sends):
                await raw.send_messages(ApplicationId="app1", MessageRequest=request)

        async def sdk_sends() -> None:
            for _ in range(sends):
                request = MessageRequest.model_validate(
                    {"Addresses": ADDRESSES, "MessageConfiguration": SMS}
                )
                await sdk.messages.send("app1", request)

        cases = {
            f"GetCampaign x{args.calls}": (raw_calls, sdk_calls),
            f"listing {TOTAL_ITEMS} items": (raw_listing, sdk_listing),
            f"SendMessages x{sends} (100 addr)": (raw_sends, sdk_sends),
        }
        for raw_case, sdk_case in cases.values():  # warm up connections and schemas
            await raw_case()
            await sdk_case()
        for name, (raw_case, sdk_case) in cases.items():
            raw_times: list[float] = []
            sdk_times: list[float] = []
            for _ in range(args.rounds):
                for case, times in ((raw_case, raw_times), (sdk_case, sdk_times)):
                    started = time.perf_counter()
                    await case()
                    times.append(time.perf_counter() - started)
            raw_median, sdk_median = statistics.median(raw_times), statistics.median(sdk_times)
            print(
                f"{name:28} raw {raw_median * 1000:8.1f} ms   sdk {sdk_median * 1000:8.1f} ms"
                f"   sdk/raw {sdk_median / raw_median:.3f}"
            )
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
