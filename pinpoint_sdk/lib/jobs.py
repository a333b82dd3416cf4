"""``client.jobs``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..models import JobStatus
from ..resources import jobs as generated
from ..waiters import JobFailedError, Polling, poll_until

if TYPE_CHECKING:
    # For annotations only: the response models load with the first call that returns one.
    from ..models import ExportJobResponse, ImportJobResponse
    from ..progress import ProgressCallback
    from ..waiters import Verdict

__all__ = ["Jobs"]


def _check(kind: str) -> Callable[[ImportJobResponse | ExportJobResponse], Verdict]:
    def check(job: ImportJobResponse | ExportJobResponse) -> Verdict:
        if job.job_status == JobStatus.COMPLETED:
            return "done"
        if job.job_status == JobStatus.FAILED:
            failures = list(job.failures or [])
            reasons = "; ".join(failures[:5]) or "the service gave no reason"
            more = f" (and {len(failures) - 5} more)" if len(failures) > 5 else ""
            raise JobFailedError(
                f"{kind} job {job.id} failed: {job.total_failures} failures, "
                f"{job.failed_pieces} of {job.total_pieces} pieces failed: {reasons}{more}",
                job=job,
                failures=failures,
                failure_count=job.total_failures,
            )
        # CREATED ... PROCESSING, and FAILING: it ends FAILED, with the final failures.
        return "wait"

    return check


def _report(job: ImportJobResponse | ExportJobResponse) -> tuple[int, int, int | None, str | None]:
    return (
        job.completed_pieces or 0,
        job.failed_pieces or 0,
        job.total_pieces,
        str(job.job_status),
    )


class Jobs(generated.Jobs):
    """Import and export jobs, plus waiters for them to finish."""

    async def wait_for_import(
        self,
        application_id: str,
        job_id: str,
        *,
        timeout: float = 600.0,
        poll: float = 2.0,
        max_poll: float = 30.0,
        progress: ProgressCallback | None = None,
    ) -> ImportJobResponse:
        """Polls ``GetImportJob`` until the job is ``COMPLETED``, and returns it.

        Raises :class:`~pinpoint_sdk.waiters.JobFailedError` (with the job's ``Failures`` and
        ``TotalFailures``) when it ends ``FAILED``, and
        :class:`~pinpoint_sdk.waiters.WaiterTimeoutError` after ``timeout`` seconds. Polls
        after ``poll`` seconds, then 1.5 times longer each time, at most ``max_poll``.
        ``progress`` gets the job's completed/failed/total pieces and status at each poll.
        """
        return await poll_until(
            lambda: self.get_import(application_id, job_id),
            _check("import"),
            polling=Polling(timeout=timeout, poll=poll, max_poll=max_poll),
            description=f"import job {job_id}",
            progress=progress,
            report=_report,
        )

    async def wait_for_export(
        self,
        application_id: str,
        job_id: str,
        *,
        timeout: float = 600.0,
        poll: float = 2.0,
        max_poll: float = 30.0,
        progress: ProgressCallback | None = None,
    ) -> ExportJobResponse:
        """Polls ``GetExportJob`` until the job is ``COMPLETED``, and returns it.

        Errors, polling and progress as for :meth:`wait_for_import`.
        """
        return await poll_until(
            lambda: self.get_export(application_id, job_id),
            _check("export"),
            polling=Polling(timeout=timeout, poll=poll, max_poll=max_poll),
            description=f"export job {job_id}",
            progress=progress,
            report=_report,
        )
