"""When and how long to retry: idempotency-aware decisions, backoff, a per-client budget.

botocore's own retries are off (``total_max_attempts=1``); this module replaces them, so a call
makes at most ``1 + max_retries`` HTTP attempts.

- Throttling (429) and connections that never opened are retried for every operation: the
  service certainly did not act.
- 500/502/503/504, connection resets and read timeouts are retried only for idempotent
  operations. A create or a send that may have reached the service is never repeated, because
  a repeat could create a duplicate or message a customer twice.
- The wait is exponential with full jitter (``random(0, min(cap, base * 2**n))``), or the
  server's ``Retry-After`` when it gives one (up to ``max_retry_after``).
- A per-client :class:`RetryBudget` (like botocore's standard-mode quota) stops retry storms:
  each retry spends tokens, each success gives one back, and an empty budget fails fast.
"""

from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from ._exceptions import APIConnectionError, APIStatusError, PinpointError

__all__ = ["RetryBudget", "RetryPolicy", "retry_delay", "should_retry"]

logger = logging.getLogger("pinpoint_sdk")

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
    """A token bucket shared by every call of one client.

    Retries cost tokens (throttling 5, other failures 10) and successes refund one. When the
    bucket cannot pay for a retry the call fails at once with the last error: during an outage
    a client stops multiplying its load by ``1 + max_retries``.
    """

    THROTTLE_COST = 5
    FAILURE_COST = 10

    def __init__(self, capacity: int = 500) -> None:
        self.capacity = capacity
        self._tokens = capacity
        self._lock = threading.Lock()

    @property
    def tokens(self) -> int:
        """Tokens left."""
        return self._tokens

    def try_spend(self, error: PinpointError) -> bool:
        """Takes the cost of retrying after ``error``; False when the budget cannot pay it."""
        cost = self.THROTTLE_COST if _is_throttle(error) else self.FAILURE_COST
        with self._lock:
            if self._tokens < cost:
                return False
            self._tokens -= cost
            return True

    def refund(self) -> None:
        """Gives one token back after a success."""
        with self._lock:
            self._tokens = min(self.capacity, self._tokens + 1)


def _is_throttle(error: PinpointError) -> bool:
    return isinstance(error, APIStatusError) and error.status_code == _THROTTLED_STATUS


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
        from datetime import datetime, timezone

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
