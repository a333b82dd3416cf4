"""``client.journeys``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from ..resources import journeys as generated

__all__ = ["Journeys"]


class Journeys(generated.Journeys):
    """Journeys, plus their lifecycle: activate, pause, resume, cancel."""
