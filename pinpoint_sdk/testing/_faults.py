"""Fault injection: throttling, 5xx answers, dropped connections and latency, on demand.

Rules apply per operation name (``"SendMessages"``) or to every operation, for the next N
calls or for every call, or at random with a seeded generator. A fault either replaces the
operation (``after_acting=False``: the service never acted, nothing changed) or follows it
(``after_acting=True``: the operation took effect, e.g. the message is in the outbox, and
then the answer is an error or the connection drops). The second kind is what a client that
must never re-send a non-idempotent call has to survive.

When several rules match a call, the oldest one that fires wins; latency rules add up and
combine with any fault.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["throttle", "error", "drop"]
_SERVER_ERRORS = (500, 502, 503, 504)


@dataclass(frozen=True)
class InjectedFault:
    """The fault chosen for one call."""

    kind: FaultKind
    status: int | None
    after_acting: bool

    def describe(self) -> str:
        """A short label for the request log: ``throttle``, ``error 503`` or ``drop``."""
        label = f"error {self.status}" if self.kind == "error" else self.kind
        return f"{label} after acting" if self.after_acting else label


@dataclass
class _Rule:
    fault: InjectedFault
    operations: frozenset[str] | None
    remaining: int | None
    probability: float
    rng: random.Random | None

    def matches(self, operation: str) -> bool:
        if self.operations is not None and operation not in self.operations:
            return False
        return self.remaining is None or self.remaining > 0

    def fires(self) -> bool:
        if self.rng is not None and self.rng.random() >= self.probability:
            return False
        if self.remaining is not None:
            self.remaining -= 1
        return True


@dataclass
class _Latency:
    seconds: float
    operations: frozenset[str] | None
    remaining: int | None


def _operations(operation: str | Iterable[str] | None) -> frozenset[str] | None:
    if operation is None:
        return None
    if isinstance(operation, str):
        return frozenset({operation})
    return frozenset(operation)


def _check_times(times: int | None) -> None:
    if times is not None and times < 1:
        raise ValueError("times must be at least 1, or None for every call")


class FaultInjector:
    """The fault rules of one fake. Reach it as ``fake.faults``.

    ``operation`` is an operation name, several names, or ``None`` for every operation;
    ``times`` is how many calls the rule affects (``None``: every matching call).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []
        self._latencies: list[_Latency] = []

    def _add(
        self,
        fault: InjectedFault,
        operation: str | Iterable[str] | None,
        times: int | None,
        probability: float = 1.0,
        seed: int | None = None,
    ) -> None:
        _check_times(times)
        rng = random.Random(seed) if seed is not None else None
        rule = _Rule(fault, _operations(operation), times, probability, rng)
        with self._lock:
            self._rules.append(rule)

    def throttle(
        self,
        times: int | None = 1,
        *,
        operation: str | Iterable[str] | None = None,
        after_acting: bool = False,
    ) -> None:
        """Answer the next ``times`` calls with 429 ``TooManyRequestsException``."""
        self._add(InjectedFault("throttle", 429, after_acting), operation, times)

    def fail(
        self,
        status: int = 500,
        times: int | None = 1,
        *,
        operation: str | Iterable[str] | None = None,
        after_acting: bool = False,
    ) -> None:
        """Answer the next ``times`` calls with a 5xx status (500, 502, 503 or 504)."""
        if status not in _SERVER_ERRORS:
            raise ValueError(f"status must be one of {_SERVER_ERRORS}")
        self._add(InjectedFault("error", status, after_acting), operation, times)

    def drop_connection(
        self,
        times: int | None = 1,
        *,
        operation: str | Iterable[str] | None = None,
        after_acting: bool = False,
    ) -> None:
        """Close the connection without an answer for the next ``times`` calls.

        Over HTTP the server closes the socket. In process, the client gets
        ``httpx.ConnectError`` (before acting: the request never arrived) or
        ``httpx.ReadError`` (after acting: the answer was lost).
        """
        self._add(InjectedFault("drop", None, after_acting), operation, times)

    def randomly(
        self,
        probability: float,
        *,
        kind: FaultKind = "throttle",
        status: int = 500,
        operation: str | Iterable[str] | None = None,
        seed: int = 0,
        times: int | None = None,
        after_acting: bool = False,
    ) -> None:
        """Fault each matching call with ``probability`` (0..1), from a seeded generator.

        ``kind`` is ``"throttle"`` (429), ``"error"`` (``status``) or ``"drop"``; the same
        seed and call sequence give the same faults.
        """
        if not 0.0 <= probability <= 1.0:
            raise ValueError("probability must be between 0 and 1")
        if kind == "error" and status not in _SERVER_ERRORS:
            raise ValueError(f"status must be one of {_SERVER_ERRORS}")
        code = {"throttle": 429, "error": status, "drop": None}[kind]
        self._add(InjectedFault(kind, code, after_acting), operation, times, probability, seed)

    def add_latency(
        self,
        seconds: float,
        *,
        operation: str | Iterable[str] | None = None,
        times: int | None = None,
    ) -> None:
        """Delay matching calls by ``seconds`` before the fake acts on them."""
        _check_times(times)
        if seconds < 0:
            raise ValueError("seconds must not be negative")
        with self._lock:
            self._latencies.append(_Latency(seconds, _operations(operation), times))

    def clear(self) -> None:
        """Removes every rule."""
        with self._lock:
            self._rules.clear()
            self._latencies.clear()

    def decide(self, operation: str) -> tuple[InjectedFault | None, float]:
        """The fault (if any) and the delay in seconds for one call of ``operation``."""
        with self._lock:
            chosen: InjectedFault | None = None
            for rule in self._rules:
                if rule.matches(operation) and rule.fires():
                    chosen = rule.fault
                    break
            delay = 0.0
            for latency in self._latencies:
                if latency.operations is not None and operation not in latency.operations:
                    continue
                if latency.remaining is not None:
                    if latency.remaining <= 0:
                        continue
                    latency.remaining -= 1
                delay += latency.seconds
            self._rules = [r for r in self._rules if r.remaining is None or r.remaining > 0]
            return chosen, delay
