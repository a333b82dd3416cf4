"""``client.endpoints``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..bulk._chunks import Items, chunk_entries
from ..bulk._engine import (
    BulkOperation,
    ChunkReply,
    check_options,
    length_of,
    one_attempt_per_send,
)
from ..bulk._inputs import as_model, mapped
from ..bulk._limits import BATCH_LIMITS
from ..bulk._results import ItemOutcome
from ..models import EndpointBatchItem, EndpointBatchRequest
from ..progress import ProgressCallback
from ..resources import endpoints as generated

if TYPE_CHECKING:
    from ..params import EndpointBatchItemParam, EndpointBatchItemWireParam

__all__ = ["Endpoints"]

_OPERATION = "UpdateEndpointsBatch"


def _endpoint_item(
    item: EndpointBatchItem | EndpointBatchItemParam | EndpointBatchItemWireParam,
) -> EndpointBatchItem:
    return as_model(EndpointBatchItem, item, _OPERATION)


class Endpoints(generated.Endpoints):
    """Endpoints, plus bulk upserts."""

    def upsert_many(
        self,
        application_id: str,
        items: Items[EndpointBatchItem | EndpointBatchItemParam | EndpointBatchItemWireParam],
        *,
        concurrency: int = 4,
        chunk_size: int = BATCH_LIMITS[_OPERATION],
        progress: ProgressCallback | None = None,
        on_item: Callable[[ItemOutcome[EndpointBatchItem]], Any] | None = None,
        keep_failures: bool = True,
    ) -> BulkOperation[EndpointBatchItem]:
        """Creates or updates any number of endpoints with ``UpdateEndpointsBatch``.

        ``items`` is any iterable or async iterable of ``EndpointBatchItem`` (or dicts of it,
        validated as they are read; outcomes hold the models), read lazily:
        only ``concurrency`` chunks of ``chunk_size`` items (at most 100, the service's
        limit) are held at a time. Chunks go out with at most ``concurrency`` requests in
        flight, fewer while the service throttles. ``await`` the returned operation for a
        :class:`~pinpoint_sdk.bulk.BulkResult`: counts per state, and every item that did not
        succeed with the reason. The operation is idempotent, so a ``failed`` item may be
        sent again (``result.items_to_retry()``).

        ``progress`` receives a :class:`~pinpoint_sdk.progress.ProgressUpdate` per chunk;
        ``on_item`` every item's outcome, successes included (for an audit log);
        ``keep_failures=False`` keeps only counts in the result (memory stays flat even
        when most items fail; ``on_item`` still sees each one).
        """
        check_options(_OPERATION, concurrency, chunk_size, BATCH_LIMITS[_OPERATION])
        client, retrier = one_attempt_per_send(self._client)
        once = type(self)(client)

        async def send(chunk: list[EndpointBatchItem]) -> ChunkReply:
            await once.update_batch(application_id, EndpointBatchRequest(item=chunk))
            return ChunkReply.all_succeeded(len(chunk))

        return BulkOperation(
            _OPERATION,
            chunk_entries(mapped(items, _endpoint_item), chunk_size),
            send,
            retrier=retrier,
            idempotent=True,
            concurrency=concurrency,
            total=length_of(items),
            progress=progress,
            on_item=on_item,
            keep_failures=keep_failures,
            description="endpoints",
        )
