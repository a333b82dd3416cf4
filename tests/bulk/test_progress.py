"""Progress updates, the rich bar, and the adaptive concurrency limit."""

from __future__ import annotations

import io
import sys

import pytest
from conftest import endpoints

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.bulk._limiter import AdaptiveLimit
from pinpoint_sdk.progress import MissingDependencyError, ProgressUpdate, RichProgress


def test_an_update_knows_its_successes_and_throughput() -> None:
    update = ProgressUpdate("endpoints", done=500, failed=20, total=1000, elapsed=2.0)
    assert (update.succeeded, update.throughput) == (480, 250.0)
    assert ProgressUpdate("x", done=0, failed=0, total=None, elapsed=0.0).throughput == 0.0


async def test_the_rich_bar_shows_done_failed_and_throughput(
    pinpoint_client: PinpointClient, app_id: str
) -> None:
    from rich.console import Console

    output = io.StringIO()
    with RichProgress(console=Console(file=output, width=120, force_terminal=False)) as bar:
        await pinpoint_client.endpoints.upsert_many(app_id, list(endpoints(300)), progress=bar)
        bar(ProgressUpdate("export", done=3, failed=1, total=None, elapsed=1.0, status="paging"))
    text = output.getvalue()
    assert "endpoints" in text and "300/300" in text and "0 failed" in text and "/s" in text
    assert "export" in text and "1 failed" in text and "paging" in text


def test_without_rich_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rich.progress", None)
    with pytest.raises(MissingDependencyError, match=r"pinpoint-sdk\[progress\]"):
        RichProgress()
    assert issubclass(MissingDependencyError, ImportError)


def test_the_limit_halves_once_per_congestion_event_and_grows_back_by_one_per_window() -> None:
    limit = AdaptiveLimit(8)
    tickets = [limit.start() for _ in range(8)]
    for ticket in tickets:  # eight requests in flight all meet the same throttling
        limit.congested(ticket)
    assert (limit.limit, limit.cuts) == (4, 1)
    limit.congested(limit.start())  # a request started after the cut: a new event
    assert limit.limit == 2
    for _ in range(2 + 3 + 4 + 5):  # one window of successes per step: 2 -> 3 -> ... -> 6
        limit.succeeded()
    assert limit.limit in (5, 6)
    for _ in range(100):
        limit.succeeded()
    assert limit.limit == 8  # never above the caller's concurrency
    for _ in range(10):
        limit.congested(limit.start())
    assert limit.limit == 1  # never below one
