"""``client.jobs``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from ..resources import jobs as generated

__all__ = ["Jobs"]


class Jobs(generated.Jobs):
    """Import and export jobs, plus waiters for them to finish."""
