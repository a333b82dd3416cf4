"""Paging edge cases, reset, seeding, direct invocation and thread safety."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from pinpoint_fake_support import inprocess_client

from pinpoint_sdk.testing import DEFAULT_PAGE_SIZE, FakePinpoint, OutboxMessage, ServiceError


def _apps(fake: FakePinpoint, count: int) -> list[str]:
    ids = []
    for index in range(count):
        app = fake.invoke("CreateApp", {"CreateApplicationRequest": {"Name": f"app-{index}"}})
        assert app is not None
        ids.append(app["Id"])
    return ids


def _pages(fake: FakePinpoint, page_size: str | None) -> list[list[str]]:
    pages: list[list[str]] = []
    params: dict[str, Any] = {} if page_size is None else {"PageSize": page_size}
    while True:
        page = fake.invoke("GetApps", params)
        assert page is not None
        pages.append([item["Id"] for item in page["Item"]])
        if "NextToken" not in page:
            return pages
        params["Token"] = page["NextToken"]


def test_a_full_last_page_has_no_next_token() -> None:
    fake = FakePinpoint()
    ids = _apps(fake, 4)
    assert _pages(fake, "2") == [ids[:2], ids[2:]]
    assert _pages(fake, "4") == [ids]
    assert _pages(fake, "10") == [ids]


def test_empty_list_and_default_page_size() -> None:
    fake = FakePinpoint()
    assert _pages(fake, None) == [[]]
    ids = _apps(fake, DEFAULT_PAGE_SIZE + 1)
    assert [len(page) for page in _pages(fake, None)] == [DEFAULT_PAGE_SIZE, 1]
    assert [app_id for page in _pages(fake, "3") for app_id in page] == ids


@pytest.mark.parametrize("page_size", ["0", "-1", "two"])
def test_invalid_page_size_is_a_400(page_size: str) -> None:
    with pytest.raises(ServiceError) as raised:
        FakePinpoint().invoke("GetApps", {"PageSize": page_size})
    assert (raised.value.status, raised.value.code) == (400, "BadRequestException")
    assert "page-size" in raised.value.message


def test_a_token_the_fake_did_not_issue_is_a_400() -> None:
    with pytest.raises(ServiceError) as raised:
        FakePinpoint().invoke("GetApps", {"Token": "not-a-token"})
    assert raised.value.status == 400 and "token" in raised.value.message.lower()


async def test_next_token_operations_page_too() -> None:
    fake = FakePinpoint()
    for index in range(5):
        fake.invoke(
            "CreateSmsTemplate", {"TemplateName": f"t{index}", "SMSTemplateRequest": {"Body": "b"}}
        )
    async with inprocess_client(fake) as client:
        first = (await client.list_templates(PageSize="3"))["TemplatesResponse"]
        second = (await client.list_templates(PageSize="3", NextToken=first["NextToken"]))[
            "TemplatesResponse"
        ]
    assert [t["TemplateName"] for t in first["Item"] + second["Item"]] == [
        f"t{i}" for i in range(5)
    ]
    assert "NextToken" not in second


def test_reset_forgets_everything() -> None:
    fake = FakePinpoint()
    _apps(fake, 2)
    fake.faults.throttle(5)
    fake.outbox.append(
        OutboxMessage("m", "a", "SendMessages", "SMS", "+1", None, None, None, None, None, "t", "r")
    )
    fake.reset()
    page = fake.invoke("GetApps")
    assert page == {"Item": []}
    assert len(fake.outbox) == 0 and fake.requests == []
    assert fake.faults.decide("GetApps") == (None, 0.0)


SEED: dict[str, Any] = {
    "apps": [
        {
            "Id": "0123456789abcdef0123456789abcdef",
            "Name": "seeded",
            "tags": {"env": "test"},
            "settings": {"QuietTime": {"Start": "22:00", "End": "07:00"}},
            "segments": [{"Id": "5e" * 16, "Name": "all"}],
            "campaigns": [{"Id": "ca" * 16, "Name": "promo", "SegmentId": "5e" * 16}],
            "journeys": [{"Name": "j", "State": "ACTIVE", "RefreshFrequency": "PT1H"}],
            "endpoints": [{"Id": "e1", "ChannelType": "SMS", "Address": "+1"}],
            "channels": {"sms": {"SenderId": "Shop"}},
            "event_stream": {"DestinationStreamArn": "arn:s", "RoleArn": "arn:r"},
        }
    ],
    "templates": [{"TemplateName": "Hello", "TemplateType": "SMS", "Body": "Hi {{Name}}"}],
    "recommenders": [
        {"RecommendationProviderRoleArn": "arn:r", "RecommendationProviderUri": "arn:u"}
    ],
}


async def test_seeded_resources_are_served_over_the_wire() -> None:
    fake = FakePinpoint(seed=SEED)
    app_id = "0123456789abcdef0123456789abcdef"
    async with inprocess_client(fake) as client:
        app = (await client.get_app(ApplicationId=app_id))["ApplicationResponse"]
        assert (app["Name"], app["tags"]) == ("seeded", {"env": "test"})
        campaign = await client.get_campaign(ApplicationId=app_id, CampaignId="ca" * 16)
        assert campaign["CampaignResponse"]["SegmentId"] == "5e" * 16
        journeys = (await client.list_journeys(ApplicationId=app_id))["JourneysResponse"]["Item"]
        assert [j["State"] for j in journeys] == ["ACTIVE"]
        assert (await client.get_endpoint(ApplicationId=app_id, EndpointId="e1"))[
            "EndpointResponse"
        ]["Address"] == "+1"
        assert (await client.get_sms_channel(ApplicationId=app_id))["SMSChannelResponse"][
            "SenderId"
        ] == "Shop"
        assert (await client.get_sms_template(TemplateName="Hello"))["SMSTemplateResponse"][
            "Body"
        ] == "Hi {{Name}}"
    assert fake.requests[0].operation == "GetApp"  # seeding is not recorded as requests


def test_a_bad_seed_says_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="Unknown seed keys"):
        FakePinpoint(seed={"applications": []})
    with pytest.raises(ServiceError, match="Name"):
        FakePinpoint(seed={"apps": [{"journeys": [{"State": "DRAFT"}]}]})


def test_invoke_validates_and_answers_like_the_service() -> None:
    fake = FakePinpoint()
    with pytest.raises(ServiceError) as raised:
        fake.invoke("GetApp", {"ApplicationId": "nope"})
    assert (raised.value.status, raised.value.code) == (404, "NotFoundException")
    with pytest.raises(ValueError, match="no operation"):
        fake.invoke("MakeCoffee")
    with pytest.raises(ServiceError) as missing_number:
        fake.invoke("PhoneNumberValidate", {"NumberValidateRequest": {}})
    assert missing_number.value.status == 400 and "'PhoneNumber'" in missing_number.value.message


def test_concurrent_threads_never_lose_an_update() -> None:
    fake = FakePinpoint()
    (app_id,) = _apps(fake, 1)
    segment = fake.invoke(
        "CreateSegment", {"ApplicationId": app_id, "WriteSegmentRequest": {"Name": "s"}}
    )
    assert segment is not None

    def work() -> None:
        for _ in range(50):
            fake.invoke(
                "UpdateSegment",
                {
                    "ApplicationId": app_id,
                    "SegmentId": segment["Id"],
                    "WriteSegmentRequest": {"Name": "s"},
                },
            )

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latest = fake.invoke("GetSegment", {"ApplicationId": app_id, "SegmentId": segment["Id"]})
    assert latest is not None and latest["Version"] == 201
