"""Every one of the 122 operations, called through its SDK method over a mocked HTTP layer.

For each operation the SDK method, called with snake_case arguments and the body model, must
put on the wire exactly what raw aiobotocore sends for the same boto3-style params (method,
path with encoded parameters, query string, JSON body), and the canned response must parse
into the method's declared return type.

Operations with a body are called once more for every other way a body can be given (the
typed dicts of ``pinpoint_sdk.params``): a snake_case dict, a dict with botocore's member
names, the body's fields as keyword arguments, and a mix of models and both kinds of dict at
different depths. Each must send the same request.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from botocore import xform_name
from botocore.model import ListShape, MapShape, Shape, StructureShape
from conftest import CREDENTIALS, SESSION
from support.shapes import operation, sample, service_model
from support.wire import to_wire

from codegen.service import attribute_name
from pinpoint_sdk import OPERATIONS, AsyncPaginator, PinpointClient, models

OPERATION_NAMES = sorted(service_model().operation_names)
#: A path parameter value that must be percent-encoded on the way out.
AWKWARD = "id with/slash+plus"


def test_operations_table_maps_every_operation_exactly_once() -> None:
    assert sorted(OPERATIONS) == OPERATION_NAMES
    assert len(set(OPERATIONS.values())) == len(OPERATIONS) == 122


def _two_of_each(shape: Shape, value: Any) -> Any:
    """``value`` with two items in every list, so a list can mix the ways items are given."""
    if isinstance(shape, StructureShape):
        return {name: _two_of_each(shape.members[name], item) for name, item in value.items()}
    if isinstance(shape, ListShape):
        return [_two_of_each(shape.member, item) for item in value * 2]
    if isinstance(shape, MapShape):
        return {key: _two_of_each(shape.value, item) for key, item in value.items()}
    return value


def _params(operation_name: str) -> dict[str, Any]:
    shape = operation(operation_name).input_shape
    params: dict[str, Any] = _two_of_each(shape, sample(shape))
    for name, member in shape.members.items():
        if member.serialization.get("location") == "uri":
            params[name] = f"{AWKWARD}-{name}"
        if name == "PageSize":
            params[name] = "5"
    return params


#: How the body is given: each must put the same request on the wire.
BODY_FORMS = ("model", "snake_case dict", "wire dict", "keyword arguments", "mixed")
CASES = [
    pytest.param(name, form, id=f"{name}-{form}")
    for name in OPERATION_NAMES
    for form in (BODY_FORMS if operation(name).input_shape.serialization.get("payload") else ())
] + [
    pytest.param(name, "no body", id=name)
    for name in OPERATION_NAMES
    if not operation(name).input_shape.serialization.get("payload")
]


def _model(shape: Shape, value: dict[str, Any]) -> Any:
    return getattr(models, shape.name.lstrip("_")).model_validate(value)


def _as_input(shape: Shape, value: Any, form: str, depth: int = 0) -> Any:
    """``value`` (botocore params) as a caller would give it in ``form``.

    ``mixed`` turns the structures at depth 0, 3, 6... into snake_case dicts, those at depth
    1, 4, ... into models and the others into wire dicts; the second item of a list is one
    step deeper than the first, so lists mix them too.
    """
    if isinstance(shape, StructureShape):
        kind = form if form != "mixed" else ("snake_case dict", "model", "wire dict")[depth % 3]
        if kind == "model":
            return _model(shape, value)
        return {
            (attribute_name(name) if kind == "snake_case dict" else name): _as_input(
                shape.members[name], item, form, depth + 1
            )
            for name, item in value.items()
        }
    if isinstance(shape, ListShape):
        return [
            _as_input(shape.member, item, form, depth + index) for index, item in enumerate(value)
        ]
    if isinstance(shape, MapShape):
        return {key: _as_input(shape.value, item, form, depth) for key, item in value.items()}
    return value


def _sdk_arguments(operation_name: str, params: dict[str, Any], form: str) -> dict[str, Any]:
    shape = operation(operation_name).input_shape
    payload = shape.serialization.get("payload")
    arguments: dict[str, Any] = {}
    for name, value in params.items():
        if name == payload:
            body_shape = shape.members[name]
            if form == "model":
                arguments["request"] = _model(body_shape, value)
            elif form == "keyword arguments":
                arguments.update(_as_input(body_shape, value, "snake_case dict"))
            else:
                arguments["request"] = _as_input(body_shape, value, form)
        elif name == "PageSize":
            arguments["page_size"] = int(value)
        elif name in ("Token", "NextToken"):
            arguments["next_token"] = value
        else:
            arguments[attribute_name(name)] = value
    return arguments


def _sdk_method(client: PinpointClient, operation_name: str) -> Any:
    target: Any = client
    for part in OPERATIONS[operation_name].split("."):
        target = getattr(target, part)
    return target


def _canned_payload(operation_name: str) -> tuple[str | None, Any]:
    output = operation(operation_name).output_shape
    if output is None:
        return None, None
    assert isinstance(output, StructureShape)
    payload_name = output.serialization["payload"]
    return payload_name, sample(output.members[payload_name])


@pytest.fixture
async def raw_client() -> AsyncIterator[Any]:
    config = AioConfig(http_session_cls=HttpxSession, retries={"total_max_attempts": 1})
    async with SESSION.create_client("pinpoint", **CREDENTIALS, config=config) as raw:
        yield raw


def _request_summary(request: httpx.Request) -> tuple[str, str, list[tuple[str, str]], Any]:
    body = json.loads(request.content) if request.content else None
    # The order of query parameters carries no meaning.
    return (
        request.method,
        request.url.raw_path.split(b"?")[0].decode(),
        sorted(request.url.params.multi_items()),
        body,
    )


@pytest.mark.parametrize(("operation_name", "body_form"), CASES)
async def test_sdk_method_sends_what_botocore_sends_and_parses_the_response(
    operation_name: str,
    body_form: str,
    client: PinpointClient,
    raw_client: Any,
    respx_mock: respx.MockRouter,
) -> None:
    model = operation(operation_name)
    params = _params(operation_name)
    payload_name, payload = _canned_payload(operation_name)
    output = model.output_shape
    body = None
    if payload_name is not None:
        assert isinstance(output, StructureShape)
        body = to_wire(output.members[payload_name], payload)
    route = respx_mock.route().mock(
        return_value=httpx.Response(model.http.get("responseCode", 200), json=body)
    )

    await getattr(raw_client, xform_name(operation_name))(**params)
    arguments = _sdk_arguments(operation_name, params, body_form)
    result = _sdk_method(client, operation_name)(**arguments)
    if isinstance(result, AsyncPaginator):
        page = await result
        result = page.payload
    else:
        result = await result

    assert route.call_count == 2
    raw_request, sdk_request = (call.request for call in route.calls)
    assert _request_summary(sdk_request) == _request_summary(raw_request)
    assert sdk_request.method == model.http["method"]
    for name, member in model.input_shape.members.items():
        if member.serialization.get("location") == "uri":
            assert quote(params[name], safe="") in sdk_request.url.raw_path.decode()
    if payload_name is None:
        assert result is None
    else:
        expected_type = getattr(models, output.members[payload_name].name)  # type: ignore[union-attr]
        assert type(result) is expected_type
        assert result.model_dump(by_alias=True, exclude_unset=True) == payload
