"""Auto-pagination for Pinpoint's token-paged operations.

botocore ships no paginators for Pinpoint; the generator finds the 18 operations that return a
``NextToken`` and their methods return an :class:`AsyncPaginator`::

    async for campaign in client.campaigns.list(app_id):      # every item, across pages
        ...
    first = await client.campaigns.list(app_id, page_size=50)  # one page
    async for page in client.campaigns.list(app_id).pages():   # page by page
        save(page.next_token)                                  # resume later with next_token=

No page is fetched before it is needed, and errors surface when the paginator is awaited or
first iterated.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ._exceptions import APIResponseValidationError, PinpointValidationError
from ._models import PinpointModel
from ._response import ResponseMetadata, response_metadata

__all__ = ["AsyncPaginator", "Page"]

ItemT = TypeVar("ItemT")
PayloadT = TypeVar("PayloadT", bound=PinpointModel)

#: Fetches one page: (token, page size) -> the operation's payload model.
FetchPage = Callable[[str | None, int | None], Awaitable[PayloadT]]


@dataclass(frozen=True)
class Page(Generic[ItemT, PayloadT]):
    """One page: its items, the token of the next page, and the whole payload."""

    items: Sequence[ItemT]
    next_token: str | None
    payload: PayloadT

    def has_next_page(self) -> bool:
        """Whether the service has more items after this page."""
        return bool(self.next_token)

    @property
    def metadata(self) -> ResponseMetadata | None:
        """Status, headers, request id and attempts of the call that fetched this page."""
        return response_metadata(self.payload)

    def __iter__(self) -> Generator[ItemT, None, None]:
        yield from self.items

    def __len__(self) -> int:
        return len(self.items)


def _items_at(payload: PinpointModel, path: Sequence[str]) -> list[Any]:
    value: Any = payload
    for attribute in path:
        value = getattr(value, attribute, None)
        if value is None:
            return []
    return list(value)


class AsyncPaginator(Generic[ItemT, PayloadT]):
    """Pages of a token-paged operation: awaitable (first page) and async-iterable (items)."""

    def __init__(
        self,
        fetch: FetchPage[PayloadT],
        items_path: Sequence[str],
        *,
        operation: str,
        next_token: str | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
    ) -> None:
        if page_size is not None and page_size < 1:
            raise PinpointValidationError("page_size must be at least 1")
        if max_items is not None and max_items < 0:
            raise PinpointValidationError("max_items must not be negative")
        self._fetch = fetch
        self._items_path = tuple(items_path)
        self._operation = operation
        self._start_token = next_token
        self._page_size = page_size
        self._max_items = max_items

    async def _page(self, token: str | None) -> Page[ItemT, PayloadT]:
        payload = await self._fetch(token, self._page_size)
        next_token = getattr(payload, "next_token", None) or None
        return Page(_items_at(payload, self._items_path), next_token, payload)

    def __await__(self) -> Generator[Any, None, Page[ItemT, PayloadT]]:
        return self._page(self._start_token).__await__()

    async def pages(self) -> AsyncIterator[Page[ItemT, PayloadT]]:
        """Every page in order, until the service returns no token or ``max_items`` is reached."""
        token = self._start_token
        seen: set[str] = set()
        remaining = self._max_items
        while remaining is None or remaining > 0:
            page = await self._page(token)
            yield page
            if remaining is not None:
                remaining -= len(page.items)
            if not page.next_token:
                return
            if page.next_token in seen:
                # A service that hands back a token it already gave would page forever.
                raise APIResponseValidationError(
                    f"the service repeated the page token {page.next_token!r}",
                    operation=self._operation,
                    request_id=page.metadata.request_id if page.metadata else None,
                )
            seen.add(page.next_token)
            token = page.next_token

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        remaining = self._max_items
        async for page in self.pages():
            for item in page.items:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield item
