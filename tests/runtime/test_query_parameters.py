"""Query parameters: what a method's signature promises is what the run-time check accepts.

Both sides read one vocabulary (``pinpoint_sdk._query``): the generator writes each query
argument's type from it, and ``_resource`` checks each value against it before sending.
"""

from __future__ import annotations

import inspect
from datetime import datetime, timezone
from typing import Any

import pytest
import respx
from conftest import error_response

from pinpoint_sdk import OPERATIONS, NotFoundException, PinpointClient, PinpointValidationError
from pinpoint_sdk._operations import QUERY_PARAMETERS
from pinpoint_sdk._params import python_name
from pinpoint_sdk._query import QUERY_RULES, QueryType

#: Query members a method takes under another name (paged methods: ``next_token``).
TOKENS = {"Token", "NextToken"}
#: A value each type accepts, and one it refuses.
SAMPLES: dict[QueryType, tuple[Any, Any]] = {
    QueryType.STR: ("v1", 1),
    QueryType.INT: (3, "3"),
    QueryType.BOOL: (True, "true"),
    QueryType.DATETIME: (datetime(2024, 1, 1, tzinfo=timezone.utc), "2024-01-01"),
    QueryType.STR_LIST: (["a"], "a"),
    QueryType.PAGE_SIZE: (10, 0),
}


def _method(client: PinpointClient, operation: str) -> Any:
    target: Any = client
    for part in OPERATIONS[operation].split("."):
        target = getattr(target, part)
    return target


QUERIED = [
    (operation, member, kind, required)
    for operation, members in QUERY_PARAMETERS.items()
    for member, (kind, required) in members.items()
    if member not in TOKENS
]


def test_every_query_type_of_the_model_has_a_rule_and_a_sample() -> None:
    used = {kind for _, _, kind, _ in QUERIED}
    assert used <= set(QUERY_RULES) == set(SAMPLES)
    assert QueryType.PAGE_SIZE in used and QueryType.STR_LIST in used


@pytest.mark.parametrize(("operation", "member", "kind", "required"), QUERIED)
def test_the_signature_takes_what_the_check_accepts(
    operation: str, member: str, kind: QueryType, required: bool
) -> None:
    method = _method(PinpointClient(region_name="us-east-1"), operation)
    parameter = inspect.signature(method).parameters[python_name(member)]
    annotation = QUERY_RULES[kind].annotation
    # A class with a method named ``list`` spells the builtin ``builtins.list``.
    written = parameter.annotation.removeprefix("builtins.")
    assert written == (annotation if required else f"{annotation} | None")


@pytest.mark.parametrize(("operation", "member", "kind", "required"), QUERIED)
async def test_a_value_of_another_type_is_refused_naming_the_argument(
    client: PinpointClient,
    respx_mock: respx.MockRouter,
    operation: str,
    member: str,
    kind: QueryType,
    required: bool,
) -> None:
    route = respx_mock.route().mock(return_value=error_response(404, "NotFoundException"))
    method = _method(client, operation)
    path = {
        name: "id-1"
        for name, parameter in inspect.signature(method).parameters.items()
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and name != "request"
    }
    good, bad = SAMPLES[kind]
    argument = python_name(member)
    with pytest.raises(PinpointValidationError, match=f"{operation}: {argument} must be"):
        await method(**{**path, argument: bad})
    assert route.call_count == 0
    with pytest.raises(NotFoundException):  # the service's answer: the request was sent
        await method(**{**path, argument: good})
    assert route.call_count == 1
