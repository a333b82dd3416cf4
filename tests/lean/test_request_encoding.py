"""The lean path builds, for every operation, the request botocore's serializer builds.

The reference is botocore itself: ``create_serializer("rest-json")`` (without validation, as
the SDK runs it) and ``prepare_request_dict``, compared on method, URL (path and query as
sent), headers and body bytes; for generated inputs of every one of the 122 operations, for
ids that need percent-encoding, and for the values botocore converts on the way (timestamps,
blobs, renamed members, non-finite doubles, booleans and lists in the query).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from botocore.awsrequest import prepare_request_dict
from botocore.model import ServiceModel
from botocore.serialize import Serializer, create_serializer
from botocore.utils import percent_encode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lean_support import binding, request
from support.examples import journey, journey_names
from support.shapes import operation, sample, service_model, strategy

from pinpoint_sdk import PinpointValidationError
from pinpoint_sdk._lean import binding_for, build_request
from pinpoint_sdk._lean._encoding import encode_greedy_label, encode_label, format_timestamp
from pinpoint_sdk._lean._endpoint import Endpoint
from pinpoint_sdk._requests import REQUESTS

ENDPOINT = "https://pinpoint.us-east-1.amazonaws.com"
OPERATIONS = sorted(service_model().operation_names)
#: Ids a caller may well have: slashes, spaces, non-ASCII text, and the characters that are
#: escapes or separators somewhere (``+``, ``%``, ``~``, ``&``, ``=``, ``?``, ``#``).
AWKWARD_IDS = [
    "id with/slash+plus",
    "50% off & more?=#",
    "tilde~dash-dot.under_score",
    "zürich café",
    "日本語のキャンペーン",
    "emoji 🎉 party",
    "already%20encoded",
    "",
]
_serializer = create_serializer("rest-json", include_validation=False)


def botocore_request(
    operation_name: str, params: dict[str, Any]
) -> tuple[str, str, dict[str, Any], bytes]:
    """Method, URL, headers and body as botocore serializes ``params``."""
    serialized = _serializer.serialize_to_request(params, operation(operation_name))
    prepare_request_dict(serialized, ENDPOINT)
    return serialized["method"], serialized["url"], serialized["headers"], serialized["body"]


def lean_request(
    operation_name: str, params: dict[str, Any]
) -> tuple[str, str, dict[str, Any], bytes]:
    """The same four as the lean path builds them."""
    built = request(operation_name, **params)
    url = Endpoint(ENDPOINT).url_for(built.path, built.query)
    return built.method, url, dict(built.headers), built.body


def with_ids(operation_name: str, params: dict[str, Any], ident: str) -> dict[str, Any]:
    shape = operation(operation_name).input_shape
    for name, member in shape.members.items() if shape is not None else ():
        if member.serialization.get("location") == "uri":
            params[name] = f"{ident}-{name}"
    return params


@pytest.mark.parametrize("operation_name", OPERATIONS)
def test_every_operation_with_every_member_set_is_built_as_botocore_builds_it(
    operation_name: str,
) -> None:
    shape = operation(operation_name).input_shape
    for ident in AWKWARD_IDS[:4]:
        params = with_ids(operation_name, sample(shape) if shape else {}, ident)
        assert lean_request(operation_name, params) == botocore_request(operation_name, params)


@cache
def _input_strategy(operation_name: str) -> st.SearchStrategy[dict[str, Any]]:
    shape = operation(operation_name).input_shape
    return strategy(shape) if shape is not None else st.just({})


@pytest.mark.parametrize("operation_name", OPERATIONS)
@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_operation_with_generated_input_is_built_as_botocore_builds_it(
    operation_name: str, data: st.DataObject
) -> None:
    params = data.draw(_input_strategy(operation_name), label="params")
    ident = data.draw(st.sampled_from(AWKWARD_IDS) | st.text(max_size=12), label="id")
    params = with_ids(operation_name, params, ident)
    assert lean_request(operation_name, params) == botocore_request(operation_name, params)


@pytest.mark.parametrize("ident", AWKWARD_IDS)
def test_path_labels_are_percent_encoded_as_botocore_encodes_them(ident: str) -> None:
    assert encode_label(ident) == percent_encode(ident)
    assert encode_greedy_label(ident) == percent_encode(ident, safe="/~")


@given(st.text() | st.integers() | st.binary())
def test_any_label_is_percent_encoded_as_botocore_encodes_it(value: Any) -> None:
    try:
        expected = percent_encode(value)
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            encode_label(value)
        return
    assert encode_label(value) == expected


@pytest.mark.parametrize("timestamp_format", ["iso8601", "unixTimestamp", "rfc822"])
@pytest.mark.parametrize(
    "value",
    [
        datetime(2027, 1, 4, 9, 0, tzinfo=timezone.utc),
        datetime(2027, 1, 4, 9, 0, 0, 250_000, tzinfo=timezone.utc),
        datetime(2027, 1, 4, 9, 0, 0, 3_691, tzinfo=timezone(timedelta(hours=-7))),
        datetime(2027, 1, 4, 9, 0),  # naive: taken as UTC
        "2027-01-04T09:00:00+02:00",
        "2027-01-04",
        1_800_000_000,
    ],
)
def test_timestamps_are_written_in_the_models_format_as_botocore_writes_them(
    timestamp_format: str, value: Any
) -> None:
    expected = Serializer()._convert_timestamp_to_str(value, timestamp_format)
    assert format_timestamp(value, timestamp_format) == expected


def test_the_journey_schedule_timestamps_go_out_in_iso8601_in_the_body() -> None:
    params = {
        "ApplicationId": "app",
        "WriteJourneyRequest": {
            "Name": "j",
            "Schedule": {
                "StartTime": datetime(2027, 1, 4, 9, 0, tzinfo=timezone(timedelta(hours=2))),
                "EndTime": datetime(2027, 1, 5, 9, 0, 0, 500),
            },
        },
    }
    built = lean_request("CreateJourney", params)
    assert built == botocore_request("CreateJourney", params)
    assert b'"StartTime": "2027-01-04T07:00:00Z"' in built[3]
    assert b'"EndTime": "2027-01-05T09:00:00.000500Z"' in built[3]


@pytest.mark.parametrize("name", journey_names())
def test_journey_bodies_rename_segment_dimensions_deep_inside_as_botocore_does(name: str) -> None:
    params = {"ApplicationId": "app", "WriteJourneyRequest": journey(name)}
    built = lean_request("CreateJourney", params)
    assert built == botocore_request("CreateJourney", params)
    assert b'"SegmentDimensions"' not in built[3]


def test_a_condition_deep_in_a_journey_keeps_its_member_order_when_renamed() -> None:
    condition = {
        "EventCondition": {"MessageActivity": "x"},
        "SegmentDimensions": {},
        "SegmentCondition": {"SegmentId": "s"},
    }
    activity = {"ConditionalSplit": {"Condition": {"Conditions": [condition], "Operator": "ALL"}}}
    params = {
        "ApplicationId": "a",
        "WriteJourneyRequest": {"Name": "j", "Activities": {"a1": activity}},
    }
    built = lean_request("CreateJourney", params)
    assert built == botocore_request("CreateJourney", params)
    assert (
        b'{"EventCondition": {"MessageActivity": "x"}, "segmentDimensions": {}, "SegmentCondition"'
        in built[3]
    )
    assert "SegmentDimensions" in condition  # the caller's params are left as they were


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), float("-inf"), Decimal("2.5"), 1e308, -0.0, 7]
)
def test_doubles_are_written_as_botocore_writes_them_non_finite_ones_as_names(value: Any) -> None:
    params = {
        "ApplicationId": "app",
        "EndpointRequest": {"Metrics": {"score": value}, "Location": {"Latitude": value}},
        "EndpointId": "e",
    }
    assert lean_request("UpdateEndpoint", params) == botocore_request("UpdateEndpoint", params)


@pytest.mark.parametrize("data", [b"\x00\xffraw", "text is encoded as UTF-8 first: é"])
def test_raw_email_data_goes_out_as_base64_as_botocore_writes_it(data: Any) -> None:
    email = {"RawEmail": {"Data": data}, "FromAddress": "a@example.com"}
    params = {
        "ApplicationId": "app",
        "MessageRequest": {"Addresses": {}, "MessageConfiguration": {"EmailMessage": email}},
    }
    assert lean_request("SendMessages", params) == botocore_request("SendMessages", params)


def test_a_send_to_100_addresses_is_the_same_body_botocore_sends() -> None:
    addresses = {
        f"+1555010{n:04d}": {"ChannelType": "SMS", "Context": {"n": str(n)}} for n in range(100)
    }
    message = {"SMSMessage": {"Body": "Votre code est 123456 ✓", "MessageType": "TRANSACTIONAL"}}
    params = {
        "ApplicationId": "app",
        "MessageRequest": {"Addresses": addresses, "MessageConfiguration": message},
    }
    built = lean_request("SendMessages", params)
    assert built == botocore_request("SendMessages", params)
    assert built[2] == {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("operation_name", "params"),
    [
        (
            "UntagResource",
            {"ResourceArn": "arn:aws:mobiletargeting:x", "TagKeys": ["a b", "c&d", "é"]},
        ),
        ("UntagResource", {"ResourceArn": "arn", "TagKeys": []}),  # botocore leaves a bare "?"
        (
            "UpdateSmsTemplate",
            {
                "TemplateName": "t",
                "CreateNewVersion": True,
                "Version": "2",
                "SMSTemplateRequest": {},
            },
        ),
        (
            "UpdateSmsTemplate",
            {"TemplateName": "t", "CreateNewVersion": False, "SMSTemplateRequest": {}},
        ),
        (
            "GetApplicationDateRangeKpi",
            {
                "ApplicationId": "a",
                "KpiName": "email-open-rate",
                "StartTime": datetime(2027, 1, 1, tzinfo=timezone.utc),
                "EndTime": datetime(2027, 1, 2, 3, 4, 5, 6),
                "PageSize": "5",
                "NextToken": "a+b/c=",
            },
        ),
        ("GetCampaigns", {"ApplicationId": "a", "PageSize": "100", "Token": None}),
        ("GetCampaign", {"ApplicationId": "a", "CampaignId": "c", "Unrelated": None}),
        ("CreateApp", {}),  # a payload member not given: botocore sends {}
    ],
)
def test_query_strings_and_missing_values_are_written_as_botocore_writes_them(
    operation_name: str, params: dict[str, Any]
) -> None:
    present = {
        name: value
        for name, value in params.items()
        if name in operation(operation_name).input_shape.members
    }
    assert lean_request(operation_name, present) == botocore_request(operation_name, present)


def test_an_unknown_parameter_is_refused_by_name_before_anything_is_built() -> None:
    with pytest.raises(
        PinpointValidationError, match="GetCampaign: unknown parameter 'CampaignID'"
    ):
        build_request(binding("GetCampaign"), {"ApplicationId": "a", "CampaignID": "c"})


def test_a_missing_path_parameter_is_refused_by_name() -> None:
    with pytest.raises(
        PinpointValidationError, match="GetCampaign: the path parameter CampaignId is missing"
    ):
        build_request(binding("GetCampaign"), {"ApplicationId": "a"})


def test_every_operation_has_a_binding_and_a_generated_request_builder() -> None:
    assert all(binding(name).operation == name for name in OPERATIONS)
    assert len(OPERATIONS) == 122
    assert sorted(REQUESTS) == OPERATIONS


def _model_with(member: dict[str, Any], *, payload: str | None = None) -> Any:
    shapes = {
        "Input": {
            "type": "structure",
            "members": {"Member": member},
            **({"payload": payload} if payload else {}),
        },
        "String": {"type": "string"},
        "Blob": {"type": "blob"},
        "Map": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "String"}},
    }
    model = ServiceModel(
        {
            "metadata": {
                "protocol": "rest-json",
                "apiVersion": "2020-01-01",
                "endpointPrefix": "x",
            },
            "operations": {
                "Op": {
                    "name": "Op",
                    "http": {"method": "POST", "requestUri": "/"},
                    "input": {"shape": "Input"},
                }
            },
            "shapes": shapes,
        }
    )
    return model.operation_model("Op")


@pytest.mark.parametrize(
    ("member", "payload"),
    [
        ({"shape": "String", "location": "header", "locationName": "X-Thing"}, None),
        ({"shape": "Map", "location": "headers", "locationName": "X-Meta-"}, None),
        ({"shape": "Map", "location": "querystring"}, None),
        ({"shape": "Blob"}, "Member"),
        ({"shape": "String", "idempotencyToken": True}, None),
    ],
)
def test_what_the_lean_path_would_send_differently_is_refused_when_the_binding_is_made(
    member: dict[str, Any], payload: str | None
) -> None:
    with pytest.raises(ValueError, match="Op"):
        binding_for(_model_with(member, payload=payload))


def test_build_request_leaves_the_callers_params_as_they_were() -> None:
    params = sample(operation("CreateJourney").input_shape)
    before = repr(params)
    build_request(binding("CreateJourney"), params)
    assert repr(params) == before
