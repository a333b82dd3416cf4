"""A user's project, in a fresh virtualenv with only ``pinpoint-sdk[testing]`` and pytest.

The project is the set-up of ``docs/testing.md`` taken from the page (its ``pyproject.toml``
settings and its first test) plus tests that use every fixture in both modes: in process
(``pinpoint_client``, ``pinpoint_fake``) and over HTTP (``pinpoint_fake_server``). It runs
under ``-W error`` with nothing in its configuration about warnings. The SDK is built into a
wheel first and installed from it, so what is tested is what a user installs.

pip installs from its cache and the machine's package index; the test takes about a minute.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "testing.md"

EVERY_FIXTURE = """
import asyncio

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.models import (
    AddressConfiguration,
    DirectMessageConfiguration,
    SMSMessage,
)


async def send_code(client: PinpointClient, app_id: str, phone: str) -> None:
    await client.messages.send(
        app_id,
        addresses={phone: AddressConfiguration(channel_type="SMS")},
        message_configuration=DirectMessageConfiguration(
            sms_message=SMSMessage(body="Your code is 4711", message_type="TRANSACTIONAL")
        ),
    )


async def test_in_process_the_outbox_records_the_send(pinpoint_client, pinpoint_fake):
    app = await pinpoint_client.apps.create(name="shop")

    await send_code(pinpoint_client, app.id, "+14255550123")

    [message] = pinpoint_fake.outbox.to("+14255550123")
    assert message.channel == "SMS"
    assert message.message["Body"] == "Your code is 4711"


async def test_in_process_throttling_is_retried(pinpoint_client, pinpoint_fake):
    app = await pinpoint_client.apps.create(name="shop")
    pinpoint_fake.faults.throttle(1, operation="GetApp")

    fetched = await pinpoint_client.apps.get(app.id)

    assert fetched.name == "shop"
    assert [call.status for call in pinpoint_fake.calls("GetApp")] == [429, 200]


async def test_over_http_a_client_of_your_own_reaches_the_same_fake(
    pinpoint_fake_server, pinpoint_fake
):
    async with PinpointClient(
        endpoint_url=pinpoint_fake_server.url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ) as client:
        app = await client.apps.create(name="over-http")
        await send_code(client, app.id, "+14255550199")

    assert pinpoint_fake_server.url.startswith("http://127.0.0.1:")
    assert len(pinpoint_fake.outbox.to("+14255550199")) == 1


def test_over_http_from_synchronous_code(pinpoint_fake_server, pinpoint_fake):
    async def create() -> str:
        async with PinpointClient(
            endpoint_url=pinpoint_fake_server.url,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        ) as client:
            return (await client.apps.create(name="from-sync")).id

    app_id = asyncio.run(create())

    assert [call.status for call in pinpoint_fake.calls("CreateApp")] == [201]
    assert app_id
"""


def _block(page: str, section: str, label: str) -> str:
    """The first ``label`` fenced block of ``section`` (a ``## `` heading) of ``page``."""
    part = page.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(rf"^```{label}\n(.*?)^```$", part, re.M | re.S)
    assert found, f"docs/testing.md, section {section!r}: no {label} block"
    return found.group(1)


def _run(command: list[str | Path], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    # Nothing from this repository's run may leak in: no PYTHONPATH, no virtualenv.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.timeout(600)  # builds a wheel and installs it into a new virtualenv
def test_a_fresh_project_with_the_testing_extra_passes_under_warnings_as_errors(
    tmp_path: Path,
) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    install = _block(guide, "Set-up", "bash").strip()
    assert install == 'pip install "pinpoint-sdk[testing]"'
    project = tmp_path / "user-project"
    (project / "tests").mkdir(parents=True)
    (project / "pyproject.toml").write_text(_block(guide, "Set-up", "toml"))
    (project / "tests" / "test_pinpoint.py").write_text(_block(guide, "Set-up", "python"))
    (project / "tests" / "test_every_fixture.py").write_text(textwrap.dedent(EVERY_FIXTURE))

    wheels = tmp_path / "dist"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT],
        cwd=tmp_path,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = wheels.glob("pinpoint_sdk-*.whl")
    # The venv gets no pip of its own (ensurepip is the slowest step): this interpreter's pip
    # installs into it, from its cache, without compiling every module up front.
    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp_path, timeout=120)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python]
    installed = _run(
        [
            *(*pip, "install", "-q", "--no-compile", "-c", ROOT / "constraints.txt"),
            *(f"pinpoint-sdk[testing] @ {wheel.as_uri()}", "pytest"),
        ],
        cwd=tmp_path,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr

    tests = _run(
        [python, "-m", "pytest", "-W", "error", "-p", "no:cacheprovider", "-q"],
        cwd=project,
        timeout=300,
    )

    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert re.search(r"^5 passed in ", tests.stdout, re.M), tests.stdout
    # Only what the extra and pytest bring: none of the SDK's development tools.
    listed = _run([*pip, "list", "--format=freeze"], cwd=tmp_path, timeout=120)
    names = {line.split("==")[0].lower() for line in listed.stdout.splitlines()}
    assert {"respx", "httpx", "pytest-asyncio"} <= names
    assert not {"moto", "mypy", "ruff", "fastapi", "hypothesis"} & names
    # The console script is installed with the package.
    helped = _run([venv / "bin" / "pinpoint-sdk", "--help"], cwd=tmp_path, timeout=60)
    assert helped.returncode == 0, helped.stderr
    assert "usage: pinpoint-sdk" in helped.stdout
