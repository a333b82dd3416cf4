"""The bulk engine: chunks from a stream, sent with bounded, adaptive concurrency.

One engine serves every bulk helper. A helper supplies the chunks (``chunk_entries``) and a
function that sends one chunk and says, per item, what the service answered. The engine
decides everything else, the same way for every operation:

- At most ``AdaptiveLimit.limit`` requests are in flight, and a chunk is read from the input
  only when a request slot is free: memory holds ``concurrency`` chunks, whatever the input
  length.
- A whole call answered with 429 (after the client's own retries), or refused before the
  connection opened, reached no one: its chunk is sent again after a backoff, up to
  ``MAX_RESENDS`` times. This is the only case where a chunk is sent twice.
- Any other failure of a whole call settles its items: ``failed`` when the service certainly
  rejected them or the operation is idempotent, ``unknown`` when a non-idempotent call may
  have acted. Nothing is dropped: every item taken from the input is counted in one state.

Stopping: ``BulkOperation.stop()`` starts no further chunk, lets the calls in flight finish,
and returns the result with the rest ``not_sent``. Cancelling the awaiting task does the
same, except that calls still in flight after ``drain_timeout`` seconds are cancelled (their
items become ``unknown``) and ``CancelledError`` propagates, so ``asyncio.timeout`` and
``wait_for`` work as usual; ``BulkOperation.result`` then holds the exact partial result.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Sequence, Sized
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .._exceptions import (
    APIConnectionError,
    APIStatusError,
    PinpointError,
    PinpointValidationError,
)
from ..progress import ProgressCallback, ProgressUpdate
from ._chunks import Entry
from ._limiter import AdaptiveLimit
from ._results import BulkResult, ItemOutcome, ItemStatus

__all__ = [
    "MAX_RESENDS",
    "SUCCEEDED",
    "BulkOperation",
    "ChunkReply",
    "Verdict",
    "backoff_of",
    "check_options",
    "length_of",
]

ItemT = TypeVar("ItemT")

#: How many times one chunk is sent again after the service throttled it as a whole.
MAX_RESENDS = 8
#: Seconds a cancelled bulk call waits for its calls in flight before cancelling them.
DRAIN_TIMEOUT = 10.0


@dataclass(frozen=True)
class Verdict:
    """The service's answer about one item of a successful call."""

    status: ItemStatus
    message: str | None = None


#: The verdict of an item that succeeded (one shared instance: successes are only counted).
SUCCEEDED = Verdict("succeeded")


@dataclass(frozen=True)
class ChunkReply:
    """One successful call: a verdict per item (in chunk order) and the HTTP attempts it took."""

    verdicts: Sequence[Verdict]
    attempts: int = 1

    @classmethod
    def all_succeeded(cls, count: int, attempts: int) -> ChunkReply:
        """Every item of the chunk succeeded (operations without per-item results)."""
        return cls((SUCCEEDED,) * count, attempts)


#: Sends one chunk's items; raises ``PinpointError`` when the whole call fails.
SendChunk = Callable[[list[ItemT]], Awaitable[ChunkReply]]


def check_options(operation: str, concurrency: int, chunk_size: int, limit: int) -> None:
    """Refuses options no request could honour, before anything is read or sent."""
    if concurrency < 1:
        raise PinpointValidationError(f"{operation}: concurrency must be at least 1")
    if not 1 <= chunk_size <= limit:
        raise PinpointValidationError(
            f"{operation}: chunk_size must be between 1 and {limit} (the service's limit)"
        )


@dataclass
class _Chunk(Generic[ItemT]):
    entries: list[Entry[ItemT]]
    resends: int = 0
    not_before: float = 0.0
    ticket: int = 0


@dataclass
class _Sent:
    reply: ChunkReply | None
    error: PinpointError | None


@dataclass
class _Tally(Generic[ItemT]):
    keep_failures: bool
    taken: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: {"succeeded": 0, "failed": 0, "unknown": 0, "not_sent": 0}
    )
    failures: list[ItemOutcome[ItemT]] = field(default_factory=lambda: [])
    requests: int = 0
    retries: int = 0
    throttled: int = 0

    @property
    def settled(self) -> int:
        return sum(self.counts.values())

    @property
    def not_ok(self) -> int:
        return self.settled - self.counts["succeeded"]


def _service_did_not_act(error: PinpointError) -> bool:
    """A 429, or a connection that never opened: the service saw nothing of the call."""
    if isinstance(error, APIStatusError):
        return error.status_code == 429
    return isinstance(error, APIConnectionError) and not error.request_sent


def _certainly_rejected(error: PinpointError) -> bool:
    """The service refused the whole call (4xx), or it never left this process."""
    if isinstance(error, APIStatusError):
        return 400 <= error.status_code < 500
    return isinstance(error, PinpointValidationError)


