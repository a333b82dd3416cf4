"""Types shared by the signatures of the SDK (checkers only: nothing here runs in a call)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol, SupportsIndex, TypeVar, overload

__all__ = ["SequenceNotStr"]

_T_co = TypeVar("_T_co", covariant=True)


class SequenceNotStr(Protocol[_T_co]):
    """A sequence (``list``, ``tuple``, ...) that is not a ``str``.

    A ``str`` is a ``Sequence[str]``, so ``Sequence[str]`` would let ``tags="a,b"`` through
    where a list of strings is meant (the model then rejects it at run time). ``str`` does not
    match this protocol: its ``__contains__`` takes only ``str``, not any ``object``.
    """

    @overload
    def __getitem__(self, index: SupportsIndex, /) -> _T_co: ...
    @overload
    def __getitem__(self, index: slice, /) -> Sequence[_T_co]: ...
    def __contains__(self, value: object, /) -> bool: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[_T_co]: ...
    def __reversed__(self) -> Iterator[_T_co]: ...
    def index(self, value: Any, start: int = 0, stop: int = ..., /) -> int: ...
    def count(self, value: Any, /) -> int: ...
