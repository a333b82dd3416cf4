"""Adaptive concurrency: additive increase, multiplicative decrease (AIMD), as TCP does.

Pinpoint announces no rate limit headers: a client learns it is too fast only from 429
answers. The limit starts at the caller's ``concurrency`` (the most it will ever be), halves
on congestion and grows back by one request per window of successes. Congestion is a 429,
or any failed request that is retried: the service is struggling, so fewer requests go out
while the retry waits.

One congestion event often shows up in several requests that were already in flight; only
requests started after the last cut may cut again, so one burst halves the limit once.
"""

from __future__ import annotations

__all__ = ["AdaptiveLimit"]


class AdaptiveLimit:
    """How many requests may be in flight now, between 1 and ``maximum``."""

    def __init__(self, maximum: int) -> None:
        if maximum < 1:
            raise ValueError("maximum must be at least 1")
        self.maximum = maximum
        self._limit = float(maximum)
        self._started = 0
        self._last_cut = 0
        #: How many times the limit was cut.
        self.cuts = 0

    @property
    def limit(self) -> int:
        """The current limit (whole requests)."""
        return max(1, int(self._limit))

    def start(self) -> int:
        """Records a request start; returns its ticket for :meth:`succeeded`/:meth:`congested`."""
        self._started += 1
        return self._started

    def succeeded(self) -> None:
        """A request succeeded without retries: grow by one per window of successes."""
        self._limit = min(float(self.maximum), self._limit + 1.0 / self._limit)

    def congested(self, ticket: int) -> None:
        """The request with ``ticket`` met throttling: halve, once per congestion event."""
        if ticket <= self._last_cut:
            return
        self._limit = max(1.0, self._limit / 2)
        self._last_cut = self._started
        self.cuts += 1
