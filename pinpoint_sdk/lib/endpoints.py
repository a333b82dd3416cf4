"""``client.endpoints``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from ..resources import endpoints as generated

__all__ = ["Endpoints"]


class Endpoints(generated.Endpoints):
    """Endpoints, plus bulk upserts."""
