"""The generated models against botocore's model: coverage, round trips, leniency, secrets."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from botocore.model import StructureShape
from botocore.validate import ParamValidator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from support.shapes import operation, service_model, strategy

import pinpoint_sdk
from codegen import tables
from pinpoint_sdk import models
from pinpoint_sdk._models import parse_response

OPERATIONS = sorted(service_model().operation_names)


def _model_class(shape_name: str) -> type[BaseModel]:
    cls = getattr(models, shape_name.lstrip("_"))
    assert issubclass(cls, BaseModel)
    return cls


def test_every_structure_and_enum_shape_of_the_installed_model_has_a_class() -> None:
    loader = service_model()
    errors = {shape.name for shape in loader.error_shapes}
    structures = {
        n for n in loader.shape_names if loader.shape_for(n).type_name == "structure"
    } - errors
    enums = {
        n.lstrip("_") for n in loader.shape_names if getattr(loader.shape_for(n), "enum", None)
    }
    assert set(models.__all__) == structures | enums
    for name in structures:
        assert getattr(models, name).__name__ == name
    # An error shape is an exception, not a model: the old name says where it is.
    assert len(errors) == 8
    for name in errors:
        with pytest.raises(AttributeError, match=f"from pinpoint_sdk import {name}"):
            getattr(models, name)
        assert issubclass(getattr(pinpoint_sdk, name), pinpoint_sdk.APIStatusError)


@pytest.mark.parametrize("operation_name", OPERATIONS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_valid_request_params_round_trip_and_pass_botocore_validation(
    operation_name: str, data: st.DataObject
) -> None:
    shape = operation(operation_name).input_shape
    params = data.draw(strategy(shape))
    model = _model_class(shape.name).model_validate(params)
    dumped = model.model_dump(by_alias=True, exclude_unset=True)
    assert dumped == params
    assert model.to_params() == params
    report = ParamValidator().validate(dumped, shape)
    assert not report.has_errors(), report.generate_report()


@pytest.mark.parametrize(
    "operation_name", [name for name in OPERATIONS if operation(name).output_shape is not None]
)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_valid_responses_parse_and_dump_back_to_the_same_dict(
    operation_name: str, data: st.DataObject
) -> None:
    output = operation(operation_name).output_shape
    assert isinstance(output, StructureShape)
    payload = output.members[output.serialization["payload"]]
    body = data.draw(strategy(payload))
    parsed = parse_response(_model_class(payload.name), body)
    assert parsed.model_dump(by_alias=True, exclude_unset=True) == body


def test_a_missing_required_field_is_reported_by_its_wire_name() -> None:
    with pytest.raises(ValidationError) as raised:
        models.Schedule(frequency=models.Frequency.ONCE)  # type: ignore[call-arg]
    assert raised.value.errors()[0]["loc"] == ("StartTime",)
    assert raised.value.errors()[0]["type"] == "missing"


def test_a_misspelt_field_is_rejected_on_requests() -> None:
    with pytest.raises(ValidationError, match="Nmae"):
        models.WriteCampaignRequest.model_validate({"Nmae": "spring"})


def test_enum_fields_accept_members_and_their_string_values() -> None:
    by_member = models.Schedule(start_time="IMMEDIATE", frequency=models.Frequency.DAILY)
    by_value = models.Schedule.model_validate({"StartTime": "IMMEDIATE", "Frequency": "DAILY"})
    assert by_member.frequency is by_value.frequency is models.Frequency.DAILY
    with pytest.raises(ValidationError, match="Frequency"):
        models.Schedule.model_validate({"StartTime": "IMMEDIATE", "Frequency": "HOURLYY"})


def test_updates_send_only_the_fields_the_caller_set() -> None:
    update = models.WriteCampaignRequest(name="renamed", tags=None)
    assert update.to_params() == {"Name": "renamed"}
    # An explicitly empty list is kept: it is how a caller clears a list on the server.
    assert models.EndpointUser(user_attributes={"plan": []}).to_params() == {
        "UserAttributes": {"plan": []}
    }


def _campaign(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "Arn": "arn:aws:mobiletargeting:us-east-1:1:apps/a/campaigns/c",
        "Id": "c",
        "ApplicationId": "a",
        "CreationDate": "2026-11-22T10:00:00.000Z",
        "LastModifiedDate": "2026-11-22T10:00:00.000Z",
        "SegmentId": "s",
        "SegmentVersion": 1,
    }
    body.update(overrides)
    return body


def test_responses_keep_unknown_enum_values_and_new_fields() -> None:
    body = _campaign(
        State={"CampaignStatus": "ARCHIVED_IN_2027"},
        Schedule={"StartTime": "IMMEDIATE", "Frequency": "EVERY_FULL_MOON", "Novel": 1},
        BrandNewField={"x": 1},
    )
    campaign = parse_response(models.CampaignResponse, body)
    assert campaign.state is not None and campaign.state.campaign_status == "ARCHIVED_IN_2027"
    assert campaign.schedule is not None and campaign.schedule.frequency == "EVERY_FULL_MOON"
    assert campaign.model_extra == {"BrandNewField": {"x": 1}}
    assert campaign.id == "c"


def test_responses_accept_lossless_type_drift_and_nulls() -> None:
    # moto returns CreationDate as a number where the model says string.
    campaign = parse_response(
        models.CampaignResponse, _campaign(CreationDate=1700000000, Name=None)
    )
    assert campaign.creation_date == "1700000000"
    assert campaign.name is None
    # A value that cannot be converted at all stays readable as it came.
    odd = parse_response(models.CampaignResponse, _campaign(SegmentVersion="not-a-number"))
    assert odd.segment_version == "not-a-number"


def test_responses_missing_a_required_member_still_parse() -> None:
    campaign = parse_response(models.CampaignResponse, {"Id": "c"})
    assert campaign.id == "c"
    assert campaign.arn is None


SECRET_CASES = sorted(tables.SECRET_FIELDS)


@pytest.mark.parametrize(("shape_name", "member"), SECRET_CASES)
def test_secret_fields_never_show_in_repr_str_or_errors_but_reach_the_wire(
    shape_name: str, member: str
) -> None:
    marker = "s3cr3t-MARKER-value"
    shape = service_model().shape_for(shape_name)
    assert isinstance(shape, StructureShape)
    cls = _model_class(shape_name)
    params: dict[str, Any] = {
        name: (marker if name == member else "x")
        for name, member_shape in shape.members.items()
        if name in shape.required_members or name == member
        if member_shape.type_name == "string"
    }
    instance = cls.model_validate(params)
    assert marker not in repr(instance)
    assert marker not in str(instance)
    assert instance.to_params()[member] == marker
    with pytest.raises(ValidationError) as raised:
        cls.model_validate({**params, member: [marker]})
    assert marker not in str(raised.value)


def test_names_that_collide_with_pydantic_work() -> None:
    demographic = models.EndpointDemographic(model="Pixel", model_version="9")
    assert demographic.to_params() == {"Model": "Pixel", "ModelVersion": "9"}


def test_docstrings_come_from_the_model_documentation() -> None:
    assert models.CampaignResponse.__doc__ is not None
    assert "campaign" in models.CampaignResponse.__doc__
    assert "<p>" not in models.CampaignResponse.__doc__


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_importing_and_building_every_model_raises_no_warning() -> None:
    _run(
        "import pinpoint_sdk.models as m\n"
        "for name in m.__all__:\n"
        "    cls = getattr(m, name)\n"
        "    if hasattr(cls, 'model_rebuild'): cls.model_rebuild(force=True)\n"
    )


def test_touching_one_model_imports_only_what_it_refers_to() -> None:
    out = _run(
        "import sys\n"
        "from pinpoint_sdk.models import QuietTime\n"
        "QuietTime(start='22:00')\n"
        "print(sum(1 for k in sys.modules if k.startswith('pinpoint_sdk.models.')))\n"
    )
    assert int(out) <= 3  # quiet_time and the enums module at most


def test_check_names_stale_and_leftover_files(tmp_path: Any) -> None:
    from codegen.writer import stale_files

    files = {"pinpoint_sdk/models/a.py": "A = 1\n", "pinpoint_sdk/models/b.py": "B = 1\n"}
    for relative, text in files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text)
    assert stale_files(files, tmp_path) == []
    (tmp_path / "pinpoint_sdk/models/a.py").write_text("A = 2\n")
    (tmp_path / "pinpoint_sdk/models/old.py").write_text("")
    assert stale_files(files, tmp_path) == [
        "pinpoint_sdk/models/a.py",
        "pinpoint_sdk/models/old.py",
    ]


def test_committed_models_match_a_fresh_generation() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
