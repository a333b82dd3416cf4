"""A Pinpoint look-alike that answers canned responses, for benchmarks that run it apart.

Run in its own process (``python benchmarks/canned_server.py``), so that a benchmark measuring
client CPU does not also count the server's. It prints the port it listens on, then serves:

- ``GET /v1/apps/{app}/campaigns/{campaign}``: one campaign (GetCampaign);
- ``GET /v1/apps/{app}/campaigns``: pages of 100 campaigns, 10,000 in all (GetCampaigns);
- ``POST /v1/apps/{app}/messages``: one SUCCESSFUL result per address (SendMessages).
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from aiohttp import web

TOTAL_CAMPAIGNS = 10_000
PAGE = 100


def campaign(number: int) -> dict[str, Any]:
    """One campaign as GetCampaign answers it, with the fields a real one has."""
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


ONE_CAMPAIGN = json.dumps(campaign(1)).encode()
PAGES = {
    start: json.dumps(
        {
            "Item": [campaign(n) for n in range(start, min(start + PAGE, TOTAL_CAMPAIGNS))],
            **({"NextToken": str(start + PAGE)} if start + PAGE < TOTAL_CAMPAIGNS else {}),
        }
    ).encode()
    for start in range(0, TOTAL_CAMPAIGNS, PAGE)
}


async def get_campaign(request: web.Request) -> web.Response:
    return web.Response(body=ONE_CAMPAIGN, content_type="application/json")


async def list_campaigns(request: web.Request) -> web.Response:
    start = int(request.query.get("token", "0"))
    return web.Response(body=PAGES[start], content_type="application/json")


async def send_messages(request: web.Request) -> web.Response:
    body = await request.json()
    result = {
        address: {
            "DeliveryStatus": "SUCCESSFUL",
            "StatusCode": 200,
            "StatusMessage": "MessageId: m-1",
            "MessageId": "m-1",
        }
        for address in body.get("Addresses", {})
    }
    answer = {"ApplicationId": request.match_info["app"], "RequestId": "r-1", "Result": result}
    return web.Response(body=json.dumps(answer).encode(), content_type="application/json")


async def serve() -> None:
    app = web.Application()
    app.router.add_get("/v1/apps/{app}/campaigns/{campaign}", get_campaign)
    app.router.add_get("/v1/apps/{app}/campaigns", list_campaigns)
    app.router.add_post("/v1/apps/{app}/messages", send_messages)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
    await site.start()
    server = site._server
    assert server is not None
    port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(port, flush=True)
    # Serve until the benchmark closes our stdin.
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(serve())
