"""``client.messages``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from ..resources import messages as generated

__all__ = ["Messages"]


class Messages(generated.Messages):
    """Messages, plus sending to many recipients safely."""
