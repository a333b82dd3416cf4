"""``python -m pinpoint_sdk.testing`` as a service: another process drives it over plain HTTP.

The fake runs in a subprocess; the test talks to it with boto3 (as the code under test
would) and with ``urllib.request`` (as a service in another language would use the control
API): no SDK and no boto3 on the control side.
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

#: Each test starts the fake in a new interpreter.
pytestmark = pytest.mark.slow

KEYS = {"aws_access_key_id": "AKIDNOTASECRET", "aws_secret_access_key": "s3cr3t-never-logged"}
SMS = {"SMSMessage": {"Body": "Your code is 4242", "MessageType": "TRANSACTIONAL"}}


@dataclass
class Service:
    url: str
    process: subprocess.Popen[str]

    def stop(self) -> tuple[int, str]:
        """SIGTERM, then the exit code and everything written to stderr."""
        self.process.send_signal(signal.SIGTERM)
        _, stderr = self.process.communicate(timeout=20)
        return self.process.returncode, stderr


@contextmanager
def serve(*arguments: str) -> Iterator[Service]:
    process = subprocess.Popen(
        [sys.executable, "-m", "pinpoint_sdk.testing", "--port", "0", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), process.stderr.read() if process.stderr else ""
        yield Service(url, process)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=20)


def control(
    url: str, method: str, path: str, body: dict[str, Any] | None = None
) -> tuple[int, Any]:
    """One control API call with the standard library only."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{url}{path}", data=data, method=method)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _pinpoint(url: str, region: str = "us-east-1") -> Any:
    return boto3.client(
        "pinpoint",
        endpoint_url=url,
        region_name=region,
        config=Config(retries={"total_max_attempts": 1}),
        **KEYS,
    )


def test_another_process_reads_the_outbox_injects_a_throttle_and_resets() -> None:
    with serve() as service:
        pinpoint = _pinpoint(service.url)
        try:
            app_id = pinpoint.create_app(CreateApplicationRequest={"Name": "shop"})[
                "ApplicationResponse"
            ]["Id"]
            pinpoint.send_messages(
                ApplicationId=app_id,
                MessageRequest={
                    "Addresses": {"+12065550142": {"ChannelType": "SMS"}},
                    "MessageConfiguration": SMS,
                },
            )

            status, outbox = control(service.url, "GET", "/_fake/outbox")
            assert status == 200
            [message] = outbox["messages"]
            assert (message["channel"], message["address"], message["region"]) == (
                "SMS",
                "+12065550142",
                "us-east-1",
            )
            assert message["message"]["Body"] == "Your code is 4242"
            assert message["template"] is None and message["application_id"] == app_id

            status, _ = control(
                service.url, "POST", "/_fake/faults", {"kind": "throttle", "operation": "GetApp"}
            )
            assert status == 201
            with pytest.raises(ClientError) as throttled:
                pinpoint.get_app(ApplicationId=app_id)
            assert throttled.value.response["Error"]["Code"] == "TooManyRequestsException"
            assert pinpoint.get_app(ApplicationId=app_id)["ApplicationResponse"]["Id"] == app_id

            assert control(service.url, "POST", "/_fake/reset") == (200, {"reset": "all"})
            with pytest.raises(ClientError) as gone:
                pinpoint.get_app(ApplicationId=app_id)
            assert gone.value.response["Error"]["Message"] == "Application not found"
            assert control(service.url, "GET", "/_fake/outbox") == (200, {"messages": []})
        finally:
            pinpoint.close()
        code, _ = service.stop()
    assert code == 0


