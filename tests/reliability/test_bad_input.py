"""Bad input to every SDK method: a validation error naming the field, and nothing sent.

For every operation (driven generically through ``pinpoint_sdk.OPERATIONS``), hypothesis takes
a valid request and spoils one place of it: a wrong type, a missing required member, an
unknown enum value, nested garbage, a bad path or query parameter, text that cannot be
encoded (a lone surrogate) in any string or map key of the body. The call must raise
``PinpointValidationError`` whose message names the spoiled member, before any request is
made: the fake, answering in process, records nothing.

Ids are path segments: ``.``, ``..``, whitespace only and control characters are refused for
every path parameter, while ids with ``/``, inner spaces and any other text reach the service
as they are. Oversize strings are sent intact: Pinpoint's model sets no length limits.
"""

from __future__ import annotations

import asyncio
import inspect
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from botocore.model import ListShape, MapShape, StructureShape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from reliability_support import (
    CREDENTIALS,
    FAST_RETRIES,
    PAGING,
    SESSION,
    WRONG_VALUES,
    request_payload,
    sdk_arguments,
    sdk_method,
    set_at,
    spoil,
    spots,
    valid_params,
)
from support.shapes import operation

from codegen.service import attribute_name
from pinpoint_sdk import OPERATIONS, PinpointClient, PinpointValidationError, models
from pinpoint_sdk._models import RequestModel
from pinpoint_sdk.testing import FakePinpoint

OPERATION_NAMES = sorted(OPERATIONS)


@dataclass
class Harness:
    """A client answered by a fake in process, on a loop of its own (hypothesis is sync)."""

    loop: asyncio.AbstractEventLoop
    client: PinpointClient
    fake: FakePinpoint

    def call(self, operation_name: str, arguments: dict[str, Any]) -> Any:
        async def run() -> Any:
            result = sdk_method(self.client, operation_name)(**arguments)
            # Listings return a paginator, which fetches (and validates) when awaited.
            return await result if inspect.isawaitable(result) else result

        return self.loop.run_until_complete(run())


@pytest.fixture(scope="module")
def harness() -> Iterator[Harness]:
    loop = asyncio.new_event_loop()
    fake = FakePinpoint()
    client = PinpointClient(
        **CREDENTIALS,
        session=SESSION,
        config=AioConfig(http_session_cls=HttpxSession),
        retry_policy=FAST_RETRIES,
    )
    with fake.mock():
        loop.run_until_complete(client.open())
        try:
            yield Harness(loop, client, fake)
        finally:
            loop.run_until_complete(client.close())
            loop.close()


def rejected(harness: Harness, operation_name: str, arguments: dict[str, Any]) -> str:
    """The message of the PinpointValidationError the call raises; asserts nothing was sent."""
    with pytest.raises(PinpointValidationError) as raised:
        harness.call(operation_name, arguments)
    assert harness.fake.requests == [], "a request left before validation failed"
    return str(raised.value)


def _named(message: str, *names: str) -> bool:
    return any(name in message for name in names)


BODY_OPERATIONS = [name for name in OPERATION_NAMES if request_payload(name) is not None]


