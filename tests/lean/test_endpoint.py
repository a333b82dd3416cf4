"""The lean transport sends to the endpoint aiobotocore sends to, signed for the same scope.

Each case sets the endpoint up one way a user can (region, ``endpoint_url``, the environment,
the config file, FIPS, dual-stack, a custom ``AioConfig``) and compares, for two
operations, the URL and the credential scope of what each path would send. Nothing leaves
the process: aiobotocore's request is caught by a ``before-send`` handler, the lean one at
its HTTP backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from aiobotocore.awsrequest import AioAWSResponse
from aiobotocore.config import AioConfig
from aiobotocore.session import AioSession
from botocore.awsrequest import prepare_request_dict
from lean_support import lean_client, request

from pinpoint_sdk import Timeout
from pinpoint_sdk._lean._aiohttp import AiohttpBackend
from pinpoint_sdk._lean._encoding import encode_query
from pinpoint_sdk._lean._endpoint import Endpoint

AWS_VARIABLES = (
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_PINPOINT",
    "AWS_USE_FIPS_ENDPOINT",
    "AWS_USE_DUALSTACK_ENDPOINT",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
)


@pytest.fixture
def aws_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No AWS settings but those a case writes (``config`` in the returned directory)."""
    for name in AWS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "config").write_text("")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    yield tmp_path


class _Answer:
    async def read(self) -> bytes:
        return b"{}"


def _catch_botocore(sent: list[tuple[str, str]]) -> Any:
    def before_send(request: Any, **_: Any) -> AioAWSResponse:
        sent.append((request.url, request.headers["Authorization"].decode().split(",")[0]))
        return AioAWSResponse(request.url, 200, {}, _Answer())

    return before_send


async def _caught_lean(
    self: AiohttpBackend, method: str, url: str, headers: dict[str, str], *_: Any, **__: Any
) -> tuple[int, dict[str, str], bytes]:
    CAUGHT.append((url, headers["Authorization"].split(",")[0]))
    return 200, {}, b"{}"


CAUGHT: list[tuple[str, str]] = []
CALLS = [
    ("GetCampaign", {"ApplicationId": "app 1", "CampaignId": "c/1"}),
    ("GetCampaigns", {"ApplicationId": "app", "PageSize": "5", "Token": "t t"}),
]

#: case: (environment, config file, client options)
CASES: dict[str, tuple[dict[str, str], str, dict[str, Any]]] = {
    "us-east-1": ({}, "", {"region_name": "us-east-1"}),
    "eu-west-1": ({}, "", {"region_name": "eu-west-1"}),
    "ap-south-1 from the environment": ({"AWS_DEFAULT_REGION": "ap-south-1"}, "", {}),
    "GovCloud": ({}, "", {"region_name": "us-gov-west-1"}),
    "China": ({}, "", {"region_name": "cn-north-1"}),
    "a region botocore does not know": ({}, "", {"region_name": "us-nowhere-1"}),
    "endpoint_url": ({}, "", {"region_name": "eu-west-1", "endpoint_url": "http://127.0.0.1:4566"}),
    "endpoint_url with a path": (
        {},
        "",
        {"region_name": "us-east-1", "endpoint_url": "https://proxy.example.com/pinpoint/"},
    ),
    "AWS_ENDPOINT_URL_PINPOINT": (
        {"AWS_ENDPOINT_URL_PINPOINT": "http://localhost:9000", "AWS_ENDPOINT_URL": "http://no"},
        "",
        {"region_name": "us-east-1"},
    ),
    "AWS_ENDPOINT_URL": (
        {"AWS_ENDPOINT_URL": "http://localhost:9001"},
        "",
        {"region_name": "us-east-1"},
    ),
    "endpoint_url in the config file": (
        {},
        "[default]\nendpoint_url = http://localhost:9002\n",
        {"region_name": "us-east-1"},
    ),
    "a services section in the config file": (
        {},
        "[default]\nservices = local\n[services local]\npinpoint =\n  endpoint_url = http://localhost:9003\n",
        {"region_name": "us-east-1"},
    ),
    "FIPS from the environment": (
        {"AWS_USE_FIPS_ENDPOINT": "true"},
        "",
        {"region_name": "us-east-1"},
    ),
    "FIPS from the config file": (
        {},
        "[default]\nuse_fips_endpoint = true\n",
        {"region_name": "us-west-2"},
    ),
    "FIPS from AioConfig": (
        {},
        "",
        {"region_name": "us-gov-west-1", "config": AioConfig(use_fips_endpoint=True)},
    ),
    "dual-stack from the environment": (
        {"AWS_USE_DUALSTACK_ENDPOINT": "true"},
        "",
        {"region_name": "eu-central-1"},
    ),
    "dual-stack and FIPS from AioConfig": (
        {},
        "",
        {
            "region_name": "us-east-1",
            "config": AioConfig(use_dualstack_endpoint=True, use_fips_endpoint=True),
        },
    ),
    "endpoint_url overrides the environment": (
        {"AWS_ENDPOINT_URL_PINPOINT": "http://localhost:9000"},
        "",
        {"region_name": "us-east-1", "endpoint_url": "http://127.0.0.1:9004/"},
    ),
    "AioConfig with a custom pool and timeouts": (
        {},
        "",
        {
            "region_name": "sa-east-1",
            "config": AioConfig(max_pool_connections=3, connect_timeout=1),
        },
    ),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_requests_go_where_aiobotocore_sends_them_signed_for_the_same_scope(
    aws_home: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    environment, config_file, options = CASES[case]
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    (aws_home / "config").write_text(config_file)
    botocore_sent: list[tuple[str, str]] = []
    CAUGHT.clear()
    with mock.patch.object(AiohttpBackend, "send", _caught_lean):
        async with lean_client(session=AioSession(), **options) as (client, transport):
            client.meta.events.register("before-send", _catch_botocore(botocore_sent))
            for operation, params in CALLS:
                await getattr(
                    client,
                    {"GetCampaign": "get_campaign", "GetCampaigns": "get_campaigns"}[operation],
                )(**params)
                await transport.send(request(operation, **params), timeout=Timeout())
    assert botocore_sent == CAUGHT
    assert len(CAUGHT) == 2


@pytest.mark.parametrize(
    "endpoint_url",
    [
        "https://pinpoint.us-east-1.amazonaws.com",
        "https://pinpoint.us-east-1.amazonaws.com/",
        "http://127.0.0.1:4566/prefix",
        "http://127.0.0.1:4566/prefix/",
        "http://[::1]:4566/a/b/",
        "https://proxy.example.com/pinpoint?tenant=7",
    ],
)
@pytest.mark.parametrize("path", ["/v1/apps/a%20b", "/", ""])
@pytest.mark.parametrize("query", [{}, {"tagKeys": []}, {"page-size": "5", "token": "a+b"}])
def test_a_request_url_is_composed_as_prepare_request_dict_composes_it(
    endpoint_url: str, path: str, query: dict[str, Any]
) -> None:
    request_dict: dict[str, Any] = {"url_path": path, "query_string": query, "headers": {}}
    prepare_request_dict(request_dict, endpoint_url)
    encoded = encode_query(query.items()) if query else None
    assert Endpoint(endpoint_url).url_for(path, encoded) == request_dict["url"]
