"""The one exception of the generator: the model and the tables disagree, or a name clashes."""

from __future__ import annotations

__all__ = ["CodegenError"]


class CodegenError(Exception):
    """The generator cannot produce correct code; the message says what to change.

    ``python -m codegen`` prints it and exits with status 1; library code only raises it.
    """
