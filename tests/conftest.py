"""Makes ``tests/support`` importable as ``support``; CI runs hypothesis deterministically."""

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


@pytest.fixture
def retry_waits(monkeypatch: pytest.MonkeyPatch) -> RetryWaits:
    """The waits between a call's attempts, recorded instead of slept (``support/clock.py``)."""
    # Imported here: importing the SDK as the test session starts would hide what tests of
    # lazy imports look for.
    from support.clock import RetryWaits

    return RetryWaits(monkeypatch)
