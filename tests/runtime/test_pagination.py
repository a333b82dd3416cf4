"""Auto-pagination: every item across pages, page sizes, limits, resuming, KPI rows."""

from __future__ import annotations

import itertools
import tracemalloc
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import respx

from pinpoint_sdk import (
    APIResponseValidationError,
    AsyncPaginator,
    NotFoundException,
    Page,
    PaginationError,
    PinpointClient,
)
from pinpoint_sdk.models import CampaignResponse, CampaignsResponse
from pinpoint_sdk.pagination import MAX_EMPTY_PAGES, REMEMBERED_TOKENS

CAMPAIGNS_URL = r".*/v1/apps/app1/campaigns(\?.*)?$"


def _campaign(number: int) -> dict[str, Any]:
    return {
        "Id": f"c{number}",
        "Arn": f"arn:aws:mobiletargeting:us-east-1:1:apps/app1/campaigns/c{number}",
        "ApplicationId": "app1",
        "CreationDate": "2026-11-22T10:00:00.000Z",
        "LastModifiedDate": "2026-11-22T10:00:00.000Z",
        "SegmentId": "s",
        "SegmentVersion": 1,
    }


def _serve_campaigns(respx_mock: respx.MockRouter, total: int) -> respx.Route:
    """A stateless server that pages ``total`` campaigns by page-size and token like Pinpoint."""

    def respond(request: httpx.Request) -> httpx.Response:
        size = int(request.url.params.get("page-size", "3"))
        start = int(request.url.params.get("token", "0"))
        items = [_campaign(n) for n in range(start, min(start + size, total))]
        body: dict[str, Any] = {"Item": items}
        if start + size < total:
            body["NextToken"] = str(start + size)
        return httpx.Response(200, json=body)

    return respx_mock.get(url__regex=CAMPAIGNS_URL).mock(side_effect=respond)


