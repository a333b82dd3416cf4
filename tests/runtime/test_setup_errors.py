"""botocore's setup errors (credentials, region, profile) arrive as typed errors with a hint.

Every case runs with the AWS environment emptied and the instance metadata service switched
off, so botocore looks for credentials and regions only where the test puts them; nothing
leaves 127.0.0.1 (a host name that must not resolve is refused by a patched resolver).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from aiobotocore.session import AioSession
from botocore import exceptions as botocore_errors

from pinpoint_sdk import (
    APIConnectionError,
    CredentialsError,
    PinpointClient,
    PinpointConfigurationError,
    PinpointError,
    RegionError,
)

AWS_VARIABLES = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ROLE_ARN",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_PINPOINT",
)


@pytest.fixture
def aws_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No AWS settings but those the test writes to ``config`` in the returned directory."""
    for name in AWS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    config = tmp_path / "config"
    config.write_text("")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    yield tmp_path


def _client(**options: Any) -> PinpointClient:
    return PinpointClient(config=AioConfig(http_session_cls=HttpxSession), **options)


CASES: dict[str, tuple[dict[str, Any], str, type[PinpointError], type[Exception], str]] = {
    # case: (client options, config file, our error, botocore's, a word of the hint)
    "no credentials": (
        {"region_name": "us-east-1"},
        "",
        CredentialsError,
        botocore_errors.NoCredentialsError,
        "aws_access_key_id",
    ),
    "partial credentials": (
        {"region_name": "us-east-1", "profile_name": "half"},
        "[profile half]\naws_access_key_id = AKIDEXAMPLE\n",
        CredentialsError,
        botocore_errors.PartialCredentialsError,
        "aws_secret_access_key",
    ),
    "failing credential process": (
        {"region_name": "us-east-1", "profile_name": "broken"},
        "[profile broken]\ncredential_process = false\n",
        CredentialsError,
        botocore_errors.CredentialRetrievalError,
        "credentials",
    ),
    "no region": (
        {"aws_access_key_id": "AKID", "aws_secret_access_key": "secret"},
        "",
        RegionError,
        botocore_errors.NoRegionError,
        "region_name",
    ),
    "invalid region": (
        {"region_name": "us east 1", "aws_access_key_id": "AKID", "aws_secret_access_key": "s"},
        "",
        RegionError,
        botocore_errors.InvalidRegionError,
        "region_name",
    ),
    "unknown profile": (
        {"region_name": "us-east-1", "profile_name": "nobody"},
        "",
        PinpointConfigurationError,
        botocore_errors.ProfileNotFound,
        "profile_name",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_setup_errors_from_botocore_are_typed_with_a_hint_and_nothing_is_sent(
    aws_home: Path, respx_mock: respx.MockRouter, case: str
) -> None:
    options, config, expected, cause, hint_word = CASES[case]
    options = dict(options)  # the table is shared by every run of the test
    (aws_home / "config").write_text(config)
    route = respx_mock.route().mock(return_value=httpx.Response(200, json={}))
    client = _client(session=AioSession(profile=options.pop("profile_name", None)), **options)
    try:
        with pytest.raises(expected) as raised:
            await client.apps.get("a1")
    finally:
        await client.close()
    error = raised.value
    assert isinstance(error, PinpointConfigurationError)
    assert isinstance(error.__cause__, cause)
    assert hint_word in error.hint and error.hint in str(error)
    assert (error.request_sent, error.attempts) == (False, 0)
    assert route.call_count == 0


async def test_a_region_botocore_does_not_know_is_named_as_such_not_as_a_connection_problem(
    aws_home: Path, no_dns: list[str]
) -> None:
    async with PinpointClient(
        region_name="us-nowhere-1", aws_access_key_id="AKID", aws_secret_access_key="secret"
    ) as client:
        with pytest.raises(RegionError) as raised:
            await client.apps.get("a1")
    error = raised.value
    assert "'us-nowhere-1' is unknown to botocore's endpoint data for pinpoint" in str(error)
    assert "us-east-1" in error.hint and "endpoint_url" in error.hint
    assert "Could not connect" not in str(error)
    assert error.request_sent is False
    # Not retried: a host name that does not exist will not exist in a second either.
    assert no_dns == ["pinpoint.us-nowhere-1.amazonaws.com"]

    # The same DNS failure in a region botocore knows is a network problem, and stays one.
    no_dns.clear()
    async with PinpointClient(
        region_name="eu-west-1",
        aws_access_key_id="AKID",
        aws_secret_access_key="secret",
        max_retries=0,
    ) as client:
        with pytest.raises(APIConnectionError) as raised_too:
            await client.apps.get("a1")
    assert not isinstance(raised_too.value, RegionError)
    assert raised_too.value.request_sent is False
    assert no_dns == ["pinpoint.eu-west-1.amazonaws.com"]
