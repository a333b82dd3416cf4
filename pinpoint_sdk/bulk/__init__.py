"""Bulk work: many endpoints, events or messages, chunked, concurrent, throttle-aware.

The helpers live on the resources; this package holds what they share and what they return::

    from pinpoint_sdk.bulk import BulkResult
    from pinpoint_sdk.models import EndpointBatchItem

    items = (EndpointBatchItem(id=f"user-{n}", address=f"user{n}@example.com",
                               channel_type="EMAIL") for n in range(1_000_000))
    result = await client.endpoints.upsert_many(app_id, items, concurrency=8)
    print(result)                   # UpdateEndpointsBatch: 1000000/1000000 succeeded in ...
    for failure in result.failures:  # every item that did not succeed, with the reason
        print(failure.index, failure.status, failure.message)

- ``client.endpoints.upsert_many`` (``UpdateEndpointsBatch``, idempotent),
  ``client.events.put_many`` (``PutEvents``) and ``client.messages.send_many``
  (``SendMessages`` / ``SendUsersMessages``) take any iterable or async iterable, read it
  lazily, and return a :class:`BulkOperation` to ``await`` for a :class:`BulkResult`.
- Sends and ``PutEvents`` are never repeated once the service may have acted: the items of
  such a call are reported ``unknown`` instead. See :mod:`pinpoint_sdk.bulk._results`.
- Batch sizes come from :data:`BATCH_LIMITS`. See ``docs/bulk.md`` for the whole story.
"""

from ._chunks import Items
from ._engine import BulkOperation
from ._limits import BATCH_LIMITS
from ._recipients import Recipient, RecipientKind
from ._results import BulkResult, ItemOutcome, ItemStatus

__all__ = [
    "BATCH_LIMITS",
    "BulkOperation",
    "BulkResult",
    "ItemOutcome",
    "ItemStatus",
    "Items",
    "Recipient",
    "RecipientKind",
]
