"""Fault injection: throttling, 5xx answers, dropped connections, bad bodies and latency.

Rules apply per operation name (``"SendMessages"``) or to every operation, for the next N
calls or for every call, or at random with a seeded generator. A fault either replaces the
operation (``after_acting=False``: the service never acted, nothing changed) or follows it
(``after_acting=True``: the operation took effect, e.g. the message is in the outbox, and
then the answer is an error or the connection drops). The second kind is what a client that
must never re-send a non-idempotent call has to survive.

Bodies can be corrupted too (:meth:`FaultInjector.corrupt_body`): invalid JSON, JSON cut
short, a proxy's HTML error page, an empty body, or a body that stops before its
``Content-Length`` because the connection closed mid-transfer.

When several rules match a call, the oldest one that fires wins; latency rules add up and
combine with any fault.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Literal

from ._wire import WireResponse

FaultKind = Literal["throttle", "error", "drop", "corrupt"]
#: How :meth:`FaultInjector.corrupt_body` spoils a body (see there).
BodyFault = Literal["malformed", "truncated", "html", "empty", "incomplete"]
_SERVER_ERRORS = (500, 502, 503, 504)
_BODY_FAULTS: tuple[BodyFault, ...] = ("malformed", "truncated", "html", "empty", "incomplete")


@dataclass(frozen=True)
class InjectedFault:
    """The fault chosen for one call."""

    kind: FaultKind
    status: int | None
    after_acting: bool
    #: For ``corrupt`` faults: how the body is spoiled.
    body: BodyFault | None = None

    def describe(self) -> str:
        """A short label for the request log: ``throttle``, ``error 503``, ``corrupt html``..."""
        if self.kind == "error":
            label = f"error {self.status}"
        elif self.kind == "corrupt":
            label = f"corrupt {self.body}" + (f" {self.status}" if self.status else "")
        else:
            label = self.kind
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
    jitter: float = 0.0
    rng: random.Random | None = None

    def draw(self) -> float:
        if self.rng is None or not self.jitter:
            return self.seconds
        return self.seconds + self.rng.uniform(0.0, self.jitter)


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

    def corrupt_body(
        self,
        kind: BodyFault = "malformed",
        *,
        status: int | None = None,
        times: int | None = 1,
        operation: str | Iterable[str] | None = None,
        after_acting: bool = True,
    ) -> None:
        """Spoil the body of the next ``times`` answers.

        ``kind``:

        - ``"malformed"``: not JSON (the real body with its end mangled);
        - ``"truncated"``: the first half of the real body, with a matching
          ``Content-Length``, as a proxy that cut the stream would send;
        - ``"html"``: an HTML error page (``text/html``), as load balancers and proxies send;
        - ``"empty"``: no body at all;
        - ``"incomplete"``: ``Content-Length`` announces the whole body, half of it arrives,
          then the connection closes (in process: ``httpx.RemoteProtocolError``).

        By default the operation takes effect first (``after_acting=True``: the service acted,
        the answer was spoiled on its way back) and the status is the real one, except for
        ``"html"`` which defaults to 502. ``after_acting=False`` is a proxy answering on its
        own: nothing reaches the service, and ``status`` must be given.
        """
        if kind not in _BODY_FAULTS:
            raise ValueError(f"kind must be one of {_BODY_FAULTS}")
        if status is None and kind == "html":
            status = 502
        if status is None and not after_acting:
            raise ValueError("a corrupt answer that does not act needs a status")
        if status is not None and not 200 <= status <= 599:
            raise ValueError("status must be an HTTP status (200..599)")
        self._add(InjectedFault("corrupt", status, after_acting, kind), operation, times)

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
        if kind == "corrupt":
            raise ValueError("randomly() injects throttle, error or drop; see corrupt_body()")
        code = {"throttle": 429, "error": status, "drop": None}[kind]
        self._add(InjectedFault(kind, code, after_acting), operation, times, probability, seed)

    def add_latency(
        self,
        seconds: float,
        *,
        operation: str | Iterable[str] | None = None,
        times: int | None = None,
        jitter: float = 0.0,
        seed: int = 0,
    ) -> None:
        """Delay matching calls by ``seconds`` before the fake acts on them.

        ``jitter`` adds a random ``0..jitter`` seconds to each call (seeded with ``seed``), for
        load tests whose calls should not all take the same time.
        """
        _check_times(times)
        if seconds < 0 or jitter < 0:
            raise ValueError("seconds and jitter must not be negative")
        rng = random.Random(seed) if jitter else None
        with self._lock:
            self._latencies.append(_Latency(seconds, _operations(operation), times, jitter, rng))

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
                delay += latency.draw()
            self._rules = [r for r in self._rules if r.remaining is None or r.remaining > 0]
            return chosen, delay


#: What a load balancer or proxy sends instead of the service's JSON.
_HTML_PAGE = (
    "<html>\r\n<head><title>{status}</title></head>\r\n<body>\r\n"
    "<center><h1>{status}</h1></center>\r\n</body>\r\n</html>\r\n"
)


def corrupt_response(
    fault: InjectedFault, real: WireResponse | None, request_id: str
) -> tuple[WireResponse, int | None]:
    """The spoiled answer for a ``corrupt`` fault, and where to cut the body (``incomplete``).

    ``real`` is the answer the fake would have sent (``None`` when it did not act).
    """
    status = fault.status or (real.status if real is not None else 502)
    headers = dict(real.headers) if real is not None else {"x-amzn-RequestId": request_id}
    body = real.body if real is not None and real.body else b'{"Message": "OK"}'
    cut_at: int | None = None
    if fault.body == "malformed":
        # Still looks like JSON to a glance, but a parser stops at the doubled comma.
        body = body.rstrip()[:-1] + b",,}"
        headers["Content-Type"] = "application/json"
    elif fault.body == "truncated":
        body = body[: len(body) // 2]
    elif fault.body == "html":
        reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
        body = _HTML_PAGE.format(status=f"{status} {reason}".strip()).encode()
        # A proxy's page carries none of the service's headers.
        headers = {"Content-Type": "text/html"}
    elif fault.body == "empty":
        body = b""
        headers.pop("Content-Type", None)
    elif fault.body == "incomplete":
        cut_at = len(body) // 2
    return WireResponse(status, headers, body), cut_at