class BulkOperation(Generic[ItemT]):
    """A running (or runnable) bulk call: ``await`` it for the :class:`BulkResult`.

    Created by the bulk helpers (``client.endpoints.upsert_many(...)`` and friends); nothing
    happens until it is awaited, and it can be awaited once. Keep a reference to read the
    partial :attr:`result` while it runs or after a cancellation, or to :meth:`stop` it::

        operation = client.endpoints.upsert_many(app_id, items)
        try:
            result = await asyncio.wait_for(operation.run(), 600)
        except asyncio.TimeoutError:
            result = operation.result  # exactly what was done, item by item
    """

    def __init__(
        self,
        operation: str,
        chunks: AsyncGenerator[list[Entry[ItemT]], None],
        send: SendChunk[ItemT],
        *,
        idempotent: bool,
        concurrency: int,
        total: int | None = None,
        progress: ProgressCallback | None = None,
        on_item: Callable[[ItemOutcome[ItemT]], Any] | None = None,
        keep_failures: bool = True,
        backoff: tuple[float, float] = (0.5, 8.0),
        description: str | None = None,
    ) -> None:
        self.operation = operation
        self._chunks = chunks
        self._send_chunk = send
        self._idempotent = idempotent
        self._limit = AdaptiveLimit(concurrency)
        self._total = total
        self._progress = progress
        self._on_item = on_item
        self._backoff = backoff
        self._description = description or operation
        self._tally: _Tally[ItemT] = _Tally(keep_failures)
        self._waiting: deque[_Chunk[ItemT]] = deque()
        self._stopping = False
        self._stopped = False
        self._wake = asyncio.Event()
        self._started: float | None = None
        self._ended: float | None = None
        self._consumed = False

    # -- public ------------------------------------------------------------------------------

    @property
    def concurrency(self) -> int:
        """How many requests may be in flight now (adapts to throttling)."""
        return self._limit.limit

    @property
    def result(self) -> BulkResult[ItemT]:
        """What has been done so far (final once the call returned or was cancelled)."""
        tally = self._tally
        return BulkResult(
            operation=self.operation,
            total=tally.taken,
            succeeded=tally.counts["succeeded"],
            failed=tally.counts["failed"],
            unknown=tally.counts["unknown"],
            not_sent=tally.counts["not_sent"],
            failures=tuple(tally.failures),
            requests=tally.requests,
            retries=tally.retries,
            throttled=tally.throttled,
            elapsed=self._elapsed(),
            stopped=self._stopped,
        )

    def stop(self) -> None:
        """Starts no further chunk; the calls in flight finish and the await returns."""
        self._stopping = True
        self._wake.set()

    def __await__(self) -> Generator[Any, None, BulkResult[ItemT]]:
        return self.run().__await__()

    async def run(self) -> BulkResult[ItemT]:
        """Runs the call to the end (what ``await operation`` does)."""
        if self._consumed:
            raise RuntimeError("a BulkOperation runs once; call the bulk helper again")
        self._consumed = True
        self._started = time.perf_counter()
        pending: dict[asyncio.Task[_Sent], _Chunk[ItemT]] = {}
        try:
            await self._loop(pending)
        except BaseException as error:
            self._stopped = True
            await self._drain(pending, cancelled=isinstance(error, asyncio.CancelledError))
            self._abandon_waiting()
            self._finish()
            raise
        finally:
            await self._chunks.aclose()
        if self._stopping:
            self._stopped = True
        self._abandon_waiting()
        self._finish()
        return self.result

    # -- the loop ----------------------------------------------------------------------------

    async def _loop(self, pending: dict[asyncio.Task[_Sent], _Chunk[ItemT]]) -> None:
        source_done = False
        while True:
            while not self._stopping and len(pending) < self._limit.limit:
                chunk = self._ready_chunk()
                if chunk is None:
                    if source_done:
                        break
                    try:
                        entries = await self._chunks.__anext__()
                    except StopAsyncIteration:
                        source_done = True
                        break
                    self._tally.taken += len(entries)
                    chunk = _Chunk(entries)
                chunk.ticket = self._limit.start()
                pending[asyncio.ensure_future(self._send(chunk))] = chunk
            if not pending:
                if self._stopping or (source_done and not self._waiting):
                    return
                await self._sleep_until_ready()
                continue
            timeout = self._until_ready() if len(pending) < self._limit.limit else None
            done, _ = await asyncio.wait(
                pending, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )
            for task in done:
                chunk = pending.pop(task)
                try:
                    sent = task.result()
                except BaseException:
                    self._settle_all(chunk, "unknown", "the call failed unexpectedly")
                    raise
                self._settle(chunk, sent)
            if done:
                self._report()

    def _ready_chunk(self) -> _Chunk[ItemT] | None:
        if self._waiting and self._waiting[0].not_before <= time.monotonic():
            return self._waiting.popleft()
        return None

    def _until_ready(self) -> float | None:
        if not self._waiting:
            return None
        return max(0.0, self._waiting[0].not_before - time.monotonic())

    async def _sleep_until_ready(self) -> None:
        self._wake.clear()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._wake.wait(), self._until_ready())

    async def _send(self, chunk: _Chunk[ItemT]) -> _Sent:
        try:
            reply = await self._send_chunk([item for _, item in chunk.entries])
        except PinpointError as error:
            return _Sent(None, error)
        if len(reply.verdicts) != len(chunk.entries):
            raise AssertionError(f"{self.operation}: one verdict per item expected")
        return _Sent(reply, None)

    # -- outcomes ----------------------------------------------------------------------------

    def _settle(self, chunk: _Chunk[ItemT], sent: _Sent) -> None:
        tally = self._tally
        tally.requests += 1
        if sent.reply is not None:
            tally.retries += sent.reply.attempts - 1
            if sent.reply.attempts > 1:
                self._limit.congested(chunk.ticket)
            else:
                self._limit.succeeded()
            verdicts = sent.reply.verdicts
            if self._on_item is None and all(v is SUCCEEDED for v in verdicts):
                # The common case, kept cheap: successes are only counted.
                tally.counts["succeeded"] += len(verdicts)
                return
            for (index, item), verdict in zip(chunk.entries, verdicts, strict=True):
                self._record(ItemOutcome(item, index, verdict.status, verdict.message))
            return
        error = sent.error
        assert error is not None
        if _service_did_not_act(error):
            if isinstance(error, APIStatusError):
                tally.throttled += 1
            self._limit.congested(chunk.ticket)
            if chunk.resends < MAX_RESENDS:
                chunk.resends += 1
                tally.retries += 1
                chunk.not_before = time.monotonic() + self._resend_delay(chunk.resends)
                self._waiting.append(chunk)
                return
        status: ItemStatus = (
            "failed" if self._idempotent or _certainly_rejected(error) else "unknown"
        )
        self._settle_all(chunk, status, str(error), error)

    def _settle_all(
        self,
        chunk: _Chunk[ItemT],
        status: ItemStatus,
        message: str,
        error: PinpointError | None = None,
    ) -> None:
        for index, item in chunk.entries:
            self._record(ItemOutcome(item, index, status, message, error))

    def _record(self, outcome: ItemOutcome[ItemT]) -> None:
        tally = self._tally
        tally.counts[outcome.status] += 1
        if outcome.status != "succeeded" and tally.keep_failures:
            tally.failures.append(outcome)
        if self._on_item is not None:
            self._on_item(outcome)

    def _resend_delay(self, resends: int) -> float:
        base, cap = self._backoff
        return random.uniform(base / 2, min(cap, base * 2 ** (resends - 1)))

    # -- stopping ----------------------------------------------------------------------------

    async def _drain(
        self, pending: dict[asyncio.Task[_Sent], _Chunk[ItemT]], *, cancelled: bool
    ) -> None:
        """Lets the calls in flight finish (cancelling them after ``DRAIN_TIMEOUT``)."""
        if not pending:
            return
        tasks = set(pending)
        done, late = await asyncio.wait(tasks, timeout=DRAIN_TIMEOUT if cancelled else None)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)
        for task, chunk in pending.items():
            if task in done and not task.cancelled() and task.exception() is None:
                self._settle(chunk, task.result())
            else:
                # Cancelled mid-call, or a bug in the sender: the call may have reached the
                # service, so its items' fate is unknown.
                reason = "cancelled while the call was in flight"
                if not task.cancelled() and task.exception() is not None:
                    reason = f"the call failed unexpectedly: {task.exception()!r}"
                self._settle_all(chunk, "unknown", reason)
        pending.clear()

    def _abandon_waiting(self) -> None:
        while self._waiting:
            self._settle_all(self._waiting.popleft(), "not_sent", "stopped before it was sent")

    # -- progress ----------------------------------------------------------------------------

    def _elapsed(self) -> float:
        if self._started is None:
            return 0.0
        return (self._ended or time.perf_counter()) - self._started

    def _finish(self) -> None:
        self._ended = time.perf_counter()
        self._report(finished=True)

    def _report(self, *, finished: bool = False) -> None:
        if self._progress is None:
            return
        tally = self._tally
        total = self._total if self._total is not None else (tally.taken if finished else None)
        self._progress(
            ProgressUpdate(
                description=self._description,
                done=tally.settled,
                failed=tally.not_ok,
                total=total,
                elapsed=self._elapsed(),
                finished=finished,
                status=f"concurrency {self._limit.limit}",
            )
        )


def backoff_of(client: object) -> tuple[float, float]:
    """The (base, cap) seconds of the client's retry policy, for re-sending throttled chunks."""
    policy = getattr(client, "retry_policy", None)
    base = getattr(policy, "backoff_base", None)
    cap = getattr(policy, "backoff_cap", None)
    if isinstance(base, (int, float)) and isinstance(cap, (int, float)):
        return float(base), float(cap)
    return 0.5, 8.0


def length_of(items: object) -> int | None:
    """The input's length when it has one (a list), else None (a generator)."""
    return len(items) if isinstance(items, Sized) else None
