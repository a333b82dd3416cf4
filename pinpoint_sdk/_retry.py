"""Every retry decision, in one place: whether, when, how often, and who pays for it.

botocore's own retries are off (``total_max_attempts=1``). A :class:`Retrier`, one per client
(and per ``with_options`` copy), owns every retry the SDK makes: a single call's, a page's, a
bulk chunk's. It decides with tenacity (a retry predicate, stop conditions and a wait
strategy), pays each retry from the client's :class:`RetryBudget`, counts the attempts, and
waits. The attempt itself is a callable it is handed, so it knows nothing of HTTP.

- Throttling (429) and connections that never opened are retried for every operation: the
  service certainly did not act.
- 500/502/503/504, connection resets and timeouts are retried only for idempotent
  operations. A create or a send that may have reached the service is never repeated, because
  a repeat could create a duplicate or message a customer twice.
- A call makes at most ``1 + max_retries`` attempts, and no retry starts after the call's
  deadline (``Timeout.total``).
- The wait is exponential with full jitter (``random(0, min(cap, base * 2**n))``), or the
  server's ``Retry-After`` when it gives one (up to ``max_retry_after``).
- The budget works like botocore's standard retry quota: a retry costs 5 tokens, a retry after
  a timeout 10, a success gives back what its last retry cost (1 when it needed none). When
  the budget cannot pay, the call fails at once with its last error.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from functools import cached_property
from typing import Any, TypeVar, cast

from tenacity import DoSleep, RetryCallState, Retrying
from tenacity.retry import retry_base
from tenacity.stop import stop_after_attempt, stop_base
from tenacity.wait import wait_base

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ClientClosedError,
    PinpointConfigurationError,
    PinpointError,
    PinpointValidationError,
)

__all__ = [
    "Retrier",
    "RetryBudget",
    "RetryPolicy",
    "RetryState",
    "error_code",
    "retry_delay",
    "should_retry",
]

logger = logging.getLogger("pinpoint_sdk")

ResultT = TypeVar("ResultT")

_RETRYABLE_STATUS = frozenset({500, 502, 503, 504})
_THROTTLED_STATUS = 429


@dataclass(frozen=True)
class RetryPolicy:
    """How many times and how patiently to retry; set per client and per call."""

    max_retries: int = 2
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    #: A ``Retry-After`` longer than this is not waited for; the normal backoff applies instead.
    max_retry_after: float = 60.0


class RetryBudget:
    """A token bucket shared by every call of one client, like botocore's retry quota.

    A retry costs ``RETRY_COST`` tokens (``TIMEOUT_RETRY_COST`` after a timeout). A call that
    succeeds gives back what its last retry cost, or ``NO_RETRY_INCREMENT`` when it needed no
    retry. When the bucket cannot pay for a retry the call fails at once with its last error:
    during an outage a client stops multiplying its load by ``1 + max_retries``.
    """

    RETRY_COST = 5
    TIMEOUT_RETRY_COST = 10
    NO_RETRY_INCREMENT = 1

    def __init__(self, capacity: int = 500) -> None:
        self.capacity = capacity
        self._tokens = capacity
        self._lock = threading.Lock()

    @property
    def tokens(self) -> int:
        """Tokens left."""
        return self._tokens

    def cost_of(self, error: PinpointError) -> int:
        """What retrying after ``error`` costs."""
        return self.TIMEOUT_RETRY_COST if isinstance(error, APITimeoutError) else self.RETRY_COST

    def can_pay(self, error: PinpointError) -> bool:
        """Whether the bucket holds enough for a retry after ``error`` (takes nothing)."""
        return self._tokens >= self.cost_of(error)

    def try_spend(self, error: PinpointError) -> int | None:
        """Takes the cost of retrying after ``error`` and returns it; None when it cannot pay."""
        cost = self.cost_of(error)
        with self._lock:
            if self._tokens < cost:
                return None
            self._tokens -= cost
            return cost

    def refund(self, amount: int) -> None:
        """Gives ``amount`` tokens back (never above capacity) after a success."""
        if self._tokens >= self.capacity:
            return  # the common case, full bucket: nothing to do, no lock
        with self._lock:
            self._tokens = min(self.capacity, self._tokens + amount)


def should_retry(error: PinpointError, *, idempotent: bool) -> bool:
    """Whether ``error`` may be retried for an operation that is, or is not, idempotent."""
    if isinstance(error, APIStatusError):
        if error.status_code == _THROTTLED_STATUS:
            return True
        return idempotent and error.status_code in _RETRYABLE_STATUS
    if isinstance(error, APIConnectionError):
        return idempotent or not error.request_sent
    return False


def _retry_after(error: PinpointError) -> float | None:
    if not isinstance(error, APIStatusError):
        return None
    headers = {key.lower(): value for key, value in error.headers.items()}
    if "retry-after-ms" in headers:
        try:
            return float(headers["retry-after-ms"]) / 1000
        except ValueError:
            return None
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds()
    except (TypeError, ValueError):
        return None


def retry_delay(error: PinpointError, retry_number: int, policy: RetryPolicy) -> float:
    """Seconds to wait before retry number ``retry_number`` (1 for the first retry)."""
    after = _retry_after(error)
    if after is not None and 0 <= after <= policy.max_retry_after:
        return after
    ceiling = min(policy.backoff_cap, policy.backoff_base * 2 ** (retry_number - 1))
    return random.uniform(0, ceiling)


def error_code(error: BaseException) -> str:
    """The service's error code of ``error``, or our exception's class name."""
    code = getattr(error, "code", None)
    return code if isinstance(code, str) and code else type(error).__name__


#: Called once per retry with the attributes of the failed attempt (for a tracing span).
OnRetry = Callable[[Mapping[str, Any]], None]


class RetryState(RetryCallState):
    """The attempts of one call (or one bulk chunk): tenacity's state, plus what we decide on."""

    def __init__(
        self,
        retrying: Retrying,
        operation: str,
        *,
        idempotent: bool,
        deadline: float | None,
        on_retry: OnRetry | None,
    ) -> None:
        super().__init__(retrying, None, (), {})
        self.operation = operation
        self.idempotent = idempotent
        #: ``time.monotonic()`` after which no retry may start; None for no deadline.
        self.deadline = deadline
        self.on_retry = on_retry
        #: Tokens the last retry cost: what a success gives back.
        self.retry_cost = 0

    @property
    def attempts(self) -> int:
        """Attempts started so far (the current one included)."""
        return self.attempt_number


