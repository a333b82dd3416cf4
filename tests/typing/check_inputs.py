"""Type-checker proof of the inputs (issue 12): checked by mypy --strict and basedpyright, never run.

Wherever a request takes a model it also takes a typed dict, with snake_case keys
(``XParam``) or botocore's member names (``XWireParam``); wherever it takes an enum it also
takes the value as a string; lists and maps are ``Sequence``/``Mapping``. Results keep their
precise types. Lines ending in an expected-error comment must be reported: both checkers fail
on an ignore comment that is no longer needed.
"""

from __future__ import annotations

from datetime import datetime, timezone

from typing_extensions import assert_type

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.builders import Dimensions, JourneyBuilder
from pinpoint_sdk.models import (
    AddressConfiguration,
    CampaignStatus,
    ChannelType,
    CustomMessageActivity,
    EndpointTypesElement,
    Frequency,
    MessageType,
    Schedule,
    SMSMessage,
    WriteCampaignRequest,
    WriteTreatmentResource,
)
from pinpoint_sdk.params import (
    AddressConfigurationParam,
    ChannelTypeLiteral,
    MessageConfigurationParam,
    MessageTypeLiteral,
    ScheduleParam,
    ScheduleWireParam,
    SMSMessageParam,
    WriteCampaignRequestParam,
    WriteCampaignRequestWireParam,
)


async def the_issue_script(client: PinpointClient, app_id: str, seg_id: str) -> None:
    # Verbatim from issue 12: each of these three was an error for both checkers.
    # fmt: off
    await client.campaigns.create(
        app_id, name="x", segment_id=seg_id,
        message_configuration={"SMSMessage": {"Body": "hi"}},        # dict: rejected, model expected
        schedule={"start_time": "IMMEDIATE", "frequency": "ONCE"},     # dict: rejected
    )
    SMSMessage(message_type="TRANSACTIONAL")                           # str: rejected, enum expected
    # fmt: on


async def nested_typed_dicts(client: PinpointClient, app_id: str, seg_id: str) -> None:
    message: MessageConfigurationParam = {
        "sms_message": {"body": "hi", "message_type": "PROMOTIONAL"},
        "default_message": {"body": "hello"},
    }
    schedule: ScheduleParam = {
        "start_time": "2027-01-04T09:00:00Z",
        "end_time": "2027-02-04T09:00:00Z",
        "frequency": "WEEKLY",
        "quiet_time": {"start": "22:00", "end": "07:00"},
        "event_filter": {"filter_type": "ENDPOINT", "dimensions": {"event_type": {"values": []}}},
    }
    await client.campaigns.create(
        app_id, name="spring", segment_id=seg_id, message_configuration=message, schedule=schedule
    )
    # The body as one dict, either spelling, nested dicts in either spelling too.
    snake: WriteCampaignRequestParam = {
        "name": "spring",
        "schedule": {"StartTime": "IMMEDIATE"},
        "tags": {"team": "growth"},
    }
    wire: WriteCampaignRequestWireParam = {
        "Name": "spring",
        "Schedule": {"start_time": "IMMEDIATE", "timezone": "UTC"},
        "SegmentId": seg_id,
    }
    await client.campaigns.create(app_id, snake)
    await client.campaigns.update(app_id, "campaign", request=wire)
    await client.campaigns.create(app_id, request={"name": "inline", "holdout_percent": 10})
    # Models built from dicts: the constructors take the same input types.
    WriteCampaignRequest(name="x", schedule={"start_time": "IMMEDIATE", "frequency": "ONCE"})
    wire_schedule: ScheduleWireParam = {"StartTime": "IMMEDIATE", "Frequency": "DAILY"}
    WriteCampaignRequest(schedule=wire_schedule)


async def lists_and_maps_mix_models_and_dicts(client: PinpointClient, app_id: str) -> None:
    await client.campaigns.create(
        app_id,
        name="ab",
        additional_treatments=[
            WriteTreatmentResource(size_percent=10),
            {"size_percent": 20, "treatment_name": "b"},
            {"SizePercent": 30, "TreatmentName": "c"},
        ],
    )
    await client.messages.send(
        app_id,
        addresses={
            "a@example.com": AddressConfiguration(channel_type=ChannelType.EMAIL),
            "b@example.com": {"channel_type": "EMAIL"},
            "+15550100": {"ChannelType": "SMS", "Substitutions": {"name": ("Ada",)}},
        },
        message_configuration={"sms_message": SMSMessage(body="hi")},
    )
    # Invariance no longer gets in the way: Mapping and Sequence are covariant.
    built: dict[str, AddressConfiguration] = {"c@example.com": AddressConfiguration()}
    typed: dict[str, AddressConfigurationParam] = {"d@example.com": {"channel_type": "EMAIL"}}
    models_only: list[WriteTreatmentResource] = [WriteTreatmentResource(size_percent=50)]
    await client.messages.send(app_id, addresses=built, message_configuration={})
    await client.messages.send(app_id, addresses=typed, message_configuration={})
    await client.campaigns.create(app_id, name="t", additional_treatments=models_only)
    await client.campaigns.create(app_id, name="t", additional_treatments=tuple(models_only))


