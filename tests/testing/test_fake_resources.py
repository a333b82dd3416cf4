"""Resource behaviour beyond the scenario: templates, endpoints, jobs, channels, the rest."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from botocore.exceptions import ClientError
from pinpoint_fake_support import error_of, inprocess_client

from pinpoint_sdk.testing import FakePinpoint

ID = re.compile(r"^[0-9a-f]{32}$")
DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@pytest.fixture
async def setup() -> AsyncIterator[tuple[Any, FakePinpoint, str]]:
    fake = FakePinpoint()
    async with inprocess_client(fake) as client:
        app = await client.create_app(CreateApplicationRequest={"Name": "resources"})
        yield client, fake, app["ApplicationResponse"]["Id"]


async def _status_of(awaitable: Any) -> tuple[int, str]:
    with pytest.raises(ClientError) as raised:
        await awaitable
    return error_of(raised.value)[:2]


async def test_ids_arns_and_dates_look_like_the_service(setup: Any) -> None:
    client, _, app_id = setup
    app = (await client.get_app(ApplicationId=app_id))["ApplicationResponse"]
    assert ID.match(app_id)
    assert app["Arn"] == f"arn:aws:mobiletargeting:us-east-1:123456789012:apps/{app_id}"
    assert DATE.match(app["CreationDate"])
    segment = (
        await client.create_segment(ApplicationId=app_id, WriteSegmentRequest={"Name": "s"})
    )["SegmentResponse"]
    assert segment["Arn"] == f"{app['Arn']}/segments/{segment['Id']}"


async def test_segment_versions(setup: Any) -> None:
    client, _, app_id = setup
    segment_id = (
        await client.create_segment(ApplicationId=app_id, WriteSegmentRequest={"Name": "v1"})
    )["SegmentResponse"]["Id"]
    updated = await client.update_segment(
        ApplicationId=app_id, SegmentId=segment_id, WriteSegmentRequest={"Name": "v2"}
    )
    assert updated["SegmentResponse"]["Version"] == 2
    versions = await client.get_segment_versions(ApplicationId=app_id, SegmentId=segment_id)
    assert [v["Name"] for v in versions["SegmentsResponse"]["Item"]] == ["v2", "v1"]
    one = await client.get_segment_version(ApplicationId=app_id, SegmentId=segment_id, Version="1")
    assert one["SegmentResponse"]["Name"] == "v1"
    assert await _status_of(
        client.get_segment_version(ApplicationId=app_id, SegmentId=segment_id, Version="9")
    ) == (404, "NotFoundException")
    # A campaign needs an existing segment, and targets its latest version by default.
    campaign = await client.create_campaign(
        ApplicationId=app_id, WriteCampaignRequest={"Name": "c", "SegmentId": segment_id}
    )
    assert campaign["CampaignResponse"]["SegmentVersion"] == 2
    assert await _status_of(
        client.create_campaign(
            ApplicationId=app_id, WriteCampaignRequest={"Name": "c", "SegmentId": "0" * 32}
        )
    ) == (404, "NotFoundException")
    activities = await client.get_campaign_activities(
        ApplicationId=app_id, CampaignId=campaign["CampaignResponse"]["Id"]
    )
    (activity,) = activities["ActivitiesResponse"]["Item"]
    assert activity["CampaignId"] == campaign["CampaignResponse"]["Id"]


async def test_templates_versions_and_active_version(setup: Any) -> None:
    client, _, _ = setup
    created = await client.create_email_template(
        TemplateName="Welcome",
        EmailTemplateRequest={"Subject": "v1", "HtmlPart": "<p>1</p>", "tags": {"t": "1"}},
    )
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert created["CreateTemplateMessageBody"]["Arn"].endswith(":templates/Welcome/EMAIL")
    assert await _status_of(
        client.create_email_template(TemplateName="Welcome", EmailTemplateRequest={})
    ) == (400, "BadRequestException")

    await client.update_email_template(
        TemplateName="Welcome", CreateNewVersion=True, EmailTemplateRequest={"Subject": "v2"}
    )
    await client.update_email_template(
        TemplateName="Welcome", Version="2", EmailTemplateRequest={"Subject": "v2b"}
    )
    assert await _status_of(
        client.update_email_template(
            TemplateName="Welcome", Version="1", EmailTemplateRequest={"Subject": "x"}
        )
    ) == (400, "BadRequestException")

    async def subject(**kwargs: Any) -> tuple[str, str]:
        got = (await client.get_email_template(TemplateName="Welcome", **kwargs))[
            "EmailTemplateResponse"
        ]
        return got["Subject"], got["Version"]

    assert await subject() == ("v1", "1")  # version 1 stays active
    assert await subject(Version="2") == ("v2b", "2")
    await client.update_template_active_version(
        TemplateName="Welcome",
        TemplateType="EMAIL",
        TemplateActiveVersionRequest={"Version": "latest"},
    )
    assert await subject() == ("v2b", "2")
    versions = await client.list_template_versions(TemplateName="Welcome", TemplateType="EMAIL")
    items = versions["TemplateVersionsResponse"]["Item"]
    assert [(v["Version"], v["TemplateType"]) for v in items] == [("1", "EMAIL"), ("2", "EMAIL")]

    await client.delete_email_template(TemplateName="Welcome", Version="2")
    assert await subject() == ("v1", "1")
    await client.delete_email_template(TemplateName="Welcome")
    assert await _status_of(client.get_email_template(TemplateName="Welcome")) == (
        404,
        "NotFoundException",
    )


async def test_all_five_template_kinds_and_list_templates(setup: Any) -> None:
    client, _, _ = setup
    await client.create_email_template(TemplateName="a-email", EmailTemplateRequest={})
    await client.create_sms_template(TemplateName="a-sms", SMSTemplateRequest={"Body": "x"})
    await client.create_push_template(
        TemplateName="b-push", PushNotificationTemplateRequest={"Default": {"Body": "x"}}
    )
    await client.create_voice_template(TemplateName="a-voice", VoiceTemplateRequest={})
    await client.create_in_app_template(
        TemplateName="a-inapp", InAppTemplateRequest={"Layout": "BOTTOM_BANNER"}
    )
    assert (await client.get_sms_template(TemplateName="a-sms"))["SMSTemplateResponse"][
        "Body"
    ] == "x"
    assert (await client.get_in_app_template(TemplateName="a-inapp"))["InAppTemplateResponse"][
        "Layout"
    ] == "BOTTOM_BANNER"
    listed = (await client.list_templates())["TemplatesResponse"]["Item"]
    assert [t["TemplateType"] for t in listed] == ["EMAIL", "INAPP", "SMS", "VOICE", "PUSH"]
    prefixed = await client.list_templates(Prefix="a-", TemplateType="SMS")
    assert [t["TemplateName"] for t in prefixed["TemplatesResponse"]["Item"]] == ["a-sms"]


async def test_endpoints_users_attributes_and_events(setup: Any) -> None:
    client, fake, app_id = setup
    await client.update_endpoint(
        ApplicationId=app_id,
        EndpointId="e1",
        EndpointRequest={
            "ChannelType": "EMAIL",
            "Address": "a@example.com",
            "Attributes": {"interests": ["hiking"], "team": ["x"]},
            "User": {"UserId": "u1", "UserAttributes": {"plan": ["pro"]}},
        },
    )
    await client.update_endpoint(
        ApplicationId=app_id, EndpointId="e1", EndpointRequest={"Address": "b@example.com"}
    )
    endpoint = (await client.get_endpoint(ApplicationId=app_id, EndpointId="e1"))[
        "EndpointResponse"
    ]
    assert (endpoint["Address"], endpoint["ChannelType"], endpoint["OptOut"]) == (
        "b@example.com",
        "EMAIL",
        "NONE",
    )
    removed = await client.remove_attributes(
        ApplicationId=app_id,
        AttributeType="endpoint-custom-attributes",
        UpdateAttributesRequest={"Blacklist": ["team"]},
    )
    assert removed["AttributesResource"]["Attributes"] == ["team"]
    events = await client.put_events(
        ApplicationId=app_id,
        EventsRequest={
            "BatchItem": {
                "e2": {
                    "Endpoint": {"ChannelType": "SMS", "Address": "+1", "User": {"UserId": "u1"}},
                    "Events": {
                        "ev1": {"EventType": "cart.abandoned", "Timestamp": "2026-01-01T00:00:00Z"}
                    },
                }
            }
        },
    )
    item = events["EventsResponse"]["Results"]["e2"]
    assert item["EndpointItemResponse"]["StatusCode"] == 202
    assert item["EventsItemResponse"]["ev1"]["StatusCode"] == 202
    assert fake.events[0]["EventType"] == "cart.abandoned"

    user = (await client.get_user_endpoints(ApplicationId=app_id, UserId="u1"))[
        "EndpointsResponse"
    ]["Item"]
    assert sorted(e["Id"] for e in user) == ["e1", "e2"]
    assert user[0]["Attributes"] == {"interests": ["hiking"]}
    deleted = await client.delete_user_endpoints(ApplicationId=app_id, UserId="u1")
    assert len(deleted["EndpointsResponse"]["Item"]) == 2
    assert await _status_of(client.get_endpoint(ApplicationId=app_id, EndpointId="e1")) == (
        404,
        "NotFoundException",
    )
    assert await _status_of(client.get_user_endpoints(ApplicationId=app_id, UserId="u1")) == (
        404,
        "NotFoundException",
    )


async def test_import_and_export_jobs_reach_completed(setup: Any) -> None:
    client, _, app_id = setup
    job = (
        await client.create_import_job(
            ApplicationId=app_id,
            ImportJobRequest={
                "Format": "CSV",
                "RoleArn": "arn:aws:iam::123456789012:role/import",
                "S3Url": "s3://bucket/endpoints.csv",
                "DefineSegment": True,
                "SegmentName": "imported",
            },
        )
    )["ImportJobResponse"]
    assert job["JobStatus"] == "CREATED"
    statuses = [
        (await client.get_import_job(ApplicationId=app_id, JobId=job["Id"]))["ImportJobResponse"][
            "JobStatus"
        ]
        for _ in range(4)
    ]
    assert statuses == ["INITIALIZING", "PROCESSING", "COMPLETED", "COMPLETED"]
    segment_id = job["Definition"]["SegmentId"]
    segment = (await client.get_segment(ApplicationId=app_id, SegmentId=segment_id))[
        "SegmentResponse"
    ]
    assert segment["SegmentType"] == "IMPORT"
    listed = await client.get_segment_import_jobs(ApplicationId=app_id, SegmentId=segment_id)
    assert [j["Id"] for j in listed["ImportJobsResponse"]["Item"]] == [job["Id"]]

    export = (
        await client.create_export_job(
            ApplicationId=app_id,
            ExportJobRequest={"RoleArn": "arn:aws:iam::1:role/x", "S3UrlPrefix": "s3://b/"},
        )
    )["ExportJobResponse"]
    for _ in range(3):
        last = await client.get_export_job(ApplicationId=app_id, JobId=export["Id"])
    assert last["ExportJobResponse"]["JobStatus"] == "COMPLETED"
    assert last["ExportJobResponse"]["CompletionDate"]


@pytest.mark.parametrize(
    ("kind", "settings"),
    [
        ("adm", {"ClientId": "id", "ClientSecret": "secret"}),
        ("apns", {"TokenKey": "key", "TokenKeyId": "kid", "BundleId": "b", "TeamId": "t"}),
        ("apns_sandbox", {"Certificate": "c", "PrivateKey": "p"}),
        ("apns_voip", {"Certificate": "c", "PrivateKey": "p"}),
        ("apns_voip_sandbox", {"Certificate": "c", "PrivateKey": "p"}),
        ("baidu", {"ApiKey": "k", "SecretKey": "s"}),
        (
            "email",
            {"FromAddress": "a@example.com", "Identity": "arn:aws:ses:us-east-1:1:identity/a"},
        ),
        ("gcm", {"ApiKey": "k"}),
        ("sms", {"SenderId": "Shop"}),
        ("voice", {"Enabled": True}),
    ],
)
async def test_every_channel_kind(setup: Any, kind: str, settings: dict[str, Any]) -> None:
    client, _, app_id = setup
    request_member = {
        "adm": "ADMChannelRequest",
        "apns": "APNSChannelRequest",
        "apns_sandbox": "APNSSandboxChannelRequest",
        "apns_voip": "APNSVoipChannelRequest",
        "apns_voip_sandbox": "APNSVoipSandboxChannelRequest",
        "baidu": "BaiduChannelRequest",
        "email": "EmailChannelRequest",
        "gcm": "GCMChannelRequest",
        "sms": "SMSChannelRequest",
        "voice": "VoiceChannelRequest",
    }[kind]
    response_member = request_member.replace("Request", "Response")

    def call(verb: str, **kwargs: Any) -> Any:
        return getattr(client, f"{verb}_{kind}_channel")(ApplicationId=app_id, **kwargs)

    assert await _status_of(call("get")) == (404, "NotFoundException")
    first = (await call("update", **{request_member: settings}))[response_member]
    second = (await call("update", **{request_member: settings}))[response_member]
    assert (first["Version"], second["Version"]) == (1, 2)
    assert first["Platform"] == kind.upper() and first["ApplicationId"] == app_id
    assert "PrivateKey" not in first and "ClientSecret" not in first and "SecretKey" not in first
    channels = (await client.get_channels(ApplicationId=app_id))["ChannelsResponse"]["Channels"]
    assert list(channels) == [kind.upper()]
    assert (await call("delete"))[response_member]["Platform"] == kind.upper()
    assert await _status_of(call("get")) == (404, "NotFoundException")


async def test_event_stream_tags_and_settings(setup: Any) -> None:
    client, _, app_id = setup
    assert await _status_of(client.get_event_stream(ApplicationId=app_id)) == (
        404,
        "NotFoundException",
    )
    stream = {"DestinationStreamArn": "arn:aws:kinesis:us-east-1:1:stream/s", "RoleArn": "arn:r"}
    put = await client.put_event_stream(ApplicationId=app_id, WriteEventStream=stream)
    assert put["EventStream"]["ApplicationId"] == app_id
    await client.delete_event_stream(ApplicationId=app_id)
    assert await _status_of(client.delete_event_stream(ApplicationId=app_id)) == (
        404,
        "NotFoundException",
    )

    settings = await client.update_application_settings(
        ApplicationId=app_id,
        WriteApplicationSettingsRequest={"QuietTime": {"Start": "22:00", "End": "07:00"}},
    )
    assert settings["ApplicationSettingsResource"]["QuietTime"] == {
        "Start": "22:00",
        "End": "07:00",
    }

    segment = (
        await client.create_segment(
            ApplicationId=app_id, WriteSegmentRequest={"Name": "t", "tags": {"a": "1"}}
        )
    )["SegmentResponse"]
    assert segment["tags"] == {"a": "1"}
    await client.tag_resource(ResourceArn=segment["Arn"], TagsModel={"tags": {"b": "2"}})
    await client.untag_resource(ResourceArn=segment["Arn"], TagKeys=["a"])
    got = await client.get_segment(ApplicationId=app_id, SegmentId=segment["Id"])
    assert got["SegmentResponse"]["tags"] == {"b": "2"}
    assert (await client.list_tags_for_resource(ResourceArn=segment["Arn"]))["TagsModel"] == {
        "tags": {"b": "2"}
    }
    await client.delete_app(ApplicationId=app_id)
    assert (await client.list_tags_for_resource(ResourceArn=segment["Arn"]))["TagsModel"] == {
        "tags": {}
    }
    assert await _status_of(client.get_segment(ApplicationId=app_id, SegmentId=segment["Id"])) == (
        404,
        "NotFoundException",
    )


async def test_recommenders(setup: Any) -> None:
    client, _, _ = setup
    created = (
        await client.create_recommender_configuration(
            CreateRecommenderConfiguration={
                "RecommendationProviderRoleArn": "arn:aws:iam::1:role/r",
                "RecommendationProviderUri": "arn:aws:personalize:us-east-1:1:campaign/c",
                "Name": "picks",
            }
        )
    )["RecommenderConfigurationResponse"]
    assert created["RecommendationProviderIdType"] == "PINPOINT_ENDPOINT_ID"
    await client.update_recommender_configuration(
        RecommenderId=created["Id"],
        UpdateRecommenderConfiguration={
            "RecommendationProviderRoleArn": "arn:aws:iam::1:role/r",
            "RecommendationProviderUri": "arn:aws:personalize:us-east-1:1:campaign/c",
            "Name": "picks-2",
        },
    )
    listed = await client.get_recommender_configurations()
    assert [r["Name"] for r in listed["ListRecommenderConfigurationsResponse"]["Item"]] == [
        "picks-2"
    ]
    await client.delete_recommender_configuration(RecommenderId=created["Id"])
    assert await _status_of(client.get_recommender_configuration(RecommenderId=created["Id"])) == (
        404,
        "NotFoundException",
    )


async def test_kpis_and_journey_metrics_are_well_formed_and_empty(setup: Any) -> None:
    client, _, app_id = setup
    kpi = await client.get_application_date_range_kpi(
        ApplicationId=app_id, KpiName="successful-delivery-rate"
    )
    result = kpi["ApplicationDateRangeKpiResponse"]
    assert result["KpiResult"] == {"Rows": []} and result["StartTime"] < result["EndTime"]
    journey = (
        await client.create_journey(
            ApplicationId=app_id,
            WriteJourneyRequest={
                "Name": "m",
                "State": "ACTIVE",
                "StartActivity": "w",
                "Activities": {"w": {"Wait": {"WaitTime": {"WaitFor": "PT1H"}}}},
            },
        )
    )["JourneyResponse"]
    metrics = await client.get_journey_execution_activity_metrics(
        ApplicationId=app_id, JourneyId=journey["Id"], JourneyActivityId="w"
    )
    assert metrics["JourneyExecutionActivityMetricsResponse"]["ActivityType"] == "Wait"
    assert metrics["JourneyExecutionActivityMetricsResponse"]["Metrics"] == {}
    run_id = (await client.get_journey_runs(ApplicationId=app_id, JourneyId=journey["Id"]))[
        "JourneyRunsResponse"
    ]["Item"][0]["RunId"]
    run = await client.get_journey_run_execution_metrics(
        ApplicationId=app_id, JourneyId=journey["Id"], RunId=run_id
    )
    assert run["JourneyRunExecutionMetricsResponse"]["RunId"] == run_id
    assert await _status_of(
        client.get_journey_run_execution_metrics(
            ApplicationId=app_id, JourneyId=journey["Id"], RunId="0" * 32
        )
    ) == (404, "NotFoundException")
    assert await _status_of(
        client.get_campaign_date_range_kpi(
            ApplicationId=app_id, CampaignId="0" * 32, KpiName="unique-deliveries"
        )
    ) == (404, "NotFoundException")
