"""Module attributes loaded on first use (PEP 562), for packages that must import cheaply."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, sources: Mapping[str, str], moved: Mapping[str, str] | None = None
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``, loading each name from its module.

    ``sources`` maps an exported name to the module that defines it, relative to ``package``
    (``".campaign_response"``). A name is imported when first read, then kept in the
    package's namespace, so later reads cost nothing. ``moved`` maps names the package no
    longer has to where to look instead; reading one raises an ``AttributeError`` saying so.
    """

    def __getattr__(name: str) -> Any:
        source = sources.get(name)
        if source is None:
            hint = f"; {moved[name]}" if moved and name in moved else ""
            raise AttributeError(f"module {package!r} has no attribute {name!r}{hint}")
        value = getattr(importlib.import_module(source, package), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(sources)

    return __getattr__, __dir__