def fuzzed(max_examples: int) -> Any:
    """hypothesis settings for one test per operation, on the module's shared harness."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def valid_body(operation_name: str) -> tuple[dict[str, Any], StructureShape, dict[str, Any]]:
    """Valid params, the shape of their body, and the body itself (inside params)."""
    payload = request_payload(operation_name)
    assert payload is not None
    payload_name, payload_shape = payload
    params = valid_params(operation_name)
    return params, payload_shape, params[payload_name]


@pytest.mark.before_any_transport
@pytest.mark.parametrize("operation_name", BODY_OPERATIONS)
@fuzzed(max_examples=30)
@given(data=st.data())
def test_a_spoiled_body_is_refused_naming_the_member(
    harness: Harness, operation_name: str, data: st.DataObject
) -> None:
    params, payload_shape, body = valid_body(operation_name)
    spot = spoil(data.draw, payload_shape, body)
    message = rejected(harness, operation_name, sdk_arguments(operation_name, params))
    assert _named(message, spot.member, attribute_name(spot.member)), message


#: Ids that are not one path segment: botocore would send them, and ".." (or ".") would turn
#: ``/v1/apps/{app}/campaigns/..`` into ``/v1/apps/{app}``, another resource.
BAD_IDS: list[Any] = [
    None,
    "",
    42,
    ".",
    "..",
    " ",
    "   ",
    "\t\n",
    "\u3000",  # only an ideographic space
    "id\x00",
    "a\x1fb",
    "del\x7f",
    "c1\x85control",
    "\x9f",
    "app\udcff",  # a lone surrogate: no UTF-8 for it
    "\ud83d",
]
#: Ids that are one path segment however odd: percent-encoded, they reach the service intact.
GOOD_IDS = [
    "a/b",
    "../x",
    "..x",
    ".hidden",
    "...",
    "inner space",
    " padded ",
    "naïve-ünïcode-日本",
    "emoji-👩\u200d💻",  # a zero-width joiner: not printable, still text
    "no\xa0break",
    "%2E%2E",
    "+=&?#",
]
#: Query values that are strings of the right type but cannot be encoded.
UNENCODABLE_QUERY = {"string": ["v\udcff"], "list": [["ok", "k\udcff"]]}


@pytest.mark.before_any_transport
@pytest.mark.parametrize("operation_name", OPERATION_NAMES)
def test_a_bad_path_or_query_parameter_is_refused_naming_it(
    harness: Harness, operation_name: str
) -> None:
    shape = operation(operation_name).input_shape
    if shape is None:
        pytest.skip("no parameters")
    payload = shape.serialization.get("payload")
    checked = 0
    for name, member in shape.members.items():
        if name == payload or name in PAGING:
            continue
        where = member.serialization.get("location")
        if where == "uri":
            bad = BAD_IDS
        else:
            bad = WRONG_VALUES[member.type_name] + UNENCODABLE_QUERY.get(member.type_name, [])
        for value in bad:
            params = valid_params(operation_name)
            params[name] = value
            message = rejected(harness, operation_name, sdk_arguments(operation_name, params))
            # Named as the caller named it: the method's argument.
            assert attribute_name(name) in message, message
            checked += 1
    if not checked:
        pytest.skip(f"{operation_name} has no path or query parameter, only a body")


PATH_OPERATIONS = [
    name
    for name in OPERATION_NAMES
    if any(
        member.serialization.get("location") == "uri"
        for member in getattr(operation(name).input_shape, "members", {}).values()
    )
]


@pytest.mark.parametrize("operation_name", PATH_OPERATIONS)
def test_ids_that_are_one_path_segment_reach_the_service_intact(
    harness: Harness, operation_name: str
) -> None:
    shape = operation(operation_name).input_shape
    names = [n for n, m in shape.members.items() if m.serialization.get("location") == "uri"]
    # Two calls per operation; across the operations every odd id is used many times.
    start = 2 * PATH_OPERATIONS.index(operation_name)
    for call in range(2):
        params = valid_params(operation_name)
        ids = {name: GOOD_IDS[(start + call + i) % len(GOOD_IDS)] for i, name in enumerate(names)}
        params.update(ids)
        harness.fake.reset()
        try:
            harness.call(operation_name, sdk_arguments(operation_name, params))
        except PinpointValidationError:
            raise
        except Exception:
            pass  # the fake's answer (no such app): the request arrived, which is the point
        (received,) = harness.fake.requests
        assert received.operation == operation_name, received.path
        assert received.params is not None
        assert {name: received.params[name] for name in names} == ids
    harness.fake.reset()


def _text_places(
    shape: StructureShape, value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """Every place of a body that holds free text: (path, member, "value" or "key")."""
    for name, member in shape.members.items():
        if name not in value:
            continue
        here = (*path, name)
        inner = value[name]
        if member.type_name == "string" and not getattr(member, "enum", None):
            yield here, name, "value"
        elif isinstance(member, StructureShape) and isinstance(inner, dict):
            yield from _text_places(member, inner, here)
        elif isinstance(member, ListShape) and isinstance(inner, list) and inner:
            item = member.member
            if item.type_name == "string" and not getattr(item, "enum", None):
                yield (*here, 0), name, "value"
            elif isinstance(item, StructureShape):
                yield from _text_places(item, inner[0], (*here, 0))
        elif isinstance(member, MapShape) and isinstance(inner, dict) and inner:
            yield here, name, "key"
            key = next(iter(inner))
            if member.value.type_name == "string" and not getattr(member.value, "enum", None):
                yield (*here, key), name, "value"
            elif isinstance(member.value, StructureShape):
                yield from _text_places(member.value, inner[key], (*here, key))


@pytest.mark.parametrize("operation_name", BODY_OPERATIONS)
@fuzzed(max_examples=6)
@given(data=st.data())
def test_text_that_cannot_be_encoded_is_refused_anywhere_in_a_body(
    harness: Harness, operation_name: str, data: st.DataObject
) -> None:
    params, payload_shape, body = valid_body(operation_name)
    places = list(_text_places(payload_shape, body))
    if not places:
        pytest.skip("no free text in the body")
    path, member, kind = data.draw(st.sampled_from(places), label="place")
    surrogate = data.draw(st.sampled_from(["\udcff", "\ud800", "\udfff"]), label="surrogate")
    container = body
    for step in path[:-1]:
        container = container[step]
    if kind == "key":
        container = container[path[-1]]
        key = next(iter(container))
        container[f"{key}{surrogate}"] = container.pop(key)
    else:
        container[path[-1]] = f"text{surrogate}more"
    message = rejected(harness, operation_name, sdk_arguments(operation_name, params))
    assert member in message and "UTF-8" in message, message
    assert surrogate not in message  # the message itself can be printed and logged


def test_a_body_refused_for_its_text_made_no_attempt(harness: Harness) -> None:
    with pytest.raises(PinpointValidationError) as raised:
        harness.call("CreateCampaign", {"application_id": "a1", "name": "spring\udcff"})
    assert raised.value.attempts == 0
    assert harness.fake.requests == []


#: A number where text belongs, for each form a text field takes in the request models.
NUMBER_FOR_TEXT: dict[Any, Any] = {
    str: 5,
    list[str]: ["text", 6],
    dict[str, str]: {"key": 7.5},
    dict[str, list[str]]: {"key": ["text", 8]},
}


def _plain_type(annotation: Any) -> Any:
    """``X`` of ``X | None``."""
    if isinstance(annotation, types.UnionType):
        options = [a for a in annotation.__args__ if a is not type(None)]
        return options[0] if len(options) == 1 else annotation
    return annotation


def _holds_only_text(annotation: Any) -> bool:
    """str, or lists and dicts whose values are, at any depth, only str."""
    if annotation is str:
        return True
    args = getattr(annotation, "__args__", ())
    return isinstance(annotation, types.GenericAlias) and all(_holds_only_text(a) for a in args)


REQUEST_MODELS = sorted(
    (
        cls
        for cls in (getattr(models, name) for name in models.__all__)
        if isinstance(cls, type) and issubclass(cls, RequestModel)
    ),
    key=lambda cls: cls.__name__,
)
TEXT_FIELDS = [
    (cls, field, NUMBER_FOR_TEXT[_plain_type(info.annotation)])
    for cls in REQUEST_MODELS
    for field, info in cls.model_fields.items()
    if _plain_type(info.annotation) in NUMBER_FOR_TEXT
]


@pytest.mark.before_any_transport
def test_every_text_field_of_every_request_model_is_checked() -> None:
    text_fields = {
        (cls, field)
        for cls in REQUEST_MODELS
        for field, info in cls.model_fields.items()
        if _holds_only_text(_plain_type(info.annotation))
    }
    assert text_fields == {(cls, field) for cls, field, _ in TEXT_FIELDS}
    assert len(text_fields) > 500


@pytest.mark.parametrize(
    ("model", "field", "bad"),
    TEXT_FIELDS,
    ids=[f"{cls.__name__}.{field}" for cls, field, _ in TEXT_FIELDS],
)
@pytest.mark.before_any_transport
def test_a_request_model_refuses_a_number_where_text_belongs(
    model: type[RequestModel], field: str, bad: Any
) -> None:
    alias = model.model_fields[field].serialization_alias or field
    with pytest.raises(ValidationError) as built:
        model(**{field: bad})
    assert any(error["loc"][0] in (field, alias) for error in built.value.errors())
    request = model.model_construct()
    with pytest.raises(ValidationError) as assigned:
        setattr(request, field, bad)
    assert any(error["loc"][0] in (field, alias) for error in assigned.value.errors())


@pytest.mark.before_any_transport
def test_a_method_refuses_a_number_where_text_belongs(harness: Harness) -> None:
    number: Any = 5
    message = rejected(harness, "CreateCampaign", {"application_id": "a1", "name": number})
    assert "\nname\n" in message and "valid string" in message
    message = rejected(
        harness, "CreateApp", {"request": {"Name": "shop", "tags": {"team": number}}}
    )
    assert "tags" in message


def _parameters(operation_name: str) -> set[str]:
    method = sdk_method(PinpointClient(region_name="us-east-1"), operation_name)
    return set(inspect.signature(method).parameters)


BAD_PAGING = [
    (name, argument, value)
    for name in OPERATION_NAMES
    for argument, value in [
        ("page_size", "ten"),
        ("page_size", 0),
        ("max_items", "all"),
        ("max_items", -1),
    ]
    if argument in _parameters(name)
]


@pytest.mark.before_any_transport
@pytest.mark.parametrize(("operation_name", "argument", "value"), BAD_PAGING)
def test_bad_paging_arguments_are_refused_naming_them(
    harness: Harness, operation_name: str, argument: str, value: Any
) -> None:
    arguments = sdk_arguments(operation_name, valid_params(operation_name))
    arguments[argument] = value
    message = rejected(harness, operation_name, arguments)
    assert argument in message


@pytest.mark.parametrize("operation_name", BODY_OPERATIONS[:: max(1, len(BODY_OPERATIONS) // 8)])
def test_oversize_strings_are_sent_intact_because_the_model_sets_no_limit(
    harness: Harness, operation_name: str
) -> None:
    params, payload_shape, body = valid_body(operation_name)
    big = "x" * 1_000_000
    strings = [s for s in spots(payload_shape, body) if s.shape.type_name == "string"]
    strings = [s for s in strings if not getattr(s.shape, "enum", None)]
    if not strings:
        pytest.skip(f"the body of {operation_name} has no free-text string to make oversize")
    set_at(body, strings[0].path, big)
    harness.fake.reset()
    try:
        harness.call(operation_name, sdk_arguments(operation_name, params))
    except PinpointValidationError:
        raise
    except Exception:
        # The fake may refuse what a sample body means (a missing app): that is the service's
        # answer, after the request arrived, which is what this test is about.
        pass
    (received,) = harness.fake.requests
    assert received.params is not None and big in repr(received.params)
    harness.fake.reset()
