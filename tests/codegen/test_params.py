"""The generated typed dicts and literals (``pinpoint_sdk.params``) against the models.

What the checkers are told must be what the models accept: the same keys, the same required
members, the same enum values. And none of it may cost the SDK anything at run time.
"""

from __future__ import annotations

import subprocess
import sys
import typing
from enum import Enum

import pytest
from pydantic import BaseModel

from pinpoint_sdk import models, params
from pinpoint_sdk._models import RequestModel

#: Every model that has typed dicts (the shapes that appear inside a request).
PARAM_MODELS = sorted(
    name.removesuffix("WireParam") for name in params.__all__ if name.endswith("WireParam")
)
ENUMS = sorted(
    name
    for name in models.__all__
    if isinstance(getattr(models, name), type) and issubclass(getattr(models, name), Enum)
)


def test_every_shape_nested_in_a_request_has_both_typed_dicts() -> None:
    nested = {
        typing.get_origin(annotation) or annotation
        for name in models.__all__
        if isinstance(cls := getattr(models, name), type) and issubclass(cls, RequestModel)
        for annotation in _model_types(cls)
    }
    nested_models = {t.__name__ for t in nested if isinstance(t, type) and issubclass(t, BaseModel)}
    assert nested_models == set(PARAM_MODELS)
    assert len(params.__all__) == 2 * len(PARAM_MODELS) + len(ENUMS)


def _model_types(cls: type[BaseModel]) -> set[object]:
    """The classes a model's field annotations name, through unions, lists and dicts."""
    found: set[object] = set()
    stack = [info.annotation for info in cls.model_fields.values()]
    while stack:
        annotation = stack.pop()
        arguments = typing.get_args(annotation)
        if arguments:
            stack.extend(arguments)
        else:
            found.add(annotation)
    return found


@pytest.mark.parametrize("name", PARAM_MODELS)
def test_typed_dict_keys_and_required_keys_are_the_models(name: str) -> None:
    model: type[BaseModel] = getattr(models, name)
    snake = getattr(params, f"{name}Param")
    wire = getattr(params, f"{name}WireParam")
    fields = model.model_fields
    wire_names = {field: _member_name(info.validation_alias) for field, info in fields.items()}
    required = {field for field, info in fields.items() if info.is_required()}

    assert list(snake.__annotations__) == list(fields)
    assert snake.__required_keys__ == required
    assert list(wire.__annotations__) == [wire_names[field] for field in fields]
    assert wire.__required_keys__ == {wire_names[field] for field in required}
    # The annotations resolve at run time too (pydantic and get_type_hints can read them).
    assert set(typing.get_type_hints(snake)) == set(fields)


def _member_name(alias: object) -> str:
    # The member name is the alias, or the first choice when the JSON name differs.
    if isinstance(alias, str):
        return alias
    choices = getattr(alias, "choices", None)
    assert choices, alias
    return str(choices[0])


@pytest.mark.parametrize("name", ENUMS)
def test_every_enum_has_a_literal_of_exactly_its_values(name: str) -> None:
    enum: type[Enum] = getattr(models, name)
    literal = getattr(params, f"{name}Literal")
    assert typing.get_args(literal) == tuple(member.value for member in enum)


def test_request_models_keep_pydantics_own_constructor_at_run_time() -> None:
    # The typed __init__ exists for checkers only: nothing the models do at run time changed.
    assert models.WriteCampaignRequest.__init__ is BaseModel.__init__
    built = models.WriteCampaignRequest(
        name="x",
        schedule={"start_time": "IMMEDIATE", "frequency": "ONCE"},
        message_configuration={"SMSMessage": {"Body": "hi"}},
    )
    assert isinstance(built.schedule, models.Schedule)
    assert built.schedule.frequency is models.Frequency.ONCE
    assert built.to_params() == {
        "Name": "x",
        "Schedule": {"StartTime": "IMMEDIATE", "Frequency": "ONCE"},
        "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
    }


def test_the_sdk_never_imports_the_typed_dicts_at_run_time() -> None:
    code = (
        "import sys\n"
        "from pinpoint_sdk import PinpointClient\n"
        "from pinpoint_sdk.models import WriteCampaignRequest\n"
        "from pinpoint_sdk.builders import JourneyBuilder, SegmentBuilder\n"
        "WriteCampaignRequest(name='x', schedule={'start_time': 'IMMEDIATE'})\n"
        "client = PinpointClient(region_name='us-east-1', aws_access_key_id='k',"
        " aws_secret_access_key='s')\n"
        "client.campaigns, client.messages, client.endpoints, client.events, client.journeys\n"
        "print(sorted(m for m in sys.modules if m.startswith('pinpoint_sdk.params')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
