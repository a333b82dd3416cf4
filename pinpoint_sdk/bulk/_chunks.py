"""Cutting a stream of items into request-sized chunks, without ever holding the whole input."""

from __future__ import annotations

from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Callable,
    Hashable,
    Iterable,
)
from itertools import islice
from typing import TypeVar

__all__ = ["Entry", "Items", "chunk_entries"]

ItemT = TypeVar("ItemT")

#: What bulk helpers accept: any iterable, or any async iterable (read lazily, once).
Items = Iterable[ItemT] | AsyncIterable[ItemT]
#: An item and its position in the input.
Entry = tuple[int, ItemT]


async def _aiter(items: Items[ItemT]) -> AsyncIterator[ItemT]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield item
    else:
        for item in items:
            yield item


async def chunk_entries(
    items: Items[ItemT],
    limit: int,
    *,
    weight: Callable[[ItemT], int] | None = None,
    key: Callable[[ItemT], Hashable] | None = None,
) -> AsyncGenerator[list[Entry[ItemT]], None]:
    """Chunks of ``(index, item)`` whose total ``weight`` (default 1 per item) is at most
    ``limit``.

    ``key`` names what must be unique within one request (the endpoint id of a ``PutEvents``
    map, the address of a send): an item whose key the current chunk already holds starts a
    new chunk, so no item overwrites another in the request's map. An item heavier than
    ``limit`` must be split by the caller first.
    """
    if weight is None and key is None and not isinstance(items, AsyncIterable):
        # Plain chunks of a plain iterable: sliced, not stepped through item by item.
        source = iter(items)
        start = 0
        while entries := list(enumerate(islice(source, limit), start)):
            yield entries
            start += len(entries)
        return
    chunk: list[Entry[ItemT]] = []
    used = 0
    keys: set[Hashable] = set()
    index = 0
    async for item in _aiter(items):
        size = weight(item) if weight is not None else 1
        item_key = key(item) if key is not None else None
        if chunk and (used + size > limit or (key is not None and item_key in keys)):
            yield chunk
            chunk, used = [], 0
            keys.clear()
        chunk.append((index, item))
        used += size
        if key is not None:
            keys.add(item_key)
        index += 1
    if chunk:
        yield chunk
