"""The journey and segment request bodies of ``tests/fixtures/``, shared by the test suites.

Each file is a complete request body as boto3 and aiobotocore take it, keyed by botocore
member names: a ``WriteJourneyRequest`` (``tests/fixtures/journeys/``) or a
``WriteSegmentRequest`` (``tests/fixtures/segments/``). ``tests/fixtures/README.md`` lists
what each one shows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
JOURNEYS = FIXTURES / "journeys"
SEGMENTS = FIXTURES / "segments"


def journey(name: str) -> dict[str, Any]:
    """A fresh copy of the journey request ``tests/fixtures/journeys/<name>.json``."""
    data: dict[str, Any] = json.loads((JOURNEYS / f"{name}.json").read_text())
    return data


def segment(name: str) -> dict[str, Any]:
    """A fresh copy of the segment request ``tests/fixtures/segments/<name>.json``."""
    data: dict[str, Any] = json.loads((SEGMENTS / f"{name}.json").read_text())
    return data


def journey_names() -> list[str]:
    """Every journey fixture, by name."""
    return sorted(path.stem for path in JOURNEYS.glob("*.json"))


def segment_names() -> list[str]:
    """Every segment fixture, by name."""
    return sorted(path.stem for path in SEGMENTS.glob("*.json"))
