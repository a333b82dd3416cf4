"""The operations moto also implements, run identically against moto's server and the fake.

Responses are compared field by field through boto3 (which parses both against the model),
ignoring what is different by nature: ids, ARNs, dates and request metadata. Error answers
are compared by status, code and message. Where moto
leaves out a member the model has, the fake follows the model; those gaps are listed in
``MOTO_OMITS`` so that any other difference fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto.server import ThreadedMotoServer
from pinpoint_fake_support import CREDENTIALS

from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

IGNORED = {"Id", "Arn", "CreationDate", "LastModifiedDate", "ApplicationId", "ResponseMetadata"}
#: (step, member) that moto 5.2 leaves out although the model has it; the fake returns them.
MOTO_OMITS = {
    ("create_app", "tags"),  # ApplicationResponse.tags: the service echoes the app's tags
    ("get_app", "tags"),
    ("get_apps", "tags"),
    ("delete_app", "tags"),
    ("put_event_stream", "LastUpdatedBy"),  # EventStream.LastUpdatedBy: who changed it last
    ("get_event_stream", "LastUpdatedBy"),
    ("delete_event_stream", "LastUpdatedBy"),
}
#: Steps where moto answers 200 but the model's ``responseCode`` (which the fake uses) is 204.
MOTO_STATUS_IS_WRONG = {"tag_resource": (200, 204), "untag_resource": (200, 204)}


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def _script(client: Any) -> list[tuple[str, Any]]:
    """The same calls, in the same order; returns (step, response or error) pairs."""
    steps: list[tuple[str, Any]] = []

    def step(name: str, call: Any) -> Any:
        try:
            response = call()
        except ClientError as error:
            response = {
                "Error": error.response["Error"]["Code"],
                "Message": error.response["Error"]["Message"],
                "Status": error.response["ResponseMetadata"]["HTTPStatusCode"],
            }
        steps.append((name, response))
        return response

    app = step(
        "create_app",
        lambda: client.create_app(CreateApplicationRequest={"Name": "parity", "tags": {"a": "1"}}),
    )["ApplicationResponse"]
    app_id, arn = app["Id"], app["Arn"]
    step("get_app", lambda: client.get_app(ApplicationId=app_id))
    # moto's state is process-wide (other tests' apps are there too): keep only ours.
    step(
        "get_apps",
        lambda: [a for a in client.get_apps()["ApplicationsResponse"]["Item"] if a["Id"] == app_id],
    )
    step("get_application_settings", lambda: client.get_application_settings(ApplicationId=app_id))
    step(
        "update_application_settings",
        lambda: client.update_application_settings(
            ApplicationId=app_id,
            WriteApplicationSettingsRequest={
                "CampaignHook": {"LambdaFunctionName": "hook", "Mode": "FILTER"},
                "Limits": {"Daily": 5, "Total": 10},
                "QuietTime": {"Start": "22:00", "End": "07:00"},
            },
        ),
    )
    stream = {"DestinationStreamArn": "arn:aws:kinesis:us-east-1:1:stream/s", "RoleArn": "arn:r"}
    step(
        "put_event_stream",
        lambda: client.put_event_stream(ApplicationId=app_id, WriteEventStream=stream),
    )
    step("get_event_stream", lambda: client.get_event_stream(ApplicationId=app_id))
    step("delete_event_stream", lambda: client.delete_event_stream(ApplicationId=app_id))
    step("get_deleted_event_stream", lambda: client.get_event_stream(ApplicationId=app_id))
    step(
        "tag_resource", lambda: client.tag_resource(ResourceArn=arn, TagsModel={"tags": {"b": "2"}})
    )
    step("list_tags", lambda: client.list_tags_for_resource(ResourceArn=arn))
    step("untag_resource", lambda: client.untag_resource(ResourceArn=arn, TagKeys=["a"]))
    step("list_tags_after_untag", lambda: client.list_tags_for_resource(ResourceArn=arn))
    step("delete_app", lambda: client.delete_app(ApplicationId=app_id))
    step("get_deleted_app", lambda: client.get_app(ApplicationId=app_id))
    step(
        "get_settings_of_deleted_app", lambda: client.get_application_settings(ApplicationId=app_id)
    )
    return steps


def _status(response: Any) -> Any:
    if not isinstance(response, dict):
        return 200
    return response.get("ResponseMetadata", {}).get("HTTPStatusCode", response.get("Status"))


def _diff(step: str, moto: Any, fake: Any, path: str = "") -> list[str]:
    if isinstance(moto, dict) and isinstance(fake, dict):
        problems = []
        for key in set(moto) | set(fake):
            if key in IGNORED:
                continue
            if key not in moto:
                if (step, key) not in MOTO_OMITS:
                    problems.append(f"{step}: {path}{key} only in the fake")
                continue
            if key not in fake:
                problems.append(f"{step}: {path}{key} missing from the fake")
                continue
            problems += _diff(step, moto[key], fake[key], f"{path}{key}.")
        return problems
    if isinstance(moto, list) and isinstance(fake, list) and len(moto) == len(fake):
        return [p for m, f in zip(moto, fake, strict=True) for p in _diff(step, m, f, f"{path}[].")]
    return [] if moto == fake else [f"{step}: {path} moto={moto!r} fake={fake!r}"]


def test_fake_matches_moto_on_the_operations_both_implement(moto_url: str) -> None:
    fake = FakePinpoint()
    with FakePinpointServer(fake) as server:
        moto_client = boto3.client("pinpoint", endpoint_url=moto_url, **CREDENTIALS)
        fake_client = boto3.client("pinpoint", endpoint_url=server.url, **CREDENTIALS)
        try:
            moto_steps = _script(moto_client)
            fake_steps = _script(fake_client)
        finally:
            moto_client.close()
            fake_client.close()

    assert [name for name, _ in moto_steps] == [name for name, _ in fake_steps]
    statuses = [
        (n, _status(m), _status(f)) for (n, m), (_, f) in zip(moto_steps, fake_steps, strict=True)
    ]
    differing = {name: (moto, fake) for name, moto, fake in statuses if moto != fake}
    assert differing == MOTO_STATUS_IS_WRONG
    problems = [
        p for (n, m), (_, f) in zip(moto_steps, fake_steps, strict=True) for p in _diff(n, m, f)
    ]
    assert problems == []
    # The fake returns what the model requires and moto leaves out.
    fake_results = dict(fake_steps)
    assert fake_results["get_application_settings"]["ApplicationSettingsResource"]["ApplicationId"]
    assert fake_results["get_event_stream"]["EventStream"]["ApplicationId"]
    assert fake_results["get_app"]["ApplicationResponse"]["tags"] == {"a": "1"}
    # Error texts are compared above too; these are the ones the service is known to use.
    assert fake_results["get_deleted_app"]["Message"] == "Application not found"
    assert fake_results["get_deleted_event_stream"]["Message"] == "Resource not found"
