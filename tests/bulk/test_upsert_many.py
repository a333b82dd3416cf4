"""client.endpoints.upsert_many against the fake: chunks, concurrency, throttling, failures."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession
from conftest import acted_ids, endpoints

from pinpoint_sdk import PinpointClient, PinpointValidationError, RetryBudget, RetryPolicy
from pinpoint_sdk.bulk import BATCH_LIMITS, BulkResult, ItemOutcome
from pinpoint_sdk.models import EndpointBatchItem
from pinpoint_sdk.progress import ProgressUpdate
from pinpoint_sdk.testing import FakePinpoint


@pytest.mark.slow
async def test_100k_endpoints_land_in_chunks_of_100_with_concurrency_8(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    result = await pinpoint_client.endpoints.upsert_many(
        app_id, endpoints(100_000), concurrency=8, chunk_size=100
    )

    assert result.ok and result.total == result.succeeded == 100_000
    assert (result.failed, result.unknown, result.not_sent, result.failures) == (0, 0, 0, ())
    calls = pinpoint_fake.calls("UpdateEndpointsBatch")
    assert len(calls) == result.requests == 1_000
    assert {len(c.params["EndpointBatchRequest"]["Item"]) for c in calls if c.params} == {100}
    stored = acted_ids(pinpoint_fake)
    assert len(stored) == len(set(stored)) == 100_000
    for n in [0, 99_999, *random.Random(8).sample(range(100_000), 50)]:
        endpoint = pinpoint_fake.invoke(
            "GetEndpoint", {"ApplicationId": app_id, "EndpointId": f"e{n}"}
        )
        assert endpoint is not None and endpoint["Address"] == f"user{n}@example.com"


async def test_with_20_percent_throttling_every_item_lands_exactly_once_and_every_request_counts(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    pinpoint_fake.faults.randomly(0.2, kind="throttle", seed=20, operation="UpdateEndpointsBatch")
    # A batch job can afford patience: the chunks retry under this policy, like any call.
    patient = pinpoint_client.with_options(max_retries=8)

    result = await patient.endpoints.upsert_many(app_id, endpoints(20_000), concurrency=8)

    assert result.ok and result.succeeded == 20_000
    assert Counter(acted_ids(pinpoint_fake)) == Counter(f"e{n}" for n in range(20_000))
    calls = pinpoint_fake.calls("UpdateEndpointsBatch")
    throttled = [c for c in calls if c.fault]
    assert throttled and not any(c.acted for c in throttled)
    # Every figure of the result is what the service saw: requests, 429s, and the retries
    # (each throttled request was sent again, and only those were).
    assert result.requests == len(calls) == 200 + result.retries
    assert result.throttled == len(throttled) == result.retries


async def test_steady_throttling_costs_exactly_the_policys_attempts_per_chunk_and_says_so(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    pinpoint_fake.faults.throttle(None, operation="UpdateEndpointsBatch")
    budget = pinpoint_client._retrier.budget
    assert budget is not None
    tokens = budget.tokens

    result = await pinpoint_client.endpoints.upsert_many(app_id, endpoints(300), concurrency=2)

    # 3 chunks, each sent 1 + max_retries = 3 times, never more: 9 requests, as the fake saw.
    assert len(pinpoint_fake.calls("UpdateEndpointsBatch")) == 9
    assert (result.requests, result.retries, result.throttled) == (9, 6, 9)
    assert (result.failed, result.succeeded) == (300, 0)
    assert {o.error.attempts for o in result.failures if o.error is not None} == {3}
    assert "in 9 requests (6 retries" in str(result)
    # The six retries were paid from the client's budget, 5 tokens each, like single calls'.
    assert budget.tokens == tokens - 6 * budget.RETRY_COST


async def test_chunk_retries_stop_when_the_clients_budget_is_empty(
    pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    pinpoint_fake.faults.throttle(None, operation="UpdateEndpointsBatch")
    budget = RetryBudget(capacity=2 * RetryBudget.RETRY_COST)
    with pinpoint_fake.mock():
        async with PinpointClient(
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            config=AioConfig(http_session_cls=HttpxSession),
            retry_policy=RetryPolicy(max_retries=5, backoff_base=0.001, backoff_cap=0.002),
            retry_budget=budget,
        ) as client:
            result = await client.endpoints.upsert_many(app_id, endpoints(300), concurrency=1)

    # The first chunk's two retries empty the budget; the other chunks get one request each.
    assert (result.requests, result.retries, result.failed) == (5, 2, 300)
    assert len(pinpoint_fake.calls("UpdateEndpointsBatch")) == 5
    assert budget.tokens == 0


async def test_concurrency_bounds_the_requests_in_flight(
    pinpoint_client: PinpointClient, app_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    resource = pinpoint_client.endpoints
    original = type(resource).update_batch
    in_flight = peak = 0

    async def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.002)
        try:
            return await original(*args, **kwargs)
        finally:
            in_flight -= 1

    monkeypatch.setattr(type(resource), "update_batch", counting)
    result = await resource.upsert_many(app_id, endpoints(3_000), concurrency=3, chunk_size=50)

    assert result.ok and result.requests == 60
    assert peak == 3


async def test_reads_an_async_iterable_and_reports_progress(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    async def stream() -> AsyncIterator[EndpointBatchItem]:
        for item in endpoints(250):
            await asyncio.sleep(0)
            yield item

    updates: list[ProgressUpdate] = []
    result = await pinpoint_client.endpoints.upsert_many(app_id, stream(), progress=updates.append)

    assert result.succeeded == 250 and result.requests == 3
    assert [u.done for u in updates] == sorted(u.done for u in updates)
    assert updates[-1].finished and updates[-1].done == updates[-1].total == 250
    assert all(u.total is None for u in updates[:-1])  # a generator has no length
    assert len(acted_ids(pinpoint_fake)) == 250


async def test_a_list_gives_the_total_up_front(
    pinpoint_client: PinpointClient, app_id: str
) -> None:
    updates: list[ProgressUpdate] = []
    await pinpoint_client.endpoints.upsert_many(
        app_id, list(endpoints(150)), progress=updates.append
    )
    assert {u.total for u in updates} == {150}


async def test_a_chunk_that_keeps_failing_is_reported_with_its_items_and_error(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    # The client tries 3 times (max_retries=2): the first chunk fails for good.
    pinpoint_fake.faults.fail(503, times=3, operation="UpdateEndpointsBatch")
    seen: list[ItemOutcome[EndpointBatchItem]] = []

    result = await pinpoint_client.endpoints.upsert_many(
        app_id, endpoints(300), concurrency=1, on_item=seen.append
    )

    assert (result.succeeded, result.failed, result.unknown) == (200, 100, 0)
    assert {f.item.id for f in result.failures} == {f"e{n}" for n in range(100)}
    assert {f.index for f in result.failures} == set(range(100))
    failure = result.failures[0]
    assert failure.status == "failed" and failure.error is not None
    assert failure.error.status_code == 503  # type: ignore[attr-defined]
    assert len(seen) == 300 and sum(o.ok for o in seen) == 200
    # The endpoint operation is idempotent: what failed can simply go again.
    again = await pinpoint_client.endpoints.upsert_many(app_id, result.items_to_retry())
    assert again.ok and again.total == 100


async def test_keep_failures_false_keeps_only_counts(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    pinpoint_fake.faults.fail(500, times=3, operation="UpdateEndpointsBatch")
    result = await pinpoint_client.endpoints.upsert_many(
        app_id, endpoints(200), concurrency=1, keep_failures=False
    )
    assert (result.failed, result.failures) == (100, ())


async def test_a_chunk_rejected_by_the_service_fails_without_retry(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint
) -> None:
    result = await pinpoint_client.endpoints.upsert_many("no-such-app", endpoints(10))
    assert result.failed == 10 and result.requests == 1
    assert "NotFound" in type(result.failures[0].error).__name__
    assert len(pinpoint_fake.calls("UpdateEndpointsBatch")) == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"concurrency": 0}, "concurrency"),
        ({"chunk_size": BATCH_LIMITS["UpdateEndpointsBatch"] + 1}, "between 1 and 100"),
        ({"chunk_size": 0}, "between 1 and 100"),
    ],
)
def test_options_no_request_could_honour_are_refused_at_once(
    pinpoint_client: PinpointClient, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(PinpointValidationError, match=message):
        pinpoint_client.endpoints.upsert_many("app", [], **options)


async def test_an_operation_runs_once(pinpoint_client: PinpointClient, app_id: str) -> None:
    operation = pinpoint_client.endpoints.upsert_many(app_id, endpoints(1))
    first: BulkResult[EndpointBatchItem] = await operation
    assert first.ok
    with pytest.raises(RuntimeError, match="runs once"):
        await operation


async def test_empty_input_makes_no_request(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    result = await pinpoint_client.endpoints.upsert_many(app_id, [])
    assert (result.total, result.requests, result.ok) == (0, 0, True)
    assert not pinpoint_fake.calls("UpdateEndpointsBatch")
