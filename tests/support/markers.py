"""Generated parts of the docs, kept between ``<!-- name:start ... -->`` and ``<!-- name:end -->``.

A test renders the part and compares it with the page; with ``PINPOINT_UPDATE_DOCS=1`` it
rewrites the page instead.
"""

from __future__ import annotations

import os
import re

#: Set to rewrite the generated parts of the docs instead of comparing them.
UPDATE_DOCS = os.environ.get("PINPOINT_UPDATE_DOCS") == "1"


def _span(text: str, name: str) -> re.Match[str]:
    found = re.search(rf"(<!-- {name}:start[^>]*-->\n)(.*?)(<!-- {name}:end -->)", text, re.S)
    if found is None:
        raise AssertionError(
            f"the markers <!-- {name}:start --> ... <!-- {name}:end --> are missing"
        )
    return found


def between_markers(text: str, name: str) -> str:
    """The part of ``text`` between the two markers called ``name``."""
    return _span(text, name).group(2)


def replace_between_markers(text: str, name: str, body: str) -> str:
    """``text`` with the part between the markers called ``name`` replaced by ``body``."""
    found = _span(text, name)
    return text[: found.start(2)] + body + text[found.end(2) :]
