"""The table of operation name → handler function that the dispatcher looks up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._context import Call

Handler = Callable[[Call], "dict[str, Any] | None"]

HANDLERS: dict[str, Handler] = {}


def handles(*operations: str) -> Callable[[Handler], Handler]:
    """Registers the decorated function as the handler of the named operations."""

    def register(function: Handler) -> Handler:
        for operation in operations:
            if operation in HANDLERS:
                raise RuntimeError(f"Two handlers for {operation}")
            HANDLERS[operation] = function
        return function

    return register
