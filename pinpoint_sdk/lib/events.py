"""``client.events``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeAlias

from ..bulk._chunks import Items, chunk_entries
from ..bulk._engine import (
    SUCCEEDED,
    BulkOperation,
    ChunkReply,
    Verdict,
    check_options,
    one_attempt_per_send,
)
from ..bulk._inputs import as_model
from ..bulk._limits import BATCH_LIMITS
from ..bulk._results import ItemOutcome
from ..models import EventsBatch, EventsRequest, EventsResponse, ItemResponse
from ..progress import ProgressCallback
from ..resources import events as generated

if TYPE_CHECKING:
    from ..params import EventsBatchParam, EventsBatchWireParam

__all__ = ["EndpointEvents", "Events"]

_OPERATION = "PutEvents"

#: One endpoint and events of it: the key and value of ``EventsRequest.BatchItem``.
EndpointEvents = tuple[str, EventsBatch]
#: What ``put_many`` takes: the same pair, the batch also as a dict (either spelling).
EndpointEventsInput: TypeAlias = "tuple[str, EventsBatch | EventsBatchParam | EventsBatchWireParam]"


def _split(item: EndpointEvents, limit: int) -> Iterator[EndpointEvents]:
    """The item, or pieces of it with at most ``limit`` events each (same endpoint)."""
    endpoint_id, batch = item
    if len(batch.events) <= limit:
        yield item
        return
    events = iter(batch.events.items())
    while piece := dict(islice(events, limit)):
        yield endpoint_id, batch.model_copy(update={"events": piece})


def _pieces(item: EndpointEventsInput, limit: int) -> Iterator[EndpointEvents]:
    endpoint_id, batch = item
    return _split((endpoint_id, as_model(EventsBatch, batch, _OPERATION)), limit)


async def _split_all(
    items: Items[EndpointEventsInput], limit: int
) -> AsyncIterator[EndpointEvents]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            for piece in _pieces(item, limit):
                yield piece
    else:
        for item in items:
            for piece in _pieces(item, limit):
                yield piece


def _ok(status: int | None) -> bool:
    return status is not None and 200 <= status < 300


def _verdict(item: EndpointEvents, response: ItemResponse | None) -> Verdict:
    if response is None:
        return Verdict("unknown", "the service's answer has no result for this endpoint")
    problems: list[str] = []
    endpoint = response.endpoint_item_response
    if endpoint is not None and not _ok(endpoint.status_code):
        problems.append(f"endpoint: {endpoint.status_code} {endpoint.message or ''}".strip())
    results = response.events_item_response or {}
    for event_id in item[1].events:
        result = results.get(event_id)
        if result is None:
            problems.append(f"event {event_id}: no result")
        elif not _ok(result.status_code):
            problems.append(
                f"event {event_id}: {result.status_code} {result.message or ''}".strip()
            )
    return Verdict("failed", "; ".join(problems)) if problems else SUCCEEDED


def _verdicts(chunk: list[EndpointEvents], answer: EventsResponse) -> list[Verdict]:
    results = answer.results or {}
    return [_verdict(item, results.get(item[0])) for item in chunk]


class Events(generated.Events):
    """Events, plus batched recording of many events."""

    def put_many(
        self,
        application_id: str,
        items: Items[EndpointEventsInput],
        *,
        concurrency: int = 4,
        chunk_size: int = BATCH_LIMITS[_OPERATION],
        progress: ProgressCallback | None = None,
        on_item: Callable[[ItemOutcome[EndpointEvents]], Any] | None = None,
        keep_failures: bool = True,
    ) -> BulkOperation[EndpointEvents]:
        """Records any number of events with ``PutEvents``, at most ``chunk_size`` (≤ 100,
        the service's limit) events per request.

        ``items`` are ``(endpoint_id, EventsBatch)`` pairs, the entries of
        ``EventsRequest.BatchItem``, from any iterable or async iterable (read lazily). A pair
        with more events than fit one request is split into pairs for the same endpoint; the
        result's items are those pieces. One request never holds an endpoint twice.

        ``PutEvents`` is not idempotent: when a call fails after it may have reached the
        service (5xx, dropped connection, timeout), its items are reported ``unknown`` and
        not sent again, so no event is recorded twice. Per-item results of the service
        (``EndpointItemResponse``, ``EventsItemResponse``) decide ``succeeded``/``failed``.
        Options as for :meth:`Endpoints.upsert_many`.
        """
        limit = BATCH_LIMITS[_OPERATION]
        check_options(_OPERATION, concurrency, chunk_size, limit)
        client, retrier = one_attempt_per_send(self._client)
        once = type(self)(client)

        async def send(chunk: list[EndpointEvents]) -> ChunkReply:
            answer = await once.put(application_id, EventsRequest(batch_item=dict(chunk)))
            return ChunkReply(_verdicts(chunk, answer))

        return BulkOperation(
            _OPERATION,
            chunk_entries(
                _split_all(items, chunk_size),
                chunk_size,
                weight=lambda item: len(item[1].events),
                key=lambda item: item[0],
            ),
            send,
            retrier=retrier,
            idempotent=False,
            concurrency=concurrency,
            total=None,
            progress=progress,
            on_item=on_item,
            keep_failures=keep_failures,
            description="events",
        )
