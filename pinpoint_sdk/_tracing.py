"""OpenTelemetry spans for API calls: one span per call, each retry an event on it.

Tracing is optional (``pip install pinpoint-sdk[otel]``) and must cost nothing when unused, so
this module never imports OpenTelemetry itself. An application that traces has imported
``opentelemetry.trace`` and installed a tracer provider; when either is missing,
:func:`start_call_span` returns ``None`` after a dictionary lookup, and the call runs untraced.

A span is named ``Pinpoint.<Operation>`` (kind ``CLIENT``) and carries, following the
OpenTelemetry conventions for AWS SDK calls:

- ``rpc.system`` (``aws-api``), ``rpc.service`` (``Pinpoint``), ``rpc.method`` (the operation);
- ``http.response.status_code`` and ``aws.request_id`` of the last attempt, when there was one;
- ``pinpoint.attempts``: HTTP attempts made (1 + retries);
- ``error.type``: the service's error code (``TooManyRequestsException``) or our exception's
  class name (``APITimeoutError``); the span status is then ``ERROR``.

Each retry adds a ``retry`` event with the failed attempt's number, ``error.type``, status code
and the delay before the next attempt. Nothing from request or response bodies is recorded, so
no secret can reach a trace.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

__all__ = ["CallSpan", "start_call_span"]

_TRACER_NAME = "pinpoint_sdk"
#: (provider, tracer): a tracer is made once per provider, not once per call.
_tracer_cache: tuple[Any, Any] | None = None


class CallSpan:
    """The span of one call, with the few things ``invoke`` records on it."""

    __slots__ = ("_span", "_token", "_trace")

    def __init__(self, trace: Any, span: Any, token: Any) -> None:
        self._trace = trace
        self._span = span
        self._token = token

    def retry(self, attributes: Mapping[str, Any]) -> None:
        """Records one failed attempt that is about to be retried."""
        self._span.add_event("retry", _clean(attributes))

    def end(
        self,
        attributes: Mapping[str, Any],
        error: BaseException | None = None,
        error_type: str | None = None,
    ) -> None:
        """Sets the final attributes and status, and ends the span."""
        span = self._span
        try:
            span.set_attributes(_clean(attributes))
            if error_type is not None:
                span.set_attribute("error.type", error_type)
                if error is not None:
                    span.record_exception(error)
                status = self._trace.Status(self._trace.StatusCode.ERROR, error_type)
                span.set_status(status)
        finally:
            span.end()
            _detach(self._token)


def _clean(attributes: Mapping[str, Any]) -> dict[str, Any]:
    # OpenTelemetry attributes cannot be None: leave out what is unknown.
    return {key: value for key, value in attributes.items() if value is not None}


def _detach(token: Any) -> None:
    # OpenTelemetry's detach logs, and never raises, when the context changed under it.
    context = sys.modules.get("opentelemetry.context")
    if token is not None and context is not None:
        context.detach(token)


def _tracer(trace: Any) -> Any | None:
    """The SDK's tracer, or None while no real tracer provider is installed."""
    global _tracer_cache
    provider = trace.get_tracer_provider()
    # The API's default provider is a proxy that makes non-recording spans: not configured.
    if isinstance(provider, trace.ProxyTracerProvider):
        return None
    cached = _tracer_cache
    if cached is not None and cached[0] is provider:
        return cached[1]
    tracer = provider.get_tracer(_TRACER_NAME, _version())
    _tracer_cache = (provider, tracer)
    return tracer


def _version() -> str | None:
    try:
        from importlib.metadata import version

        return version("pinpoint-sdk")
    except Exception:  # pragma: no cover - running from a source tree without metadata
        return None


def start_call_span(operation: str) -> CallSpan | None:
    """Starts the span of one call (made current), or returns None when nothing traces."""
    trace = sys.modules.get("opentelemetry.trace")
    if trace is None:
        return None
    tracer = _tracer(trace)
    if tracer is None:
        return None
    span = tracer.start_span(
        f"Pinpoint.{operation}",
        kind=trace.SpanKind.CLIENT,
        attributes={"rpc.system": "aws-api", "rpc.service": "Pinpoint", "rpc.method": operation},
    )
    if not span.is_recording():
        span.end()
        return None
    # Current, so that spans of an instrumented HTTP client nest under the call's span.
    from opentelemetry import context

    token = context.attach(trace.set_span_in_context(span))
    return CallSpan(trace, span, token)
