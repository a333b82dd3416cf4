"""``client.events``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from ..resources import events as generated

__all__ = ["Events"]


class Events(generated.Events):
    """Events, plus batched recording of many events."""
