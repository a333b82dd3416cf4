"""Import and export jobs.

A new job is ``CREATED``; every ``GetImportJob`` / ``GetExportJob`` of it moves it one step,
through ``INITIALIZING`` and ``PROCESSING`` to ``COMPLETED`` (so the third read returns
``COMPLETED``), which is enough for code that polls until done. Listing a job does not move
it. An import job with ``DefineSegment`` creates its ``IMPORT`` segment right away.
"""

from __future__ import annotations

from .._errors import not_found
from .._ids import now_iso
from .._paging import page_response
from .._state import AppState, Job
from ._context import Call, JsonDict
from .segments import create_segment_record

STEPS = ("CREATED", "INITIALIZING", "PROCESSING", "COMPLETED")


def _new_job(call: Call, app: AppState, job_type: str, definition: JsonDict) -> Job:
    return Job(
        {
            "ApplicationId": app.id,
            "CreationDate": now_iso(),
            "Definition": definition,
            "Id": call.new_id(),
            "JobStatus": STEPS[0],
            "Type": job_type,
        }
    )


def _advance(job: Job) -> JsonDict:
    if job.step < len(STEPS) - 1:
        job.step += 1
        job.record["JobStatus"] = STEPS[job.step]
        if STEPS[job.step] == "COMPLETED":
            job.record.update(
                CompletionDate=now_iso(),
                CompletedPieces=1,
                FailedPieces=0,
                TotalPieces=1,
                TotalFailures=0,
                TotalProcessed=0,
            )
    return job.record


def create_import_job(call: Call) -> JsonDict:
    """Starts an import job; with ``DefineSegment`` it also creates the imported segment."""
    app = call.app()
    request = call.body
    definition = dict(request)
    if request.get("DefineSegment") and not request.get("SegmentId"):
        segment = create_segment_record(
            call,
            app,
            {
                "Name": request.get("SegmentName", "imported"),
                "ImportDefinition": {
                    "ExternalId": request.get("ExternalId", ""),
                    "Format": request["Format"],
                    "RoleArn": request["RoleArn"],
                    "S3Url": request["S3Url"],
                    "Size": 0,
                },
            },
            "IMPORT",
        )
        definition["SegmentId"] = segment["Id"]
    job = _new_job(call, app, "IMPORT", definition)
    app.import_jobs[job.record["Id"]] = job
    return job.record


def create_export_job(call: Call) -> JsonDict:
    """Starts an export job (of the whole application, or of one segment)."""
    app = call.app()
    request = call.body
    segment_id = request.get("SegmentId")
    if segment_id and segment_id not in app.segments:
        raise not_found("segment")
    job = _new_job(call, app, "EXPORT", dict(request))
    app.export_jobs[job.record["Id"]] = job
    return job.record


def _job(call: Call, jobs: dict[str, Job]) -> Job:
    job_id = str(call.param("JobId"))
    job = jobs.get(job_id)
    if job is None:
        raise not_found("job")
    return job


def get_import_job(call: Call) -> JsonDict:
    """Returns an import job, moving it one step toward ``COMPLETED``."""
    return _advance(_job(call, call.app().import_jobs))


def get_export_job(call: Call) -> JsonDict:
    """Returns an export job, moving it one step toward ``COMPLETED``."""
    return _advance(_job(call, call.app().export_jobs))


def _listed(call: Call, jobs: dict[str, Job], segment_id: str | None) -> JsonDict:
    records = [job.record for job in reversed(jobs.values())]
    if segment_id is not None:
        if segment_id not in call.app().segments:
            raise not_found("segment")
        records = [r for r in records if r["Definition"].get("SegmentId") == segment_id]
    return page_response(records, call.params)


def get_import_jobs(call: Call) -> JsonDict:
    """Lists the application's import jobs, newest first."""
    return _listed(call, call.app().import_jobs, None)


def get_export_jobs(call: Call) -> JsonDict:
    """Lists the application's export jobs, newest first."""
    return _listed(call, call.app().export_jobs, None)


def get_segment_import_jobs(call: Call) -> JsonDict:
    """Lists the import jobs of one segment, newest first."""
    return _listed(call, call.app().import_jobs, str(call.param("SegmentId")))


def get_segment_export_jobs(call: Call) -> JsonDict:
    """Lists the export jobs of one segment, newest first."""
    return _listed(call, call.app().export_jobs, str(call.param("SegmentId")))
