"""The application's event stream (Kinesis or Firehose destination)."""

from __future__ import annotations

from .._errors import not_found
from .._ids import now_iso
from ._context import Call, JsonDict


def put_event_stream(call: Call) -> JsonDict:
    """Creates or replaces the application's event stream."""
    app = call.app()
    app.event_stream = {
        **call.body,
        "ApplicationId": app.id,
        "LastModifiedDate": now_iso(),
        "LastUpdatedBy": "FakePinpoint",
    }
    return app.event_stream


def get_event_stream(call: Call) -> JsonDict:
    """Returns the event stream; 404 when none is set."""
    app = call.app()
    if app.event_stream is None:
        raise not_found("event_stream")
    return app.event_stream


def delete_event_stream(call: Call) -> JsonDict:
    """Removes the event stream and returns it; 404 when none is set."""
    app = call.app()
    stream = app.event_stream
    if stream is None:
        raise not_found("event_stream")
    app.event_stream = None
    return stream
