"""Pages of a list the way Pinpoint pages them: ``page-size`` and an opaque token.

A page carries ``NextToken`` only when more items remain. The service does not document its
default page size; the fake uses :data:`DEFAULT_PAGE_SIZE`. Tokens are opaque strings; one
the fake did not issue is a 400.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from typing import TypeVar

from ._errors import bad_request

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 20
_TOKEN_PREFIX = "pp1:"


def _token_for(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_TOKEN_PREFIX}{offset}".encode()).decode()


def _offset_of(token: str) -> int:
    try:
        decoded = base64.urlsafe_b64decode(token.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        decoded = ""
    if not decoded.startswith(_TOKEN_PREFIX) or not decoded[len(_TOKEN_PREFIX) :].isdigit():
        raise bad_request(f"Invalid token: '{token}'")
    return int(decoded[len(_TOKEN_PREFIX) :])


def page_size_of(raw: object) -> int:
    """The page size from a ``page-size`` parameter (a string in the model), or the default."""
    if raw is None or raw == "":
        return DEFAULT_PAGE_SIZE
    text = str(raw)
    if not text.isdigit() or int(text) < 1:
        raise bad_request(f"Invalid value for query parameter 'page-size': '{text}'")
    return int(text)


def paginate(items: Sequence[T], page_size: object, token: object) -> tuple[list[T], str | None]:
    """One page of ``items`` and the token of the next page (``None`` on the last page)."""
    size = page_size_of(page_size)
    start = _offset_of(str(token)) if token else 0
    end = start + size
    next_token = _token_for(end) if end < len(items) else None
    return list(items[start:end]), next_token


def page_response(items: Sequence[T], params: dict[str, object]) -> dict[str, object]:
    """``{"Item": [...], "NextToken": ...}`` for an operation with ``PageSize`` and a token.

    Operations name the token ``Token`` (query ``token``) or ``NextToken`` (``next-token``).
    """
    token = params.get("Token", params.get("NextToken"))
    page, next_token = paginate(items, params.get("PageSize"), token)
    response: dict[str, object] = {"Item": page}
    if next_token is not None:
        response["NextToken"] = next_token
    return response
