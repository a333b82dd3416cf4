"""The ``pinpoint-sdk`` console script, run as a user runs it: in a subprocess.

Ordinary mistakes are one line on stderr with a hint and a documented exit status; only
``--debug`` shows a traceback. The AWS calls go to the local fake, served on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.cli import EXIT_CODES
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

#: Each test starts the script in a new interpreter.
pytestmark = pytest.mark.slow

SCRIPT = Path(sys.executable).with_name("pinpoint-sdk")
APP_ID = "c11c11c11c11c11c11c11c11c11c11c1"
OTHER_APP_ID = "d22d22d22d22d22d22d22d22d22d22d2"


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
        **(env or {}),
    }
    return subprocess.run(
        [str(SCRIPT), *args],
        env=environment,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture
def server() -> Iterator[FakePinpointServer]:
    fake = FakePinpoint(
        seed={
            "apps": [
                {"Id": APP_ID, "Name": "shop", "segments": [{"Name": "vip"}]},
                {"Id": OTHER_APP_ID, "Name": "outlet", "segments": [{"Name": "lapsed"}]},
            ]
        }
    )
    with FakePinpointServer(fake) as served:
        yield served


def on(server: FakePinpointServer) -> list[str]:
    return ["--endpoint-url", server.url, "--region", "us-east-1"]


def one_line_with_a_hint(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "(hint: " in lines[0] and "Traceback" not in stderr
    return lines[0]


def test_the_script_is_installed_and_helps() -> None:
    helped = run("--help")

    assert helped.returncode == 0, helped.stderr
    for command in ("export", "import", "compare", "fake"):
        assert f"\n    {command} " in helped.stdout
    for code, meaning in EXIT_CODES.items():
        assert f"  {code:<4} {meaning}" in helped.stdout


@pytest.mark.parametrize("command", ["export", "import", "compare"])
def test_each_command_has_its_help_with_the_exit_statuses(command: str) -> None:
    helped = run(command, "--help")

    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith(f"usage: pinpoint-sdk {command} ")
    assert "exit status:" in helped.stdout


def test_fake_help_is_the_fakes_own() -> None:
    helped = run("fake", "--help")

    assert helped.returncode == 0, helped.stderr
    assert "--port" in helped.stdout and "--seed" in helped.stdout


def test_a_missing_argument_is_a_usage_error_on_one_line() -> None:
    result = run("export", "backup")

    assert result.returncode == 2
    line = one_line_with_a_hint(result.stderr)
    assert "--application-id" in line and "pinpoint-sdk export --help" in line


def test_no_region_is_explained(tmp_path: Path) -> None:
    result = run("export", "--application-id", APP_ID, str(tmp_path / "out"), env=CREDENTIALS)

    assert result.returncode == 4
    assert "no AWS region" in one_line_with_a_hint(result.stderr)
    assert "--region" in result.stderr


def test_no_credentials_are_explained(tmp_path: Path, server: FakePinpointServer) -> None:
    result = run("export", "--application-id", APP_ID, str(tmp_path / "out"), *on(server))

    assert result.returncode == 4
    line = one_line_with_a_hint(result.stderr)
    assert "no AWS credentials" in line and "--profile" in line


def test_an_unknown_profile_is_explained(tmp_path: Path) -> None:
    result = run("export", "--application-id", APP_ID, str(tmp_path / "out"), "--profile", "nobody")

    assert result.returncode == 4
    assert "'nobody' does not exist" in one_line_with_a_hint(result.stderr)


def test_an_unknown_application_is_explained(tmp_path: Path, server: FakePinpointServer) -> None:
    unknown = "ffffffffffffffffffffffffffffffff"

    result = run(
        "export", "--application-id", unknown, str(tmp_path / "out"), *on(server), env=CREDENTIALS
    )

    assert result.returncode == 3
    line = one_line_with_a_hint(result.stderr)
    assert f"application {unknown} was not found" in line and "--region" in line


def test_an_unreachable_endpoint_is_explained(tmp_path: Path) -> None:
    result = run(
        "export",
        "--application-id",
        APP_ID,
        str(tmp_path / "out"),
        "--endpoint-url",
        "http://127.0.0.1:9",
        "--region",
        "us-east-1",
        env=CREDENTIALS,
    )

    assert result.returncode == 3
    assert "could not reach Pinpoint at http://127.0.0.1:9" in one_line_with_a_hint(result.stderr)


def test_an_existing_export_is_not_overwritten_unless_asked(
    tmp_path: Path, server: FakePinpointServer
) -> None:
    out = str(tmp_path / "out")
    first = run("export", "--application-id", APP_ID, out, *on(server), env=CREDENTIALS)
    assert first.returncode == 0, first.stderr

    again = run("export", "--application-id", APP_ID, out, *on(server), env=CREDENTIALS)
    replaced = run(
        "export", "--application-id", APP_ID, out, "--overwrite", *on(server), env=CREDENTIALS
    )

    assert again.returncode == 5
    assert "--overwrite" in one_line_with_a_hint(again.stderr)
    assert replaced.returncode == 0, replaced.stderr


@pytest.mark.parametrize("command", ["import", "compare"])
def test_a_missing_input_folder_is_explained(tmp_path: Path, command: str) -> None:
    missing = str(tmp_path / "nowhere")
    args = [missing, "--region", "us-east-1"] if command == "import" else [missing, missing]

    result = run(command, *args, env=CREDENTIALS)

    assert result.returncode == 5
    assert f"{missing} does not exist" in one_line_with_a_hint(result.stderr)


def test_a_folder_without_an_export_is_explained(tmp_path: Path) -> None:
    result = run("compare", str(tmp_path), str(tmp_path))

    assert result.returncode == 5
    assert "does not hold a pinpoint-sdk export" in one_line_with_a_hint(result.stderr)


def test_export_and_compare_say_whether_two_exports_match(
    tmp_path: Path, server: FakePinpointServer
) -> None:
    # (Importing is tested in process in tests/bulk/test_export.py.)
    folders = {name: str(tmp_path / name) for name in ("shop", "shop-again", "outlet")}
    for name, app_id in (("shop", APP_ID), ("shop-again", APP_ID), ("outlet", OTHER_APP_ID)):
        exported = run(
            "export", "--application-id", app_id, folders[name], *on(server), env=CREDENTIALS
        )
        assert exported.returncode == 0, exported.stderr
        assert "1 segments" in exported.stdout

    same = run("compare", folders["shop"], folders["shop-again"])
    different = run("compare", folders["shop"], folders["outlet"])

    assert (same.returncode, same.stdout) == (0, "identical\n")
    assert different.returncode == 1
    assert f"segments: only in {folders['outlet']}: lapsed" in different.stdout
    assert same.stderr == different.stderr == ""


def test_debug_adds_the_traceback_before_the_one_line(tmp_path: Path) -> None:
    result = run(
        "--debug", "export", "--application-id", APP_ID, str(tmp_path / "out"), env=CREDENTIALS
    )

    assert result.returncode == 4
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.splitlines()[-1].startswith("pinpoint-sdk export: no AWS region")


def test_python_dash_m_is_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pinpoint_sdk", "compare", str(tmp_path), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 5
    assert result.stderr.startswith("python -m pinpoint_sdk compare: ")


async def create_app(url: str) -> str:
    async with PinpointClient(
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ) as client:
        await client.apps.create(name="served")
        [app] = [app async for app in client.apps.list()]
        return app.name


def test_fake_serves_until_interrupted() -> None:
    process = subprocess.Popen(
        [str(SCRIPT), "fake", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert asyncio.run(create_app(url)) == "served"
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err


def test_the_docs_list_every_exit_status() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "getting-started.md").read_text()
    table = guide.split("<!-- exit-codes:start", 1)[1].split("<!-- exit-codes:end -->", 1)[0]

    rows = [line for line in table.splitlines() if line.startswith("| ") and line[2].isdigit()]

    assert rows == [f"| {code} | {meaning} |" for code, meaning in EXIT_CODES.items()]


def test_fake_passes_on_its_own_errors_and_status(tmp_path: Path) -> None:
    result = run("fake", "--seed", str(tmp_path / "missing.json"))

    assert result.returncode == 2
    assert "cannot seed from" in result.stderr