def _failure(state: RetryCallState) -> PinpointError | None:
    outcome = state.outcome
    if outcome is None or not outcome.failed:
        return None
    error = outcome.exception()
    return error if isinstance(error, PinpointError) else None


class _RetryableFailure(retry_base):
    """Retry when the attempt failed in a way the operation's idempotency allows."""

    def __call__(self, retry_state: RetryCallState) -> bool:
        error = _failure(retry_state)
        state = cast(RetryState, retry_state)
        return error is not None and should_retry(error, idempotent=state.idempotent)


class _Backoff(wait_base):
    """The policy's backoff, or the server's ``Retry-After``."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._policy = policy

    def __call__(self, retry_state: RetryCallState) -> float:
        error = _failure(retry_state)
        assert error is not None, "only failures are retried"
        return retry_delay(error, retry_state.attempt_number, self._policy)


class _PastDeadline(stop_base):
    """Stop when the next attempt would start after the call's deadline."""

    def __call__(self, retry_state: RetryCallState) -> bool:
        deadline = cast(RetryState, retry_state).deadline
        # tenacity computes the wait before the stop since 8.3; with an older one, only "now".
        wait = getattr(retry_state, "upcoming_sleep", 0.0)
        return deadline is not None and time.monotonic() + wait >= deadline


class _BudgetCannotPay(stop_base):
    """Stop when the retry budget cannot pay for a retry (it is paid once tenacity decided)."""

    def __init__(self, budget: RetryBudget) -> None:
        self._budget = budget

    def __call__(self, retry_state: RetryCallState) -> bool:
        error = _failure(retry_state)
        return error is None or not self._budget.can_pay(error)


async def _no_sleep(seconds: float) -> None:  # pragma: no cover - the owner sleeps itself
    raise AssertionError("Retrier waits itself; tenacity only decides")


