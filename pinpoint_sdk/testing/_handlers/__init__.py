"""One module per resource; importing them fills :data:`HANDLERS` (operation → function)."""

from __future__ import annotations

# Imported for their registrations only.
from . import (  # noqa: F401
    apps,
    campaigns,
    channels,
    endpoints,
    event_streams,
    jobs,
    journeys,
    messages,
    metrics,
    phone_numbers,
    recommenders,
    segments,
    tags,
    templates,
)
from ._context import Call
from ._registry import HANDLERS, Handler

__all__ = ["HANDLERS", "Call", "Handler"]
