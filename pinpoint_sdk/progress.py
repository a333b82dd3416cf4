"""Progress reports from bulk helpers, waiters and exports, and a terminal progress bar.

Every long-running helper takes ``progress=``: any callable that accepts a
:class:`ProgressUpdate`. It is called from the event loop after each finished chunk (or poll,
or exported resource), so it must be quick and must not block::

    def log(update: ProgressUpdate) -> None:
        print(f"{update.done}/{update.total} done, {update.failed} failed, "
              f"{update.throughput:.0f}/s")

    await client.endpoints.upsert_many(app_id, items, progress=log)

:class:`RichProgress` draws a live bar in a terminal with ``rich`` (``pip install
'pinpoint-sdk[progress]'``); it shows one row per ``description``, so one bar can follow the
several phases of an export::

    with RichProgress() as bar:
        await client.endpoints.upsert_many(app_id, items, progress=bar)
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from ._exceptions import MissingDependencyError

if TYPE_CHECKING:
    from rich.progress import Progress as _RichProgressType
    from rich.progress import TaskID

__all__ = ["MissingDependencyError", "ProgressCallback", "ProgressUpdate", "RichProgress"]


@dataclass(frozen=True)
class ProgressUpdate:
    """Where a long-running operation stands.

    ``done`` counts finished items whatever their outcome, ``failed`` those of them that did
    not succeed (failed, unknown or not sent). ``total`` is None when the input's length is
    not known in advance (a generator). ``finished`` is True on the last update.
    """

    description: str
    done: int
    failed: int
    total: int | None
    elapsed: float
    finished: bool = False
    #: Free-form state, e.g. a job's ``JobStatus`` while a waiter polls it.
    status: str | None = None

    @property
    def succeeded(self) -> int:
        """Finished items that succeeded."""
        return self.done - self.failed

    @property
    def throughput(self) -> float:
        """Finished items per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


class ProgressCallback(Protocol):
    """What ``progress=`` accepts: called with each :class:`ProgressUpdate`."""

    def __call__(self, update: ProgressUpdate, /) -> None:
        """Receives one update; must return quickly."""


def _import_rich() -> Any:
    try:
        import rich.progress
    except ImportError as error:
        raise MissingDependencyError(
            "RichProgress needs rich: pip install 'pinpoint-sdk[progress]'"
        ) from error
    return rich.progress


class RichProgress:
    """A ``rich`` progress bar: a :class:`ProgressCallback` and a context manager.

    One row per distinct ``description``, each with a bar (or a spinner when the total is not
    known), done/total, failures, throughput and elapsed time. ``rich`` is imported when the
    bar is created; without it, :class:`MissingDependencyError` says which extra to install.
    ``transient=True`` removes the bar from the terminal when it stops.
    """

    def __init__(self, *, transient: bool = False, **rich_options: Any) -> None:
        rich_progress = _import_rich()
        columns = (
            rich_progress.SpinnerColumn(),
            rich_progress.TextColumn("[bold]{task.description}"),
            rich_progress.BarColumn(),
            rich_progress.MofNCompleteColumn(),
            rich_progress.TextColumn("{task.fields[failed]} failed"),
            rich_progress.TextColumn("{task.fields[rate]}"),
            rich_progress.TextColumn("{task.fields[status]}"),
            rich_progress.TimeElapsedColumn(),
        )
        self._progress: _RichProgressType = rich_progress.Progress(
            *columns, transient=transient, **rich_options
        )
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, update: ProgressUpdate, /) -> None:
        """Moves the row of ``update.description``, adding it on first sight."""
        task = self._tasks.get(update.description)
        failed, rate, status = update.failed, f"{update.throughput:,.0f}/s", update.status or ""
        if task is None:
            task = self._progress.add_task(
                update.description, total=update.total, failed=failed, rate=rate, status=status
            )
            self._tasks[update.description] = task
        self._progress.update(
            task,
            completed=update.done,
            total=update.total,
            failed=failed,
            rate=rate,
            status=status,
        )

    def start(self) -> None:
        """Starts drawing (``with RichProgress()`` does this)."""
        self._progress.start()

    def stop(self) -> None:
        """Stops drawing and leaves the final state on screen unless transient."""
        self._progress.stop()

    def __enter__(self) -> RichProgress:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
