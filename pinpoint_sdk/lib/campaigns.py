"""``client.campaigns``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from ..resources import campaigns as generated

__all__ = ["Campaigns"]


class Campaigns(generated.Campaigns):
    """Campaigns, plus waiting for a version to go live."""
