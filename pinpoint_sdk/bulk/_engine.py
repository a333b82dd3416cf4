"""The bulk engine: chunks from a stream, sent with bounded, adaptive concurrency.

One engine serves every bulk helper. A helper supplies the chunks (``chunk_entries``) and a
function that sends one chunk and says, per item, what the service answered. The engine
decides everything else, the same way for every operation:

- At most ``AdaptiveLimit.limit`` requests are in flight, and a chunk is read from the input
  only when a request slot is free: memory holds ``concurrency`` chunks, whatever the input
  length.
- Every send of a chunk is one HTTP request. When it fails, the engine asks the client's retry
  owner (``_retry.Retrier``, the one that retries single calls) whether and when to send the
  chunk again: the same rules (a send only after 429 or a connection that never opened), the
  same attempts (``1 + max_retries``), the same backoff, paid from the same budget. A chunk
  waiting for its retry keeps its place among the ``concurrency`` chunks, so no new chunk
  takes its turn. The counts of the result are the requests the service saw.
- A failure the owner does not retry settles the chunk's items: ``failed`` when the service
  certainly rejected them or the operation is idempotent, ``unknown`` when a non-idempotent
  call may have acted. Nothing is dropped: every item taken from the input is counted in one
  state.

Stopping: ``BulkOperation.stop()`` starts no further chunk, lets the calls in flight finish,
and returns the result with the rest ``not_sent``. Cancelling the awaiting task does the
same, except that calls still in flight after ``drain_timeout`` seconds are cancelled (their
items become ``unknown``) and ``CancelledError`` propagates, so ``asyncio.timeout`` and
``wait_for`` work as usual; ``BulkOperation.result`` then holds the exact partial result.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Sequence, Sized
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .._exceptions import (
    APIConnectionError,
    APIStatusError,
    PinpointError,
    PinpointValidationError,
)
from .._retry import Retrier, RetryPolicy, RetryState
from ..progress import ProgressCallback, ProgressUpdate
from ._chunks import Entry
from ._limiter import AdaptiveLimit
from ._results import BulkResult, ItemOutcome, ItemStatus

__all__ = [
    "SUCCEEDED",
    "BulkOperation",
    "ChunkReply",
    "Verdict",
    "check_options",
    "length_of",
    "one_attempt_per_send",
]

ItemT = TypeVar("ItemT")

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
    """One successful send: a verdict per item, in chunk order."""

    verdicts: Sequence[Verdict]

    @classmethod
    def all_succeeded(cls, count: int) -> ChunkReply:
        """Every item of the chunk succeeded (operations without per-item results)."""
        return cls((SUCCEEDED,) * count)


#: Sends one chunk's items in one HTTP request (a client from ``one_attempt_per_send``);
#: raises ``PinpointError`` when the whole request fails.
SendChunk = Callable[[list[ItemT]], Awaitable[ChunkReply]]


def one_attempt_per_send(client: Any) -> tuple[Any, Retrier]:
    """A copy of ``client`` whose calls make one attempt each, and the client's retry owner.

    The bulk helpers send chunks through the copy and hand the owner to
    :class:`BulkOperation`, so that every retry of a chunk is the owner's decision, counted
    and paid once. A transport that is not a ``PinpointClient`` is used as it is, unretried.
    """
    make_copy = getattr(client, "_one_attempt_per_call", None)
    retrier = getattr(client, "_retrier", None)
    if callable(make_copy) and isinstance(retrier, Retrier):
        return make_copy(), retrier
    return client, Retrier(RetryPolicy(max_retries=0), budget=None)


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
    #: The chunk's attempts as the retry owner sees them (from its first send on).
    retry: RetryState | None = None
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


def _throttled(error: PinpointError) -> bool:
    return isinstance(error, APIStatusError) and error.status_code == 429


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
        retrier: Retrier,
        idempotent: bool,
        concurrency: int,
        total: int | None = None,
        progress: ProgressCallback | None = None,
        on_item: Callable[[ItemOutcome[ItemT]], Any] | None = None,
        keep_failures: bool = True,
        description: str | None = None,
    ) -> None:
        self.operation = operation
        self._chunks = chunks
        self._send_chunk = send
        self._retrier = retrier
        self._idempotent = idempotent
        self._limit = AdaptiveLimit(concurrency)
        self._total = total
        self._progress = progress
        self._on_item = on_item
        self._description = description or operation
        self._tally: _Tally[ItemT] = _Tally(keep_failures)
        #: Chunks waiting for a retry: (not before, arrival order, chunk), soonest first.
        self._waiting: list[tuple[float, int, _Chunk[ItemT]]] = []
        self._arrivals = itertools.count()
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
                    # A chunk waiting for its retry keeps its place: no new chunk starts while
                    # in-flight and waiting chunks fill the limit, so the backoff slows the
                    # requests down (and memory holds at most ``concurrency`` chunks).
                    if source_done or len(pending) + len(self._waiting) >= self._limit.limit:
                        break
                    try:
                        entries = await self._chunks.__anext__()
                    except StopAsyncIteration:
                        source_done = True
                        break
                    self._tally.taken += len(entries)
                    chunk = _Chunk(entries)
                    chunk.retry = self._retrier.start(self.operation, idempotent=self._idempotent)
                else:
                    assert chunk.retry is not None
                    chunk.retry.prepare_for_next_attempt()
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
        if self._waiting and self._waiting[0][0] <= time.monotonic():
            return heapq.heappop(self._waiting)[2]
        return None

    def _until_ready(self) -> float | None:
        if not self._waiting:
            return None
        return max(0.0, self._waiting[0][0] - time.monotonic())

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
        assert chunk.retry is not None
        if sent.reply is not None:
            self._retrier.succeeded(chunk.retry)
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
        if _throttled(error):
            tally.throttled += 1
            # Throttling, retried or not, means too many requests in flight.
            self._limit.congested(chunk.ticket)
        if self._stopping:
            # No retry will be sent: what the service certainly did not act on was not sent.
            error.attempts = chunk.retry.attempts
            self._settle_failed(chunk, error, not_sent=_service_did_not_act(error))
            return
        try:
            delay = self._retrier.next_delay(chunk.retry, error)
        except PinpointError:
            self._settle_failed(chunk, error)
            return
        # Any failed request worth retrying is a sign of load: back off (once per burst).
        self._limit.congested(chunk.ticket)
        tally.retries += 1
        chunk.not_before = time.monotonic() + delay
        heapq.heappush(self._waiting, (chunk.not_before, next(self._arrivals), chunk))

    def _settle_failed(
        self, chunk: _Chunk[ItemT], error: PinpointError, *, not_sent: bool = False
    ) -> None:
        status: ItemStatus
        if not_sent:
            status = "not_sent"
        elif self._idempotent or _certainly_rejected(error):
            status = "failed"
        else:
            status = "unknown"
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
            chunk = heapq.heappop(self._waiting)[2]
            self._settle_all(chunk, "not_sent", "stopped before it was sent again")

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


def length_of(items: object) -> int | None:
    """The input's length when it has one (a list), else None (a generator)."""
    return len(items) if isinstance(items, Sized) else None