class Retrier:
    """The one owner of every retry decision of a client: decides, pays, counts and waits.

    ``budget=None`` makes a retrier that never pays or refunds: for attempts whose retries
    another retrier owns (the bulk engine's chunk sends).
    """

    def __init__(self, policy: RetryPolicy, budget: RetryBudget | None) -> None:
        self.policy = policy
        self.budget = budget

    @cached_property
    def _tenacity(self) -> Retrying:
        # Built once per retrier, on its first call. Retrying.iter runs its hooks synchronously, so one object serves concurrent calls.
        stop: stop_base = stop_after_attempt(self.policy.max_retries + 1) | _PastDeadline()
        if self.budget is not None:
            stop = stop | _BudgetCannotPay(self.budget)
        return Retrying(
            sleep=_no_sleep,  # type: ignore[arg-type]
            retry=_RetryableFailure(),
            stop=stop,
            wait=_Backoff(self.policy),
            reraise=True,
        )

    def with_policy(self, policy: RetryPolicy) -> Retrier:
        """The same budget under another policy (``with_options``)."""
        return self if policy == self.policy else Retrier(policy, self.budget)

    def start(
        self,
        operation: str,
        *,
        idempotent: bool,
        deadline: float | None = None,
        on_retry: OnRetry | None = None,
    ) -> RetryState:
        """The state of a new call, before its first attempt."""
        return RetryState(
            self._tenacity,
            operation,
            idempotent=idempotent,
            deadline=deadline,
            on_retry=on_retry,
        )

    def next_delay(self, state: RetryState, error: PinpointError) -> float:
        """Seconds to wait before the next attempt after ``error``, paid from the budget.

        Raises ``error``, with the call's ``attempts``, when there is no next attempt.
        """
        retrying = self._tenacity
        if "idle_for" not in retrying.statistics:
            retrying.begin()  # tenacity's counters, kept per thread; we read none of them
        state.set_exception((type(error), error, error.__traceback__))
        try:
            action = retrying.iter(state)
        except PinpointError:
            error.attempts = _requests_made(state, error)
            raise
        cost = 0 if self.budget is None else self.budget.try_spend(error)
        if cost is None:  # another thread took the last tokens since tenacity looked
            error.attempts = state.attempt_number
            raise error
        assert isinstance(action, DoSleep)
        state.retry_cost = cost
        delay = float(action)
        self._announce(state, error, delay)
        return delay

    def succeeded(self, state: RetryState) -> None:
        """A call ended well: the budget gets back what its last retry cost (or 1)."""
        if self.budget is not None:
            self.budget.refund(state.retry_cost or RetryBudget.NO_RETRY_INCREMENT)

    async def run(
        self,
        state: RetryState,
        attempt: Callable[[], Awaitable[ResultT]],
        sleep: Callable[[float], Awaitable[None]],
    ) -> ResultT:
        """Makes attempts until one succeeds or the policy says stop.

        ``sleep`` waits between attempts; it may raise a ``PinpointError`` to end the call
        (the client was closed), which then carries the call's attempts and last error.
        """
        while True:
            try:
                result = await attempt()
            except PinpointError as error:
                delay = self.next_delay(state, error)
                try:
                    await sleep(delay)
                except PinpointError as interrupted:
                    interrupted.attempts = state.attempt_number
                    interrupted.request_sent = error.request_sent
                    raise interrupted from error
                state.prepare_for_next_attempt()
            else:
                self.succeeded(state)
                return result

    def _announce(self, state: RetryState, error: PinpointError, delay: float) -> None:
        """One INFO record (and span event) per retry."""
        code = error_code(error)
        status = getattr(error, "status_code", None)
        request_id = getattr(error, "request_id", None)
        logger.info(
            "retrying %s: attempt %d of %d failed with %s; next attempt in %.2fs",
            state.operation,
            state.attempt_number,
            self.policy.max_retries + 1,
            code,
            delay,
            extra={
                "operation": state.operation,
                "attempt": state.attempt_number,
                "delay": delay,
                "error_code": code,
                "status_code": status,
                "request_id": request_id,
            },
        )
        if state.on_retry is not None:
            state.on_retry(
                {
                    "pinpoint.attempt": state.attempt_number,
                    "error.type": code,
                    "http.response.status_code": status,
                    "aws.request_id": request_id,
                    "pinpoint.retry_delay_s": delay,
                }
            )


def _requests_made(state: RetryState, error: PinpointError) -> int:
    """HTTP attempts made: the last one does not count when it never started (its input or
    configuration was refused, or the client closed while it waited for a connection)."""
    if isinstance(error, (PinpointValidationError, PinpointConfigurationError)) or (
        isinstance(error, ClientClosedError) and not error.request_sent
    ):
        return state.attempt_number - 1
    return state.attempt_number