async def test_iterating_yields_every_item_across_pages(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = _serve_campaigns(respx_mock, total=10)
    ids = [campaign.id async for campaign in client.campaigns.list("app1", page_size=3)]
    assert ids == [f"c{n}" for n in range(10)]
    assert route.call_count == 4  # 3 + 3 + 3 + 1, and no request after the token stops
    assert all(call.request.url.params["page-size"] == "3" for call in route.calls)
    assert "token" not in route.calls[0].request.url.params
    assert [call.request.url.params.get("token") for call in route.calls[1:]] == ["3", "6", "9"]


async def test_awaiting_gives_the_first_page_only(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = _serve_campaigns(respx_mock, total=10)
    page = await client.campaigns.list("app1", page_size=4)
    assert isinstance(page, Page)
    assert isinstance(page.payload, CampaignsResponse)
    assert [c.id for c in page] == ["c0", "c1", "c2", "c3"]
    assert page.next_token == "4" and page.has_next_page()
    assert route.call_count == 1


async def test_no_page_is_fetched_before_it_is_needed(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = _serve_campaigns(respx_mock, total=10)
    paginator = client.campaigns.list("app1")
    assert route.call_count == 0
    async for _ in paginator:
        break
    assert route.call_count == 1


async def test_max_items_stops_mid_page_and_fetches_no_more(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = _serve_campaigns(respx_mock, total=10)
    ids = [c.id async for c in client.campaigns.list("app1", page_size=3, max_items=5)]
    assert ids == ["c0", "c1", "c2", "c3", "c4"]
    assert route.call_count == 2


async def test_pages_can_be_resumed_from_a_saved_token(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    _serve_campaigns(respx_mock, total=7)
    pages = client.campaigns.list("app1", page_size=3).pages()
    first = await anext(pages)
    await pages.aclose()
    saved = first.next_token
    rest = [c.id async for c in client.campaigns.list("app1", page_size=3, next_token=saved)]
    assert [c.id for c in first] + rest == [f"c{n}" for n in range(7)]


async def test_page_by_page_iteration_exposes_tokens_and_payloads(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    _serve_campaigns(respx_mock, total=5)
    pages = [page async for page in client.campaigns.list("app1", page_size=2).pages()]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [page.next_token for page in pages] == ["2", "4", None]
    assert all(isinstance(item, CampaignResponse) for page in pages for item in page)
    assert pages[0].metadata is not None and pages[0].metadata.status_code == 200


async def test_errors_surface_when_the_paginator_is_awaited_or_iterated(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    respx_mock.get(url__regex=CAMPAIGNS_URL).mock(
        return_value=httpx.Response(
            404,
            json={"Message": "no such app", "RequestID": "rid-1"},
            headers={"X-Amzn-ErrorType": "NotFoundException"},
        )
    )
    with pytest.raises(NotFoundException) as raised:
        await client.campaigns.list("app1")
    assert raised.value.request_id == "rid-1"
    with pytest.raises(NotFoundException):
        async for _ in client.campaigns.list("app1"):
            pass


async def test_a_service_repeating_a_token_does_not_loop_forever(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    respx_mock.get(url__regex=CAMPAIGNS_URL).mock(
        return_value=httpx.Response(200, json={"Item": [_campaign(1)], "NextToken": "same"})
    )
    with pytest.raises(PaginationError, match="repeated the page token") as raised:
        async for _ in client.campaigns.list("app1"):
            pass
    assert isinstance(raised.value, APIResponseValidationError)


def _serve_empty_pages(
    respx_mock: respx.MockRouter, *, then_items_after: int | None = None
) -> respx.Route:
    """A service that answers pages with no item and a new token each time.

    With ``then_items_after``, the page after that many empty ones holds one item and no token.
    """
    numbers = itertools.count(1)

    def respond(request: httpx.Request) -> httpx.Response:
        number = next(numbers)
        if then_items_after is not None and number > then_items_after:
            return httpx.Response(200, json={"Item": [_campaign(number)]})
        return httpx.Response(200, json={"Item": [], "NextToken": f"token-{number}"})

    return respx_mock.get(url__regex=CAMPAIGNS_URL).mock(side_effect=respond)


async def _every_item(paginator: AsyncPaginator[Any, Any]) -> list[Any]:
    return [item async for item in paginator]


async def _every_page(paginator: AsyncPaginator[Any, Any]) -> list[Any]:
    return [page async for page in paginator.pages()]


@pytest.mark.parametrize("walk", [_every_item, _every_page], ids=["items", "pages"])
@pytest.mark.parametrize("max_items", [None, 5], ids=["no-limit", "max_items=5"])
async def test_endless_empty_pages_with_new_tokens_stop_with_a_typed_error(
    client: PinpointClient, respx_mock: respx.MockRouter, walk: Any, max_items: int | None
) -> None:
    route = _serve_empty_pages(respx_mock)
    with pytest.raises(PaginationError, match=f"{MAX_EMPTY_PAGES} pages in a row without an item"):
        await walk(client.campaigns.list("app1", page_size=5, max_items=max_items))
    # max_items counts items, of which there are none: the empty-page bound is what stops it.
    assert route.call_count == MAX_EMPTY_PAGES


async def test_empty_pages_up_to_the_bound_are_followed_and_one_more_stops_paging(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    # MAX_EMPTY_PAGES - 1 empty pages, then the item: a slow listing, not a loop.
    route = _serve_empty_pages(respx_mock, then_items_after=MAX_EMPTY_PAGES - 1)
    campaigns = [c.id async for c in client.campaigns.list("app1")]
    assert campaigns == [f"c{MAX_EMPTY_PAGES}"]
    assert route.call_count == MAX_EMPTY_PAGES
    # MAX_EMPTY_PAGES empty pages: a loop, even though the item would have come next.
    respx_mock.routes.clear()
    route = _serve_empty_pages(respx_mock, then_items_after=MAX_EMPTY_PAGES)
    with pytest.raises(PaginationError):
        await _every_item(client.campaigns.list("app1"))
    assert route.call_count == MAX_EMPTY_PAGES


async def test_the_tokens_a_paginator_remembers_stay_bounded_on_a_long_listing() -> None:
    pages = 4 * REMEMBERED_TOKENS
    token_size = 4_096

    async def fetch(token: str | None, size: int | None) -> Page[Any, CampaignsResponse]:
        number = 0 if token is None else int(token[:8]) + 1
        campaign = CampaignResponse.model_construct(id=f"c{number}")
        next_token = f"{number:08d}".ljust(token_size, "x") if number < pages - 1 else None
        payload = CampaignsResponse.model_construct(item=[campaign], next_token=next_token)
        return Page.of(payload, ("item",), operation="GetCampaigns")

    async def count(paginator: AsyncIterator[Any]) -> int:
        return sum([1 async for _ in paginator])

    tracemalloc.start()
    try:
        assert await count(AsyncPaginator(fetch, operation="GetCampaigns")) == pages
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Remembering every token would hold pages * token_size (16 MB); the paginator keeps the
    # last REMEMBERED_TOKENS (4 MB), whatever the length of the listing.
    assert peak < pages * token_size / 2


async def test_kpi_rows_page_like_a_listing(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        token = request.url.params.get("next-token")
        row = {"GroupedBys": [], "Values": [{"Key": "k", "Type": "Double", "Value": token or "0"}]}
        body: dict[str, Any] = {
            "ApplicationId": "app1",
            "CampaignId": "c1",
            "EndTime": "2026-11-22T00:00:00Z",
            "KpiName": "email-open-rate",
            "KpiResult": {"Rows": [row, row]},
            "StartTime": "2026-11-01T00:00:00Z",
        }
        if token != "2":
            body["NextToken"] = str(int(token or 0) + 1)
        return httpx.Response(200, json=body)

    route = respx_mock.get(url__regex=r".*/kpis/daterange/email-open-rate.*").mock(
        side_effect=respond
    )
    rows = [
        row
        async for row in client.kpis.list_campaign_rows(
            "app1", "c1", "email-open-rate", page_size=2
        )
    ]
    assert len(rows) == 6
    assert [row.values[0].value for row in rows] == ["0", "0", "1", "1", "2", "2"]
    assert route.call_count == 3


async def test_journey_metrics_take_a_token_but_do_not_pretend_to_page(
    client: PinpointClient, respx_mock: respx.MockRouter
) -> None:
    route = respx_mock.get(url__regex=r".*/execution-metrics.*").mock(
        return_value=httpx.Response(
            200,
            json={
                "ApplicationId": "app1",
                "JourneyId": "j1",
                "LastEvaluatedTime": "2026-11-22T00:00:00Z",
                "Metrics": {"ENDPOINT_PRODUCED": "3"},
            },
        )
    )
    metrics = await client.journeys.get_execution_metrics(
        "app1", "j1", next_token="t", page_size=10
    )
    assert metrics.metrics == {"ENDPOINT_PRODUCED": "3"}
    assert route.calls[0].request.url.params["next-token"] == "t"
    assert route.calls[0].request.url.params["page-size"] == "10"
