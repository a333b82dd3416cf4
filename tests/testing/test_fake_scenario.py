"""The issue's scenario, end to end, in process and over HTTP (aiobotocore) and with boto3.

create app → segment → five campaigns → list with page-size 2 → update → versions → delete
→ 404. The same calls succeeding through three different HTTP stacks is what shows the fake
speaks the real wire protocol rather than something our own client happens to accept.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from pinpoint_fake_support import CREDENTIALS, error_of, http_client, inprocess_client

from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

ClientFactory = Callable[[FakePinpoint], AbstractAsyncContextManager[Any]]


@pytest.fixture(params=["in-process", "http"])
async def client_and_fake(
    request: pytest.FixtureRequest,
) -> AsyncIterator[tuple[Any, FakePinpoint]]:
    fake = FakePinpoint()
    factory: ClientFactory = inprocess_client if request.param == "in-process" else http_client
    async with factory(fake) as client:
        yield client, fake


async def test_scenario_through_aiobotocore(client_and_fake: tuple[Any, FakePinpoint]) -> None:
    client, fake = client_and_fake
    created = await client.create_app(CreateApplicationRequest={"Name": "scenario"})
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    app_id = created["ApplicationResponse"]["Id"]
    segment = (
        await client.create_segment(
            ApplicationId=app_id,
            WriteSegmentRequest={
                "Name": "ios",
                "Dimensions": {"Demographic": {"Platform": {"Values": ["ios"]}}},
            },
        )
    )["SegmentResponse"]
    assert segment["Version"] == 1

    campaign_ids = []
    for index in range(5):
        campaign = (
            await client.create_campaign(
                ApplicationId=app_id,
                WriteCampaignRequest={
                    "Name": f"campaign-{index}",
                    "SegmentId": segment["Id"],
                    "Schedule": {"StartTime": "IMMEDIATE"},
                },
            )
        )["CampaignResponse"]
        assert (campaign["Version"], campaign["SegmentVersion"]) == (1, 1)
        campaign_ids.append(campaign["Id"])

    seen: list[str] = []
    page_sizes: list[int] = []
    token = None
    while True:
        kwargs = {"Token": token} if token else {}
        page = (await client.get_campaigns(ApplicationId=app_id, PageSize="2", **kwargs))[
            "CampaignsResponse"
        ]
        page_sizes.append(len(page["Item"]))
        seen += [item["Id"] for item in page["Item"]]
        token = page.get("NextToken")
        if token is None:
            break
    assert page_sizes == [2, 2, 1]
    assert sorted(seen) == sorted(campaign_ids) and len(set(seen)) == 5

    first = campaign_ids[0]
    updated = (
        await client.update_campaign(
            ApplicationId=app_id, CampaignId=first, WriteCampaignRequest={"Name": "renamed"}
        )
    )["CampaignResponse"]
    assert (updated["Version"], updated["Name"], updated["SegmentId"]) == (
        2,
        "renamed",
        segment["Id"],
    )
    versions = (await client.get_campaign_versions(ApplicationId=app_id, CampaignId=first))[
        "CampaignsResponse"
    ]["Item"]
    assert [(v["Version"], v["Name"]) for v in versions] == [(2, "renamed"), (1, "campaign-0")]
    old = await client.get_campaign_version(ApplicationId=app_id, CampaignId=first, Version="1")
    assert old["CampaignResponse"]["Name"] == "campaign-0"

    deleted = await client.delete_campaign(ApplicationId=app_id, CampaignId=first)
    assert deleted["CampaignResponse"]["Id"] == first
    with pytest.raises(ClientError) as missing:
        await client.get_campaign(ApplicationId=app_id, CampaignId=first)
    status, code, message = error_of(missing.value)
    assert (status, code) == (404, "NotFoundException")
    # The service's style: no id in the text; the request id travels on its own.
    assert message == "Campaign not found"
    assert missing.value.response["ResponseMetadata"]["RequestId"]
    assert [r.operation for r in fake.requests].count("CreateCampaign") == 5


def test_scenario_through_boto3_over_http() -> None:
    fake = FakePinpoint()
    with FakePinpointServer(fake) as server:
        client = boto3.client("pinpoint", endpoint_url=server.url, **CREDENTIALS)
        try:
            app_id = client.create_app(CreateApplicationRequest={"Name": "boto3"})[
                "ApplicationResponse"
            ]["Id"]
            segment_id = client.create_segment(
                ApplicationId=app_id, WriteSegmentRequest={"Name": "everyone"}
            )["SegmentResponse"]["Id"]
            created = {
                client.create_campaign(
                    ApplicationId=app_id,
                    WriteCampaignRequest={"Name": f"c{i}", "SegmentId": segment_id},
                )["CampaignResponse"]["Id"]
                for i in range(6)
            }
            seen: list[str] = []
            kwargs: dict[str, str] = {}
            while True:
                page = client.get_campaigns(ApplicationId=app_id, PageSize="2", **kwargs)
                seen += [item["Id"] for item in page["CampaignsResponse"]["Item"]]
                if "NextToken" not in page["CampaignsResponse"]:
                    break
                kwargs = {"Token": page["CampaignsResponse"]["NextToken"]}
            assert sorted(seen) == sorted(created)

            campaign_id = seen[-1]
            client.update_campaign(
                ApplicationId=app_id,
                CampaignId=campaign_id,
                WriteCampaignRequest={"Description": "v2"},
            )
            versions = client.get_campaign_versions(ApplicationId=app_id, CampaignId=campaign_id)
            assert [v["Version"] for v in versions["CampaignsResponse"]["Item"]] == [2, 1]
            client.delete_campaign(ApplicationId=app_id, CampaignId=campaign_id)
            with pytest.raises(client.exceptions.NotFoundException):
                client.get_campaign(ApplicationId=app_id, CampaignId=campaign_id)
        finally:
            client.close()
