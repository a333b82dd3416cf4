"""The control API's endpoints, answered without a socket (``handle_control``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pinpoint_sdk.testing import FakePinpoint, WireRequest
from pinpoint_sdk.testing._control import handle_control

SMS = {"SMSMessage": {"Body": "hi", "MessageType": "TRANSACTIONAL"}}


def call(fake: FakePinpoint, method: str, url: str, body: Any = None) -> tuple[int, Any]:
    raw = b"" if body is None else body if isinstance(body, bytes) else json.dumps(body).encode()
    response = handle_control(fake, WireRequest.from_url(method, url, body=raw))
    assert response.headers["Content-Type"] == "application/json"
    return response.status, response.json()


def _send(fake: FakePinpoint, region: str, address: str) -> None:
    [app_id] = fake.seed({"apps": [{"Name": region}]}, region=region)
    fake.invoke(
        "SendMessages",
        {
            "ApplicationId": app_id,
            "MessageRequest": {
                "Addresses": {address: {"ChannelType": "SMS"}},
                "MessageConfiguration": SMS,
            },
        },
        region=region,
    )


def test_health_names_the_default_region_and_the_coverage() -> None:
    fake = FakePinpoint(region="eu-north-1")
    assert call(fake, "GET", "/_fake/health") == (
        200,
        {
            "status": "ok",
            "service": "FakePinpoint",
            "default_region": "eu-north-1",
            "regions": [],
            "operations": 122,
        },
    )


def test_the_outbox_filters_and_clears_by_region() -> None:
    fake = FakePinpoint()
    _send(fake, "us-east-1", "+12065550100")
    _send(fake, "eu-west-1", "+447700900123")
    status, everything = call(fake, "GET", "/_fake/outbox")
    assert status == 200 and len(everything["messages"]) == 2
    by_address = call(fake, "GET", "/_fake/outbox?address=%2B447700900123")[1]["messages"]
    assert [m["region"] for m in by_address] == ["eu-west-1"]
    assert call(fake, "GET", "/_fake/outbox?channel=EMAIL")[1] == {"messages": []}
    assert call(fake, "DELETE", "/_fake/outbox?region=eu-west-1") == (200, {"cleared": 1})
    assert [m.address for m in fake.outbox] == ["+12065550100"]
    assert call(fake, "DELETE", "/_fake/outbox") == (200, {"cleared": 1})


def test_reset_one_region_or_all() -> None:
    fake = FakePinpoint()
    _send(fake, "us-east-1", "+12065550100")
    _send(fake, "eu-west-1", "+447700900123")
    assert call(fake, "POST", "/_fake/reset", {"region": "eu-west-1"}) == (
        200,
        {"reset": "eu-west-1"},
    )
    assert fake.regions == ["us-east-1"] and len(fake.outbox) == 1
    assert call(fake, "POST", "/_fake/reset") == (200, {"reset": "all"})
    assert fake.regions == [] and len(fake.outbox) == 0


def test_seed_takes_a_seed_object() -> None:
    fake = FakePinpoint()
    status, seeded = call(
        fake,
        "POST",
        "/_fake/seed",
        {"data": {"apps": [{"Id": "a" * 32, "Name": "x"}]}, "region": "ap-northeast-1"},
    )
    assert (status, seeded) == (200, {"region": "ap-northeast-1", "application_ids": ["a" * 32]})
    assert fake.invoke("GetApp", {"ApplicationId": "a" * 32}, region="ap-northeast-1")


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({}, 'give either "export"'),
        ({"export": "/x", "data": {}}, 'give either "export"'),
        ({"data": []}, "data must be a JSON object"),
        ({"data": {"applications": []}}, "Unknown seed keys"),
        ({"data": {"apps": [{"segments": [{"Dimensions": 3}]}]}}, "BadRequestException"),
        ({"export": "/no/such/folder"}, "not an export folder"),
        ({"data": {}, "colour": "red"}, "unknown fields: colour"),
    ],
)
def test_a_bad_seed_is_a_400_saying_why(body: dict[str, Any], error: str) -> None:
    status, answer = call(FakePinpoint(), "POST", "/_fake/seed", body)
    assert status == 400 and error in answer["error"]


def _answer(fake: FakePinpoint, operation_path: str = "/v1/apps") -> int | None:
    outcome = fake.handle(WireRequest.from_url("GET", operation_path))
    return None if outcome.response is None else outcome.response.status


def test_faults_of_every_kind_reach_the_next_calls() -> None:
    fake = FakePinpoint()
    rules: list[dict[str, Any]] = [
        {"kind": "throttle", "operation": "GetApps"},
        {"kind": "error", "status": 503, "operation": ["GetApps", "GetApp"]},
        {"kind": "drop"},
        {"kind": "corrupt", "body": "html"},
    ]
    for rule in rules:
        assert call(fake, "POST", "/_fake/faults", rule) == (201, {"added": rule})
    assert [_answer(fake) for _ in range(5)] == [429, 503, None, 502, 200]
    assert [r.fault for r in fake.calls("GetApps")][:4] == [
        "throttle",
        "error 503",
        "drop",
        "corrupt html 502 after acting",
    ]


def test_times_null_faults_every_call_until_cleared() -> None:
    fake = FakePinpoint()
    call(fake, "POST", "/_fake/faults", {"kind": "throttle", "times": None})
    assert [_answer(fake) for _ in range(3)] == [429, 429, 429]
    assert call(fake, "DELETE", "/_fake/faults") == (200, {"cleared": True})
    assert _answer(fake) == 200


def test_latency_and_random_faults_take_their_parameters() -> None:
    fake = FakePinpoint()
    call(fake, "POST", "/_fake/faults", {"kind": "latency", "seconds": 0.25, "times": 1})
    assert fake.faults.decide("GetApps") == (None, 0.25)
    assert fake.faults.decide("GetApps") == (None, 0.0)
    call(fake, "POST", "/_fake/faults", {"kind": "drop", "probability": 1.0, "times": 2})
    assert [_answer(fake) for _ in range(3)] == [None, None, 200]
    call(fake, "POST", "/_fake/faults", {"kind": "error", "status": 502, "probability": 0.0})
    assert [_answer(fake) for _ in range(3)] == [200, 200, 200]


@pytest.mark.parametrize(
    ("rule", "error"),
    [
        ({"kind": "flood"}, "kind must be throttle, error, drop, corrupt or latency"),
        ({"kind": "error", "status": 404}, "status must be one of"),
        ({"kind": "throttle", "times": 0}, "times must be at least 1"),
        ({"kind": "throttle", "times": "twice"}, "times must be a whole number"),
        ({"kind": "throttle", "operation": 3}, "operation must be"),
        ({"kind": "throttle", "after_acting": "yes"}, "after_acting must be"),
        ({"kind": "corrupt", "probability": 0.5}, "probability applies to"),
        ({"kind": "latency", "seconds": -1}, "must not be negative"),
        ({"kind": "throttle", "weight": 1}, "unknown fields: weight"),
    ],
)
def test_a_bad_fault_rule_is_a_400_and_adds_nothing(rule: dict[str, Any], error: str) -> None:
    fake = FakePinpoint()
    status, answer = call(fake, "POST", "/_fake/faults", rule)
    assert status == 400 and error in answer["error"]
    assert _answer(fake) == 200


def test_phone_numbers_are_programmed_listed_and_cleared() -> None:
    fake = FakePinpoint()
    rule = {"number": "+12065551234", "phone_type": "LANDLINE", "carrier": "Fake Bell"}
    assert call(fake, "POST", "/_fake/phone-numbers", rule) == (201, {"programmed": rule})
    assert call(fake, "GET", "/_fake/phone-numbers") == (200, {"rules": [rule]})
    answer = fake.invoke(
        "PhoneNumberValidate", {"NumberValidateRequest": {"PhoneNumber": rule["number"]}}
    )
    assert answer is not None and (answer["PhoneType"], answer["Carrier"]) == (
        "LANDLINE",
        "Fake Bell",
    )
    status, bad = call(fake, "POST", "/_fake/phone-numbers", {"prefix": "+1", "phone_type": "CELL"})
    assert status == 400 and "phone_type must be one of" in bad["error"]
    assert call(fake, "DELETE", "/_fake/phone-numbers") == (200, {"cleared": True})
    assert fake.phone_numbers.rules == []


def test_unknown_paths_methods_and_bodies_answer_in_json() -> None:
    fake = FakePinpoint()
    status, answer = call(fake, "GET", "/_fake/stats")
    assert status == 404 and "/_fake/outbox" in answer["error"]
    response = handle_control(fake, WireRequest.from_url("PUT", "/_fake/outbox"))
    assert response.status == 405 and response.headers["Allow"] == "GET, DELETE"
    status, answer = call(fake, "POST", "/_fake/reset", b"{not json")
    assert status == 400 and "not valid JSON" in answer["error"]
    status, answer = call(fake, "POST", "/_fake/reset", [1, 2])
    assert status == 400 and "JSON object" in answer["error"]
