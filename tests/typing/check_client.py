"""Type-checker proof of the client API: checked by mypy --strict and basedpyright, never run.

``assert_type`` lines pin what an IDE infers. Lines ending in an expected-error comment must
be reported: both checkers fail on an ignore comment that is no longer needed.
"""

from __future__ import annotations

from typing_extensions import assert_type

from pinpoint_sdk import (
    AsyncPaginator,
    NotFoundException,
    Page,
    PinpointClient,
    PinpointError,
    ResponseMetadata,
    response_metadata,
)
from pinpoint_sdk.models import (
    ApplicationResponse,
    CampaignResponse,
    CampaignsResponse,
    ChannelType,
    Frequency,
    MessageResponse,
    ResultRow,
    Schedule,
    WriteCampaignRequest,
)


async def results_are_typed(client: PinpointClient) -> None:
    app = await client.apps.create(name="shop")
    assert_type(app, ApplicationResponse)
    assert_type(app.id, str)

    campaign = await client.campaigns.create(
        app.id, WriteCampaignRequest(name="spring", schedule=Schedule(start_time="IMMEDIATE"))
    )
    assert_type(campaign, CampaignResponse)
    assert_type(campaign.name, str | None)
    assert_type(await client.campaigns.get(app.id, campaign.id), CampaignResponse)

    paginator = client.campaigns.list(app.id, page_size=50)
    assert_type(paginator, AsyncPaginator[CampaignResponse, CampaignsResponse])
    async for item in paginator:
        assert_type(item, CampaignResponse)
    first = await paginator
    assert_type(first, Page[CampaignResponse, CampaignsResponse])
    assert_type(first.next_token, str | None)
    async for page in paginator.pages():
        assert_type(page.payload, CampaignsResponse)

    async for row in client.kpis.list_campaign_rows(app.id, campaign.id, "email-open-rate"):
        assert_type(row, ResultRow)

    sent = await client.messages.send(app.id, message_configuration={})
    assert_type(sent, MessageResponse)
    assert_type(response_metadata(campaign), ResponseMetadata | None)
    assert_type(await client.tags.add(app.arn, tags={"a": "b"}), None)


async def errors_are_typed(client: PinpointClient) -> None:
    try:
        await client.apps.get("nope")
    except NotFoundException as error:
        assert_type(error.status_code, int)
        assert_type(error.request_id, str | None)
    except PinpointError:
        pass


async def mistakes_are_type_errors(client: PinpointClient) -> None:
    # A misspelt body field.
    await client.campaigns.create("app", nmae="spring")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # A misspelt field in a model.
    WriteCampaignRequest(nmae="spring")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # A wrong enum value.
    Schedule(start_time="IMMEDIATE", frequency="HOURLYY")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    Schedule(start_time="IMMEDIATE", frequency=Frequency.HOURLYY)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
    # A missing required argument.
    await client.campaigns.get("app")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    Schedule(frequency=Frequency.ONCE)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # A wrong type for a page size (it is an int, even though the wire wants a string).
    client.campaigns.list("app", page_size="5")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # Channel types are enum members, not arbitrary strings.
    _: ChannelType = "SMSS"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
