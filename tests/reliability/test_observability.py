"""Every call can be seen without a debugger: one log record per call, one span per call.

The ``pinpoint_sdk`` logger gives one DEBUG record when a call ends (``operation``,
``outcome``, ``status_code``, ``attempts``, ``duration_ms``, ``request_id``, ``error_code``)
and one INFO record per retry. With OpenTelemetry configured, each call is one span with the
retries as events. Without it, tracing costs a dictionary lookup and imports nothing.
"""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from opentelemetry.util._once import Once
from reliability_support import (
    APP_ID,
    CAMPAIGN_ID,
    CREDENTIALS,
    FAST_RETRIES,
    SEED,
    SESSION,
    get_campaign,
    http_client,
    inprocess_client,
    send_sms,
)
from support.clock import eventually

from pinpoint_sdk import (
    APIConnectionError,
    APIResponseValidationError,
    NotFoundException,
    PinpointClient,
    response_metadata,
)
from pinpoint_sdk._tracing import start_call_span
from pinpoint_sdk.models import EndpointBatchItem
from pinpoint_sdk.testing import FakePinpoint

FIELDS = ("operation", "outcome", "status_code", "attempts", "duration_ms", "request_id")


@pytest.fixture
def records(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="pinpoint_sdk")
    return caplog


def _final(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "pinpoint_sdk" and hasattr(r, "outcome")]


def _retries(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "pinpoint_sdk" and hasattr(r, "attempt")]


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    return {name: record.__dict__[name] for name in (*FIELDS, "error_code")}


async def test_a_retried_success_logs_each_retry_and_one_final_record(
    records: pytest.LogCaptureFixture,
) -> None:
    fake = FakePinpoint(SEED)
    fake.faults.throttle(1, operation="GetCampaign")
    async with http_client(fake) as client:
        campaign = await get_campaign(client)
    metadata = response_metadata(campaign)
    assert metadata is not None
    (retry,) = _retries(records)
    assert retry.levelno == logging.INFO
    throttled = fake.calls("GetCampaign")[0]
    assert {
        k: retry.__dict__[k] for k in ("operation", "attempt", "error_code", "status_code")
    } == {
        "operation": "GetCampaign",
        "attempt": 1,
        "error_code": "TooManyRequestsException",
        "status_code": 429,
    }
    assert retry.__dict__["request_id"] == throttled.request_id
    (final,) = _final(records)
    assert final.levelno == logging.DEBUG
    fields = _fields(final)
    assert fields["duration_ms"] > 0
    fields.pop("duration_ms")
    assert fields == {
        "operation": "GetCampaign",
        "outcome": "success",
        "status_code": 200,
        "attempts": 2,
        "request_id": metadata.request_id,
        "error_code": None,
    }
    assert metadata.request_id == fake.calls("GetCampaign")[1].request_id
    assert "GetCampaign succeeded: status 200, 2 attempts" in final.getMessage()


async def test_failures_log_the_error_code_status_and_request_id(
    records: pytest.LogCaptureFixture,
) -> None:
    fake = FakePinpoint(SEED)
    fake.faults.corrupt_body("malformed", operation="SendMessages")
    async with http_client(fake) as client:
        with pytest.raises(NotFoundException):
            await client.campaigns.get(APP_ID, "no-such-campaign")
        with pytest.raises(APIResponseValidationError):
            await send_sms(client)
    async with PinpointClient(
        **CREDENTIALS,
        endpoint_url="http://127.0.0.1:9",
        session=SESSION,
        retry_policy=FAST_RETRIES,
    ) as refused:
        with pytest.raises(APIConnectionError):
            await get_campaign(refused)
    not_found, unreadable, unreachable = (_fields(r) for r in _final(records))
    (missing,) = fake.calls("GetCampaign")
    assert not_found == {
        **not_found,
        "outcome": "error",
        "status_code": 404,
        "attempts": 1,
        "request_id": missing.request_id,
        "error_code": "NotFoundException",
    }
    (sent,) = fake.calls("SendMessages")
    assert unreadable == {
        **unreadable,
        "outcome": "error",
        "status_code": 200,
        "attempts": 1,
        "request_id": sent.request_id,
        "error_code": "APIResponseValidationError",
    }
    assert unreachable == {
        **unreachable,
        "outcome": "error",
        "status_code": None,
        "attempts": 3,
        "request_id": None,
        "error_code": "APIConnectionError",
    }


async def test_a_cancelled_call_says_so(records: pytest.LogCaptureFixture) -> None:
    fake = FakePinpoint(SEED)
    # In process, the fake's wait ends with the cancellation: it may be long enough that
    # the call is still in flight however loaded the machine.
    fake.faults.add_latency(60, operation="GetCampaign")
    async with inprocess_client(fake) as client:
        task = asyncio.create_task(get_campaign(client))
        await eventually(lambda: bool(fake.calls("GetCampaign")), "the request to arrive")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    (final,) = _final(records)
    assert (final.__dict__["outcome"], final.__dict__["error_code"]) == (
        "cancelled",
        "CancelledError",
    )


# -- OpenTelemetry -------------------------------------------------------------------------------


