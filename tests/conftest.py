"""Makes ``tests/support`` importable as ``support``; CI runs hypothesis deterministically.

Both transports pass the same tests: every test under the folders of ``BOTH_TRANSPORTS``
runs twice, once with each ``PinpointClient`` default transport (``[lean]`` and
``[botocore]`` in its id). A test that passes ``transport=`` itself keeps its choice.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from support.clock import RetryWaits

sys.path.insert(0, str(Path(__file__).parent))

# Locally every run explores new examples; in CI (CI=true) the same ones, so a red run means a
# regression of the commit, not the luck of the draw.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


#: The test folders whose every test runs on both transports: the calls, retries, timeouts,
#: errors, secrets, paging, bulk helpers and the fake (the models, builders, generator and
#: docs do not depend on how requests travel; the docs and examples run on the default).
BOTH_TRANSPORTS = frozenset({"runtime", "reliability", "bulk", "testing"})
_TESTS = Path(__file__).parent


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    folder = metafunc.definition.path.relative_to(_TESTS).parts[0]
    if folder in BOTH_TRANSPORTS:
        metafunc.parametrize("default_transport", ["lean", "botocore"], indirect=True)


@pytest.fixture(autouse=True)
def default_transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The transport a ``PinpointClient`` made without ``transport=`` uses in this test."""
    name: str = getattr(request, "param", "lean")
    if name != "lean":
        from pinpoint_sdk import PinpointClient

        defaults = PinpointClient.__init__.__kwdefaults__
        assert defaults is not None and "transport" in defaults
        monkeypatch.setitem(defaults, "transport", name)
    return name


@pytest.fixture
def retry_waits(monkeypatch: pytest.MonkeyPatch) -> RetryWaits:
    """The waits between a call's attempts, recorded instead of slept (``support/clock.py``)."""
    # Imported here: importing the SDK as the test session starts would hide what tests of
    # lazy imports look for.
    from support.clock import RetryWaits

    return RetryWaits(monkeypatch)
