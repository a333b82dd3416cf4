"""Every fault the network and the service can throw, against a read and a send.

Each case injects one fault into the fake (over real HTTP unless it says otherwise), makes one
call with the default retry shape (3 attempts at most), and checks three things:

- the caller sees the promised typed error, or a result;
- the fake received exactly the promised number of attempts, and the SDK reports the same
  number (``response_metadata(...).attempts``, or the call's final log record);
- a send is never repeated once the service may have acted: the outbox holds what the
  service actually did, never more;
- the error says whether the request may have reached the service (``request_sent``), and a
  connection lost after sending never reads "Could not connect".

The measured results are the fault table of ``docs/reliability.md``; the last test keeps it
current (``PINPOINT_UPDATE_DOCS=1`` rewrites it).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import pytest
from aiobotocore.config import AioConfig
from aiobotocore.credentials import AioCredentialResolver
from aiobotocore.session import AioSession
from reliability_support import (
    CREDENTIALS,
    DOCS,
    FAST_RETRIES,
    SEED,
    SESSION,
    UPDATE_DOCS,
    between_markers,
    get_campaign,
    http_client,
    inprocess_client,
    replace_between_markers,
    send_sms,
)
from support.clock import eventually

from pinpoint_sdk import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    ClientClosedError,
    PinpointClient,
    PinpointConfigurationError,
    PinpointError,
    RetryBudget,
    Timeout,
    response_metadata,
)
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer, FaultInjector

Kind = Literal["read", "send"]
Transport = Literal["http", "in-process", "refused", "no-credentials"]
OPERATIONS: dict[Kind, str] = {"read": "GetCampaign", "send": "SendMessages"}


@dataclass(frozen=True)
class Expected:
    """What the policy promises: an outcome label, attempts, and messages in the outbox."""

    outcome: str
    attempts: int
    sent: int = 0


@dataclass(frozen=True)
class Fault:
    """One row of the table: how to inject the fault, and what each kind of call must see."""

    key: str
    label: str
    inject: Callable[[FaultInjector, str], None]
    read: Expected
    send: Expected
    transport: Transport = "http"
    options: dict[str, Any] = field(default_factory=lambda: {})
    #: Up to how many seconds to wait after the call for the fake to finish an abandoned attempt.
    settle: float = 0.0
    #: Runs alongside the call (e.g. closes the client while the call is in flight).
    meanwhile: Callable[[PinpointClient, FakePinpoint], Awaitable[None]] | None = None


async def close_when_in_flight(client: PinpointClient, fake: FakePinpoint) -> None:
    """Closes the client once the fake holds a request of the call, unanswered."""
    await eventually(
        lambda: any(r.status is None for r in fake.requests), "a request of the call to arrive"
    )
    await client.close()


OK = "success"
FAULTS: list[Fault] = [
    Fault(
        "throttle-burst",
        "429 throttling, 2 in a row",
        lambda f, op: f.throttle(2, operation=op),
        read=Expected(OK, 3),
        send=Expected(OK, 3, sent=1),
    ),
    Fault(
        "throttle-persistent",
        "429 throttling on every attempt",
        lambda f, op: f.throttle(None, operation=op),
        read=Expected("TooManyRequestsException (429)", 3),
        send=Expected("TooManyRequestsException (429)", 3, sent=0),
    ),
    *[
        Fault(
            f"{status}-after-acting",
            f"{status} once, after the service acted",
            lambda f, op, status=status: f.fail(status, operation=op, after_acting=True),
            read=Expected(OK, 2),
            send=Expected(f"{name} ({status})", 1, sent=1),
        )
        for status, name in [
            (500, "InternalServerErrorException"),
            (502, "APIStatusError"),
            (503, "APIStatusError"),
            (504, "APIStatusError"),
        ]
    ],
    Fault(
        "503-persistent",
        "503 on every attempt, before acting",
        lambda f, op: f.fail(503, times=None, operation=op),
        read=Expected("APIStatusError (503)", 3),
        send=Expected("APIStatusError (503)", 1, sent=0),
    ),
    Fault(
        "refused",
        "connection refused (nothing listening)",
        lambda f, op: None,
        read=Expected("APIConnectionError (request_sent=False)", 3),
        send=Expected("APIConnectionError (request_sent=False)", 3, sent=0),
        transport="refused",
    ),
    Fault(
        "reset-before-sent",
        "connection reset before the request is sent",
        lambda f, op: f.drop_connection(operation=op),
        read=Expected(OK, 2),
        send=Expected(OK, 2, sent=1),
        transport="in-process",
    ),
    Fault(
        "closed-before-acting",
        "connection closed after the request arrived, before acting",
        lambda f, op: f.drop_connection(operation=op),
        read=Expected(OK, 2),
        send=Expected("APIConnectionError (request_sent=True)", 1, sent=0),
    ),
    Fault(
        "reset-after-acting",
        "connection reset after the service acted",
        lambda f, op: f.drop_connection(operation=op, after_acting=True),
        read=Expected(OK, 2),
        send=Expected("APIConnectionError (request_sent=True)", 1, sent=1),
    ),
    Fault(
        "timeout-per-call",
        "read timeout: `with_options(timeout=0.5)`, 1.5 s answer once",
        lambda f, op: f.add_latency(1.5, operation=op, times=1),
        read=Expected(OK, 2),
        send=Expected("APITimeoutError (request_sent=True)", 1, sent=1),
        # Wide margins: the retry must answer within the timeout on a busy 2-core machine.
        options={"timeout": 0.5},
        settle=5.0,
    ),
    Fault(
        "timeout-read-timeout",
        "read timeout: `AioConfig(read_timeout=0.5)`, 1.5 s answer once",
        lambda f, op: f.add_latency(1.5, operation=op, times=1),
        read=Expected(OK, 2),
        send=Expected("APITimeoutError (request_sent=True)", 1, sent=1),
        options={"config": AioConfig(read_timeout=0.5)},
        settle=5.0,
    ),
    Fault(
        "silent",
        "server silent on every attempt: `Timeout(read=0.25)`, 1 s answers",
        lambda f, op: f.add_latency(1.0, operation=op),
        read=Expected("APITimeoutError (request_sent=True)", 3),
        send=Expected("APITimeoutError (request_sent=True)", 1, sent=1),
        options={"timeout": Timeout(read=0.25, total=None)},
        settle=5.0,
    ),
    Fault(
        "deadline",
        "call deadline passes mid-attempt: `Timeout(total=0.3)`, 1 s answers",
        lambda f, op: f.add_latency(1.0, operation=op),
        read=Expected("APITimeoutError (request_sent=True)", 1),
        send=Expected("APITimeoutError (request_sent=True)", 1, sent=1),
        options={"timeout": Timeout(total=0.3)},
        settle=5.0,
    ),
    Fault(
        "slow",
        "slow answer within the timeout (0.1 s of 1 s)",
        lambda f, op: f.add_latency(0.1, operation=op, times=1),
        read=Expected(OK, 1),
        send=Expected(OK, 1, sent=1),
        options={"timeout": 1.0},
    ),
    Fault(
        "malformed",
        "200 with malformed JSON",
        lambda f, op: f.corrupt_body("malformed", operation=op),
        read=Expected("APIResponseValidationError", 1),
        send=Expected("APIResponseValidationError", 1, sent=1),
    ),
    Fault(
        "truncated",
        "200 with JSON cut in half (consistent Content-Length)",
        lambda f, op: f.corrupt_body("truncated", operation=op),
        read=Expected("APIResponseValidationError", 1),
        send=Expected("APIResponseValidationError", 1, sent=1),
    ),
    Fault(
        "incomplete",
        "200 whose body stops before its Content-Length (connection closed)",
        lambda f, op: f.corrupt_body("incomplete", operation=op),
        read=Expected(OK, 2),
        send=Expected("APIConnectionError (request_sent=True)", 1, sent=1),
    ),
    Fault(
        "empty",
        "200 with an empty body",
        lambda f, op: f.corrupt_body("empty", operation=op),
        read=Expected("APIResponseValidationError", 1),
        send=Expected("APIResponseValidationError", 1, sent=1),
    ),
    Fault(
        "html-502",
        "502 HTML page from a proxy, after the service acted",
        lambda f, op: f.corrupt_body("html", status=502, operation=op),
        read=Expected(OK, 2),
        send=Expected("APIStatusError (502)", 1, sent=1),
    ),
    Fault(
        "html-200",
        "200 HTML page (a captive portal) instead of JSON",
        lambda f, op: f.corrupt_body("html", status=200, operation=op, after_acting=False),
        read=Expected("APIResponseValidationError", 1),
        send=Expected("APIResponseValidationError", 1, sent=0),
    ),
    Fault(
        "malformed-500",
        "500 whose error body is not JSON",
        lambda f, op: f.corrupt_body("malformed", status=500, operation=op, after_acting=False),
        read=Expected(OK, 2),
        send=Expected("InternalServerErrorException (500)", 1, sent=0),
    ),
    Fault(
        "budget-empty",
        "429 once, with the client's retry budget empty",
        lambda f, op: f.throttle(1, operation=op),
        read=Expected("TooManyRequestsException (429)", 1),
        send=Expected("TooManyRequestsException (429)", 1, sent=0),
        options={"retry_budget": RetryBudget(capacity=0)},
    ),
    Fault(
        "closed-in-flight",
        "`close()` while the call is in flight (1 s answer)",
        lambda f, op: f.add_latency(1.0, operation=op),
        read=Expected("ClientClosedError (request_sent=True)", 1),
        send=Expected("ClientClosedError (request_sent=True)", 1, sent=1),
        settle=5.0,
        meanwhile=close_when_in_flight,
    ),
    Fault(
        "no-credentials",
        "no credentials anywhere",
        lambda f, op: None,
        read=Expected("CredentialsError", 0),
        send=Expected("CredentialsError", 0, sent=0),
        transport="no-credentials",
    ),
]
CASES = [(fault, kind) for fault in FAULTS for kind in ("read", "send")]


@dataclass(frozen=True)
class Measured:
    """What one case did: outcome label, attempts seen by the fake and reported by the SDK."""

    outcome: str
    fake_attempts: int | None
    sdk_attempts: int
    sent: int
    error: BaseException | None


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def _sdk_records() -> Iterator[_Records]:
    """The ``pinpoint_sdk`` logger's records at DEBUG, whatever pytest's caplog does."""
    handler = _Records()
    logger = logging.getLogger("pinpoint_sdk")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _label(error: BaseException | None) -> str:
    if error is None:
        return OK
    name = type(error).__name__
    if isinstance(error, APIStatusError):
        return f"{name} ({error.status_code})"
    if isinstance(error, (APIConnectionError, ClientClosedError)):
        return f"{name} (request_sent={error.request_sent})"
    return name


@asynccontextmanager
async def _client(fault: Fault, fake: FakePinpoint) -> AsyncIterator[PinpointClient]:
    if fault.transport == "in-process":
        async with inprocess_client(fake, **fault.options) as client:
            yield client
    elif fault.transport == "no-credentials":
        # A session whose credential chain is empty: as on a machine with nothing configured.
        session = AioSession()
        session.register_component("credential_provider", AioCredentialResolver(providers=[]))
        async with (
            FakePinpointServer(fake) as server,
            PinpointClient(
                region_name="us-east-1", endpoint_url=server.url, session=session
            ) as client,
        ):
            yield client
    elif fault.transport == "refused":
        # Port 9 (discard) on loopback: nothing listens there, the connection is refused.
        async with PinpointClient(
            **CREDENTIALS,
            endpoint_url="http://127.0.0.1:9",
            session=SESSION,
            retry_policy=FAST_RETRIES,
        ) as client:
            yield client
    else:
        async with http_client(fake, **fault.options) as client:
            yield client


async def run_case(fault: Fault, kind: Kind) -> Measured:
    """Injects the fault, makes the call, and measures what happened."""
    operation = OPERATIONS[kind]
    fake = FakePinpoint(SEED)
    fault.inject(fake.faults, operation)
    error: BaseException | None = None
    with _sdk_records() as log:
        async with _client(fault, fake) as client:
            meanwhile = (
                asyncio.ensure_future(fault.meanwhile(client, fake)) if fault.meanwhile else None
            )
            try:
                result = await (get_campaign if kind == "read" else send_sms)(client)
            except Exception as raised:
                error = raised
            if meanwhile is not None:
                await meanwhile
            if fault.settle:
                # Let the fake finish the attempt the client gave up on (and act, if it will).
                deadline = time.monotonic() + fault.settle
                while any(r.status is None for r in fake.requests) and time.monotonic() < deadline:
                    await asyncio.sleep(0.01)
    finished = [r for r in log.records if getattr(r, "outcome", None) is not None]
    assert len(finished) == 1, "one final record per call"
    sdk_attempts = int(finished[0].__dict__["attempts"])
    if error is None:
        metadata = response_metadata(result)
        assert metadata is not None and metadata.attempts == sdk_attempts
    retries = [r for r in log.records if r.getMessage().startswith("retrying")]
    assert len(retries) == max(sdk_attempts - 1, 0), "one retry record per retry"
    fake_attempts = None if fault.transport == "refused" else len(fake.calls(operation))
    if error is not None:
        # Every error says whether the request may have reached the service.
        assert isinstance(error, PinpointError) and isinstance(error.request_sent, bool)
    return Measured(_label(error), fake_attempts, sdk_attempts, len(fake.outbox), error)


#: Filled as the cases run; the docs test measures whatever is missing itself.
MEASURED: dict[tuple[str, Kind], Measured] = {}


@pytest.mark.parametrize(
    ("fault", "kind"),
    [
        # Cases that wait for a timeout or for the fake to settle take a second or more.
        pytest.param(fault, kind, marks=[pytest.mark.slow] if fault.settle else [])
        for fault, kind in CASES
    ],
    ids=[f"{fault.key}-{kind}" for fault, kind in CASES],
)
async def test_fault(fault: Fault, kind: Kind) -> None:
    expected: Expected = getattr(fault, kind)
    measured = await run_case(fault, kind)
    MEASURED[fault.key, kind] = measured
    assert measured.outcome == expected.outcome
    assert measured.sdk_attempts == expected.attempts
    if measured.fake_attempts is not None:
        assert measured.fake_attempts == expected.attempts
    if kind == "send":
        assert measured.sent == expected.sent
        # The promise that matters most: never a second message for one send.
        assert measured.sent <= 1
    error = measured.error
    if isinstance(error, APIResponseValidationError):
        # One clear error that names the call and the request the service answered (a
        # captive portal answers for a service that never saw the request: no request id).
        assert error.operation in str(error)
        assert f"request id {error.request_id}" in str(error)
        if fault.key != "html-200":
            assert error.request_id
    if isinstance(error, APIStatusError) and fault.key.startswith(("throttle", "50")):
        assert error.request_id, "the service's errors carry its request id"
    if error is not None:
        assert error.__cause__ is not None or isinstance(error, APIResponseValidationError)
        assert error.attempts == measured.sdk_attempts
    if isinstance(error, (APIStatusError, APIResponseValidationError)):
        assert error.request_sent, "the service (or a proxy) answered: it had the request"
    if isinstance(error, PinpointConfigurationError):
        assert not error.request_sent and not measured.fake_attempts
    if isinstance(error, APIConnectionError) and error.request_sent:
        # Lost after sending: the message says so, never "could not connect".
        assert "Could not connect" not in str(error) and "may have acted" in str(error)


def render_table(measured: dict[tuple[str, Kind], Measured]) -> str:
    """The fault table of the docs, from measurements."""
    lines = [
        "| Fault | Read (`GetCampaign`): outcome | attempts "
        "| Send (`SendMessages`): outcome | attempts | messages sent |",
        "|---|---|---|---|---|---|",
    ]
    for fault in FAULTS:
        read, send = measured[fault.key, "read"], measured[fault.key, "send"]
        where = " *(in process)*" if fault.transport == "in-process" else ""
        lines.append(
            f"| {fault.label}{where} | {read.outcome} | {read.sdk_attempts} "
            f"| {send.outcome} | {send.sdk_attempts} | {send.sent} |"
        )
    return "\n".join(lines)


async def test_the_docs_show_the_measured_fault_table() -> None:
    for fault, kind in CASES:
        if (fault.key, kind) not in MEASURED:
            MEASURED[fault.key, kind] = await run_case(fault, kind)
    table = render_table(MEASURED)
    text = DOCS.read_text()
    if UPDATE_DOCS:
        DOCS.write_text(replace_between_markers(text, "fault-table", table))
    else:
        assert between_markers(text, "fault-table") == table, (
            "docs/reliability.md is out of date: run PINPOINT_UPDATE_DOCS=1 pytest tests/reliability"
        )


async def test_aiohttp_does_not_resend_a_read_behind_the_policys_back() -> None:
    # aiohttp re-sends GET/PUT/DELETE once on a dropped connection unless told not to; with
    # no retries allowed, the fake must see exactly one request.
    fake = FakePinpoint(SEED)
    fake.faults.drop_connection(operation="GetCampaign")
    async with http_client(fake, max_retries=0) as client:
        with pytest.raises(APIConnectionError):
            await get_campaign(client)
    assert len(fake.calls("GetCampaign")) == 1