def _reset_global_provider() -> None:
    # The API lets a process set its tracer provider once; tests need to undo it.
    trace._TRACER_PROVIDER_SET_ONCE = Once()
    trace._TRACER_PROVIDER = None


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """A real tracer provider for one test, recording into memory; removed afterwards."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    _reset_global_provider()
    trace.set_tracer_provider(provider)
    yield exporter
    provider.shutdown()
    _reset_global_provider()


def _calls(exporter: InMemorySpanExporter) -> list[ReadableSpan]:
    return [s for s in exporter.get_finished_spans() if s.name.startswith("Pinpoint.")]


async def test_one_span_per_call_with_retries_as_events(spans: InMemorySpanExporter) -> None:
    fake = FakePinpoint(SEED)
    fake.faults.throttle(2, operation="GetCampaign")
    tracer = trace.get_tracer("the-application")
    async with http_client(fake) as client:
        with tracer.start_as_current_span("handle-request") as parent:
            campaign = await get_campaign(client)
    metadata = response_metadata(campaign)
    assert metadata is not None
    (span,) = _calls(spans)
    assert span.name == "Pinpoint.GetCampaign" and span.kind is SpanKind.CLIENT
    assert span.parent is not None
    assert span.parent.span_id == parent.get_span_context().span_id
    assert dict(span.attributes or {}) == {
        "rpc.system": "aws-api",
        "rpc.service": "Pinpoint",
        "rpc.method": "GetCampaign",
        "http.response.status_code": 200,
        "aws.request_id": metadata.request_id,
        "pinpoint.attempts": 3,
    }
    assert span.status.status_code is StatusCode.UNSET
    events = [e for e in span.events if e.name == "retry"]
    assert [e.attributes["pinpoint.attempt"] for e in events if e.attributes] == [1, 2]
    throttled = [r.request_id for r in fake.calls("GetCampaign")[:2]]
    for event, request_id in zip(events, throttled, strict=True):
        attributes = dict(event.attributes or {})
        assert attributes["error.type"] == "TooManyRequestsException"
        assert attributes["http.response.status_code"] == 429
        assert attributes["aws.request_id"] == request_id
        assert attributes["pinpoint.retry_delay_s"] >= 0


async def test_a_failed_call_is_an_error_span(spans: InMemorySpanExporter) -> None:
    fake = FakePinpoint(SEED)
    async with http_client(fake) as client:
        with pytest.raises(NotFoundException) as raised:
            await client.campaigns.get(APP_ID, "missing-" + CAMPAIGN_ID)
    (span,) = _calls(spans)
    attributes = dict(span.attributes or {})
    assert attributes["error.type"] == "NotFoundException"
    assert attributes["http.response.status_code"] == 404
    assert attributes["aws.request_id"] == raised.value.request_id
    assert attributes["pinpoint.attempts"] == 1
    assert span.status.status_code is StatusCode.ERROR
    assert [e.name for e in span.events] == ["exception"]


async def test_without_a_configured_provider_nothing_is_traced() -> None:
    _reset_global_provider()
    assert start_call_span("GetCampaign") is None
    fake = FakePinpoint(SEED)
    async with http_client(fake) as client:
        await get_campaign(client)  # works, untraced


async def test_without_opentelemetry_imported_calls_run_untraced(
    monkeypatch: pytest.MonkeyPatch, spans: InMemorySpanExporter
) -> None:
    # A provider is set, but as far as the SDK can tell nothing imported OpenTelemetry.
    monkeypatch.delitem(sys.modules, "opentelemetry.trace")
    assert start_call_span("GetCampaign") is None
    fake = FakePinpoint(SEED)
    async with http_client(fake) as client:
        await get_campaign(client)
    assert _calls(spans) == []


async def test_under_steady_throttling_logs_and_spans_count_the_requests_the_service_saw(
    records: pytest.LogCaptureFixture, spans: InMemorySpanExporter
) -> None:
    fake = FakePinpoint(SEED)
    fake.faults.throttle(None, operation="UpdateEndpointsBatch")
    items = [
        EndpointBatchItem(id=f"e{n}", address=f"user{n}@example.com", channel_type="EMAIL")
        for n in range(300)
    ]
    async with http_client(fake) as client:
        result = await client.endpoints.upsert_many(APP_ID, items, concurrency=1)

    requests = len(fake.calls("UpdateEndpointsBatch"))
    # 3 chunks, each tried 1 + max_retries times: what the result, the log and the traces say.
    assert requests == result.requests == 9
    assert sum(r.__dict__["attempts"] for r in _final(records)) == requests
    assert len(_retries(records)) == result.retries == requests - 3
    traced = _calls(spans)
    assert sum(dict(s.attributes or {})["pinpoint.attempts"] for s in traced) == requests


def test_the_sdk_never_imports_opentelemetry_itself() -> None:
    code = (
        "import sys, asyncio\n"
        "from pinpoint_sdk import PinpointClient\n"
        "import pinpoint_sdk._client, pinpoint_sdk._tracing\n"
        "assert not [m for m in sys.modules if m.startswith('opentelemetry')], 'imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