async def literal_strings_for_every_kind_of_enum_field(client: PinpointClient, app_id: str) -> None:
    # A model's constructor, a typed dict's key, a list of enum values, a method argument.
    SMSMessage(message_type="TRANSACTIONAL")
    SMSMessage(message_type=MessageType.PROMOTIONAL)  # the members still work
    sms: SMSMessageParam = {"message_type": "TRANSACTIONAL"}
    CustomMessageActivity(endpoint_types=["GCM", EndpointTypesElement.APNS])
    await client.jobs.create_import(
        app_id, format="CSV", role_arn="arn:aws:iam::1:role/r", s3_url="s3://b/k"
    )
    await client.segments.create(
        app_id,
        name="gold",
        dimensions={"demographic": {"channel": {"dimension_type": "INCLUSIVE", "values": ["SMS"]}}},
    )
    # The Literal aliases are public, for your own signatures.
    kind: MessageTypeLiteral = "PROMOTIONAL"
    channel: ChannelTypeLiteral = "EMAIL"
    SMSMessage(message_type=kind, body=str(sms))
    AddressConfiguration(channel_type=channel)
    # Builders follow the same rules.
    Dimensions().channel().is_in("EMAIL", ChannelType.SMS)
    JourneyBuilder("welcome").sms("welcome", message_type="TRANSACTIONAL")


async def results_keep_their_types(client: PinpointClient, app_id: str) -> None:
    campaign = await client.campaigns.create(
        app_id, name="x", schedule={"start_time": "IMMEDIATE", "frequency": Frequency.ONCE}
    )
    assert campaign.schedule is not None and campaign.schedule.quiet_time is not None
    assert_type(campaign.schedule.quiet_time.start, str | None)
    assert_type(campaign.schedule.frequency, Frequency | None)
    assert campaign.state is not None
    status = campaign.state.campaign_status
    assert_type(status, CampaignStatus | None)
    if status == "COMPLETED":  # a response enum compares equal to the plain string
        pass
    request = WriteCampaignRequest(schedule={"start_time": "IMMEDIATE"}, tags={"a": "b"})
    assert_type(request.schedule, Schedule | None)
    assert_type(request.tags, dict[str, str] | None)


async def mistakes_are_reported(client: PinpointClient) -> None:
    when = datetime(2027, 1, 4, tzinfo=timezone.utc)
    # A misspelt key, snake_case or botocore's spelling, at the top or nested.
    WriteCampaignRequest(schedule={"start_tme": "IMMEDIATE"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    WriteCampaignRequest(schedule={"StartTme": "IMMEDIATE"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    _m: MessageConfigurationParam = {"sms_message": {"bdy": "hi"}}  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType]
    _s: ScheduleParam = {"start_time": "IMMEDIATE", "frequncy": "ONCE"}  # type: ignore[typeddict-unknown-key]  # pyright: ignore[reportAssignmentType]
    # A wrong literal: in a constructor, a dict, a list, a method argument, a builder.
    SMSMessage(message_type="TRANSACTIONALL")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    _t: SMSMessageParam = {"message_type": "TRANSACTIONALL"}  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType]
    CustomMessageActivity(endpoint_types=["GCMM"])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    await client.jobs.create_import("app", format="CVS", role_arn="r", s3_url="s")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    Dimensions().channel().is_in("EMIAL")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    JourneyBuilder("j").sms("t", message_type="TRANSACTIONALL")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # A missing required key, at the top or nested.
    _q: ScheduleParam = {"frequency": "ONCE"}  # type: ignore[typeddict-item]  # pyright: ignore[reportAssignmentType]
    WriteCampaignRequest(additional_treatments=[{"treatment_name": "b"}])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    # A wrong nested type.
    WriteCampaignRequest(schedule={"start_time": when})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    WriteCampaignRequest(message_configuration={"sms_message": {"body": 5}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    WriteCampaignRequest(additional_treatments=WriteTreatmentResource(size_percent=1))  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # A string where a list of strings goes (a str is a Sequence[str], but not here).
    _a: AddressConfigurationParam = {"substitutions": {"name": "Ada"}}  # type: ignore[dict-item]  # pyright: ignore[reportAssignmentType]
