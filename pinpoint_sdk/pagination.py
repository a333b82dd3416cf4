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

A service that pages without making progress would keep a loop running forever. The paginator
raises :class:`~pinpoint_sdk.PaginationError` instead when the service hands back a token it
gave among the last ``REMEMBERED_TOKENS`` pages, or sends ``MAX_EMPTY_PAGES`` pages in a row
with no item and a new token each time (``max_items`` counts items, so it cannot stop such a
run by itself). Each page is one call, retried by the client's policy like any other.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ._exceptions import APIResponseValidationError, PaginationError, PinpointValidationError
from ._models import PinpointModel
from ._query import page_size_problem
from ._response import ResponseMetadata, response_metadata

__all__ = ["MAX_EMPTY_PAGES", "REMEMBERED_TOKENS", "AsyncPaginator", "Page"]

#: Pages in a row without an item (each with a new token) after which paging stops with
#: ``PaginationError``. Room for listings that return some empty pages (filtered on the
#: service's side), and at a typical 50-100 ms a page a loop still ends within seconds.
MAX_EMPTY_PAGES = 100
#: How many of the latest page tokens a paginator remembers to notice one coming back. Memory
#: stays bounded however long the listing; a loop longer than this still ends, by the empty
#: page rule or by ``max_items``.
REMEMBERED_TOKENS = 1_000

ItemT = TypeVar("ItemT")
PayloadT = TypeVar("PayloadT", bound=PinpointModel)

#: Fetches one page: (token, page size) -> the page (``Page.of`` the operation's payload).
FetchPage = Callable[[str | None, int | None], Awaitable["Page[ItemT, PayloadT]"]]


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

    @classmethod
    def of(
        cls, payload: PayloadT, items_path: Sequence[str], *, operation: str
    ) -> Page[Any, PayloadT]:
        """The page a payload is: the list at ``items_path`` (none when absent), its token.

        Lenient parsing keeps a value it cannot convert as it came; a page whose items are a
        string or a number could not be iterated, so it raises ``APIResponseValidationError``,
        with the request id.
        """
        value: Any = payload
        for attribute in items_path:
            if value is None:
                break
            if not isinstance(value, PinpointModel):
                raise _not_a_list(payload, items_path, operation)
            value = getattr(value, attribute, None)
        if value is not None and not isinstance(value, list):
            raise _not_a_list(payload, items_path, operation)
        return cls(value or [], getattr(payload, "next_token", None) or None, payload)


def _not_a_list(
    payload: PinpointModel, items_path: Sequence[str], operation: str
) -> APIResponseValidationError:
    metadata = response_metadata(payload)
    return APIResponseValidationError(
        f"the page's {'.'.join(items_path)} is not a list of items",
        operation=operation,
        request_id=metadata.request_id if metadata else None,
    )


def _check_paging(operation: str, page_size: object, max_items: object) -> None:
    """Refuses a page size or an item limit no listing could honour, naming the argument."""
    problem = page_size_problem(page_size)
    if problem is not None:
        raise PinpointValidationError(f"{operation}: page_size {problem}")
    if max_items is not None and (
        isinstance(max_items, bool) or not isinstance(max_items, int) or max_items < 0
    ):
        raise PinpointValidationError(
            f"{operation}: max_items must be a whole number of at least 0, not {max_items!r}"
        )


class AsyncPaginator(Generic[ItemT, PayloadT]):
    """Pages of a token-paged operation: awaitable (first page) and async-iterable (items)."""

    def __init__(
        self,
        fetch: FetchPage[ItemT, PayloadT],
        *,
        operation: str,
        next_token: str | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
    ) -> None:
        _check_paging(operation, page_size, max_items)
        self._fetch = fetch
        self._operation = operation
        self._start_token = next_token
        self._page_size = page_size
        self._max_items = max_items

    def __await__(self) -> Generator[Any, None, Page[ItemT, PayloadT]]:
        return self._fetch(self._start_token, self._page_size).__await__()

    async def pages(self) -> AsyncIterator[Page[ItemT, PayloadT]]:
        """Every page in order, until the service returns no token or ``max_items`` is reached.

        Raises ``PaginationError`` when the pages make no progress (see the module's doc).
        """
        token = self._start_token
        recent = _RecentTokens(REMEMBERED_TOKENS)
        empty_in_a_row = 0
        remaining = self._max_items
        while remaining is None or remaining > 0:
            page = await self._fetch(token, self._page_size)
            yield page
            if remaining is not None:
                remaining -= len(page.items)
            if not page.next_token:
                return
            empty_in_a_row = 0 if page.items else empty_in_a_row + 1
            if page.next_token in recent:
                # A service that hands back a token it already gave would page forever.
                raise self._no_progress(
                    page, f"the service repeated the page token {page.next_token!r}"
                )
            if empty_in_a_row >= MAX_EMPTY_PAGES:
                raise self._no_progress(
                    page,
                    f"the service sent {empty_in_a_row} pages in a row without an item, each "
                    "with a new token",
                )
            recent.add(page.next_token)
            token = page.next_token

    def _no_progress(self, page: Page[ItemT, PayloadT], problem: str) -> PaginationError:
        return PaginationError(
            f"{problem}: paging stopped",
            operation=self._operation,
            request_id=page.metadata.request_id if page.metadata else None,
        )

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        remaining = self._max_items
        async for page in self.pages():
            for item in page.items:
                if remaining is not None:
                    if remaining <= 0:
                        return
                    remaining -= 1
                yield item


class _RecentTokens:
    """The latest ``size`` page tokens, for membership tests; older ones are forgotten."""

    def __init__(self, size: int) -> None:
        self._order: deque[str] = deque()
        self._members: set[str] = set()
        self._size = size

    def __contains__(self, token: str) -> bool:
        return token in self._members

    def add(self, token: str) -> None:
        self._order.append(token)
        self._members.add(token)
        if len(self._order) > self._size:
            self._members.discard(self._order.popleft())
