"""What a bulk call reports: exact counts, and every item that did not succeed.

Successes are only counted, so memory grows with the number of failures, not with the input.
Every item ends in exactly one of four states:

- ``succeeded``: the service confirmed it.
- ``failed``: the service rejected it, or (for idempotent operations such as
  ``UpdateEndpointsBatch``) the call failed and the item may simply be sent again.
- ``unknown``: a non-idempotent call (a send, ``PutEvents``) may have reached the service but
  its answer was lost (5xx, dropped connection, timeout): the item may have been delivered, so
  it is reported and never sent again.
- ``not_sent``: the call was stopped or cancelled before this item was sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from .._exceptions import PinpointError

__all__ = ["BulkResult", "ItemOutcome", "ItemStatus"]

ItemT = TypeVar("ItemT")

ItemStatus = Literal["succeeded", "failed", "unknown", "not_sent"]


@dataclass(frozen=True)
class ItemOutcome(Generic[ItemT]):
    """The outcome of one input item.

    ``index`` is the item's position in the input (0-based). ``message`` says why an item did
    not succeed (the service's per-item status, or the error of the whole call); ``error`` is
    that call's exception when the whole call failed.
    """

    item: ItemT
    index: int
    status: ItemStatus
    message: str | None = None
    error: PinpointError | None = None

    @property
    def ok(self) -> bool:
        """Whether the item succeeded."""
        return self.status == "succeeded"


@dataclass(frozen=True)
class BulkResult(Generic[ItemT]):
    """The outcome of a bulk call.

    ``total`` counts the items taken from the input; ``succeeded + failed + unknown +
    not_sent == total`` always. ``failures`` lists every item that did not succeed, in the
    order their outcome became known (empty when ``keep_failures=False`` was passed; the
    counts stay exact). ``requests`` counts the HTTP requests made, which is what the service
    received; ``retries`` those that sent a chunk again (by the client's retry policy, paid
    from its budget); ``throttled`` the requests answered with 429.
    ``stopped`` is True when ``stop()`` or a cancellation ended the call early.
    """

    operation: str
    total: int
    succeeded: int
    failed: int
    unknown: int
    not_sent: int
    failures: tuple[ItemOutcome[ItemT], ...]
    requests: int
    retries: int
    throttled: int
    elapsed: float
    stopped: bool = False

    @property
    def ok(self) -> bool:
        """Whether every item taken from the input succeeded."""
        return self.succeeded == self.total

    @property
    def throughput(self) -> float:
        """Items per second."""
        return self.total / self.elapsed if self.elapsed > 0 else 0.0

    def with_status(self, status: ItemStatus) -> Iterator[ItemOutcome[ItemT]]:
        """The kept outcomes in one state, e.g. ``result.with_status("unknown")``."""
        return (outcome for outcome in self.failures if outcome.status == status)

    def items_to_retry(self) -> list[ItemT]:
        """Items safe to send again: ``failed`` and ``not_sent`` (never ``unknown`` ones)."""
        return [o.item for o in self.failures if o.status in ("failed", "not_sent")]

    def __str__(self) -> str:
        parts = [f"{self.succeeded}/{self.total} succeeded"]
        for label, count in (
            ("failed", self.failed),
            ("unknown", self.unknown),
            ("not sent", self.not_sent),
        ):
            if count:
                parts.append(f"{count} {label}")
        return (
            f"{self.operation}: {', '.join(parts)} in {self.requests} requests "
            f"({self.retries} retries, {self.elapsed:.2f}s)"
        )
