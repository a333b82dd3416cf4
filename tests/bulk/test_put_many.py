"""client.events.put_many: at most 100 events per request, nothing recorded twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.lib.events import EndpointEvents
from pinpoint_sdk.models import Event, EventsBatch, PublicEndpoint
from pinpoint_sdk.testing import FakePinpoint


def batches(endpoint_count: int, events_each: int, prefix: str = "") -> Iterator[EndpointEvents]:
    for n in range(endpoint_count):
        events = {
            f"ev{prefix}-{n}-{k}": Event(event_type="purchase", timestamp="2026-11-22T10:00:00Z")
            for k in range(events_each)
        }
        yield (
            f"endpoint-{n}",
            EventsBatch(endpoint=PublicEndpoint(address=f"u{n}@example.com"), events=events),
        )


def event_counts(fake: FakePinpoint) -> Counter[str]:
    return Counter(event["EventId"] for event in fake.events)


async def test_events_go_at_most_100_per_request_and_each_is_recorded_once(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    # 30 endpoints x 7 events, then one endpoint with 250 events (split over 3 requests).
    items = [*batches(30, 7), ("big", next(batches(1, 250, "big"))[1])]
    result = await pinpoint_client.events.put_many(app_id, items, concurrency=4)

    assert result.ok
    sizes = [
        sum(len(b["Events"]) for b in c.params["EventsRequest"]["BatchItem"].values())
        for c in pinpoint_fake.calls("PutEvents")
        if c.params
    ]
    assert max(sizes) <= 100 and sum(sizes) == 460
    counts = event_counts(pinpoint_fake)
    assert len(counts) == 460 and set(counts.values()) == {1}


async def test_events_of_a_call_that_failed_after_acting_are_unknown_and_not_resent(
    pinpoint_client: PinpointClient, pinpoint_fake: FakePinpoint, app_id: str
) -> None:
    pinpoint_fake.faults.fail(500, times=1, operation="PutEvents", after_acting=True)
    result = await pinpoint_client.events.put_many(app_id, batches(50, 4), concurrency=1)

    assert (result.unknown, result.succeeded) == (25, 25)
    assert {o.item[0] for o in result.with_status("unknown")} == {
        f"endpoint-{n}" for n in range(25)
    }
    assert set(event_counts(pinpoint_fake).values()) == {1}  # recorded once, never twice
    assert len(pinpoint_fake.calls("PutEvents")) == 2