def _free_port_is(port: int) -> bool:
    """Whether a new server could listen on ``port`` (connections the old one closed may
    linger in TIME_WAIT: servers, the fake included, bind with SO_REUSEADDR)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            probe.listen()
        except OSError:
            return False
        return True


def test_sigterm_stops_cleanly_and_releases_the_port() -> None:
    with serve() as service:
        assert control(service.url, "GET", "/_fake/health")[1]["status"] == "ok"
        port = int(service.url.rsplit(":", 1)[1])
        assert not _free_port_is(port)
        code, stderr = service.stop()
    assert code == 0, stderr
    assert "FakePinpoint stopped" in stderr
    assert _free_port_is(port)


def test_verbose_logs_one_line_per_request_without_bodies_or_credentials() -> None:
    with serve("--verbose", "--region", "eu-west-1") as service:
        signed = _pinpoint(service.url, region="ap-south-1")
        try:
            signed.create_app(CreateApplicationRequest={"Name": "private-name"})
        finally:
            signed.close()
        control(service.url, "GET", "/_fake/health")
        urllib.request.urlopen(  # unsigned: the default region from --region
            urllib.request.Request(f"{service.url}/v1/apps?X-Amz-Signature=deadbeef"), timeout=10
        ).close()
        code, stderr = service.stop()
    assert code == 0
    lines = [line for line in stderr.splitlines() if " /" in line]
    assert len(lines) == 3, stderr
    create, health, listing = (line.split()[2:] for line in lines)
    assert create[:4] == ["POST", "/v1/apps", "201", "ap-south-1"]
    assert health[:4] == ["GET", "/_fake/health", "200", "-"]
    assert listing[:4] == ["GET", "/v1/apps", "200", "eu-west-1"]
    assert all(line.endswith("ms") for line in lines)
    for secret in ("private-name", "AKIDNOTASECRET", "s3cr3t", "deadbeef", "Credential"):
        assert secret not in stderr


def _export_folder(tmp_path: Path) -> Path:
    """A small export folder, as ``python -m pinpoint_sdk export`` writes it."""
    folder = tmp_path / "export"
    files: dict[str, Any] = {
        "manifest.json": {
            "format": "pinpoint-sdk-export",
            "format_version": 1,
            "application": {"Id": "f" * 32, "Name": "exported"},
            "segments": [{"File": "segments/s.json", "Id": "5" * 32, "Name": "vip"}],
        },
        "application.json": {"Name": "exported"},
        "segments/s.json": {"Name": "vip"},
    }
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(content))
    return folder


def test_a_json_seed_file_seeds_the_service(tmp_path: Path) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps({"apps": [{"Id": "ab" * 16, "Name": "from-cli"}]}))
    with serve("--seed", str(seed)) as service:
        pinpoint = _pinpoint(service.url)
        try:
            app = pinpoint.get_app(ApplicationId="ab" * 16)["ApplicationResponse"]
        finally:
            pinpoint.close()
        code, stderr = service.stop()
    assert app["Name"] == "from-cli"
    assert code == 0, stderr


@pytest.mark.parametrize("how", ["--seed", "control API"])
def test_an_export_folder_seeds_the_service(tmp_path: Path, how: str) -> None:
    folder = _export_folder(tmp_path)
    arguments: Sequence[str] = ("--seed", str(folder)) if how == "--seed" else ()
    with serve(*arguments) as service:
        if how == "control API":
            status, seeded = control(
                service.url, "POST", "/_fake/seed", {"export": str(folder), "region": "eu-west-1"}
            )
            assert (status, seeded) == (
                200,
                {"region": "eu-west-1", "application_ids": ["f" * 32]},
            )
        region = "us-east-1" if how == "--seed" else "eu-west-1"
        pinpoint = _pinpoint(service.url, region)
        try:
            segment = pinpoint.get_segment(ApplicationId="f" * 32, SegmentId="5" * 32)
        finally:
            pinpoint.close()
        service.stop()
    assert segment["SegmentResponse"]["Name"] == "vip"


def test_a_bad_seed_or_a_taken_port_fails_with_a_message(tmp_path: Path) -> None:
    bad = tmp_path / "seed.json"
    bad.write_text('{"applications": []}')
    seeded = subprocess.run(
        [sys.executable, "-m", "pinpoint_sdk.testing", "--seed", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert seeded.returncode == 2 and "Unknown seed keys" in seeded.stderr
    with serve() as service:
        port = service.url.rsplit(":", 1)[1]
        taken = subprocess.run(
            [sys.executable, "-m", "pinpoint_sdk.testing", "--port", port],
            capture_output=True,
            text=True,
            timeout=60,
        )
        service.stop()
    assert taken.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in taken.stderr
