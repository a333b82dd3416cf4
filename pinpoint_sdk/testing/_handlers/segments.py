"""Segments: numbered versions, one per create or update."""

from __future__ import annotations

import copy

from .._errors import not_found
from .._ids import now_iso
from .._paging import page_response
from .._state import AppState, Versioned
from ._context import Call, JsonDict


def _segment(call: Call, app: AppState) -> Versioned:
    segment_id = str(call.param("SegmentId"))
    segment = app.segments.get(segment_id)
    if segment is None:
        raise not_found("segment")
    return segment


def create_segment_record(
    call: Call, app: AppState, request: JsonDict, segment_type: str
) -> JsonDict:
    """Stores version 1 of a new segment (also used by import jobs that define a segment)."""
    tags = request.pop("tags", None)
    segment_id = call.new_id()
    now = now_iso()
    record: JsonDict = {
        **request,
        "Id": segment_id,
        "Arn": call.state.arns.child(app.id, "segments", segment_id),
        "ApplicationId": app.id,
        "CreationDate": now,
        "LastModifiedDate": now,
        "SegmentType": segment_type,
        "Version": 1,
    }
    app.segments[segment_id] = Versioned([record])
    call.state.set_tags(record["Arn"], tags)
    return record


def create_segment(call: Call) -> JsonDict:
    """Creates version 1 of a dimensional segment."""
    app = call.app()
    return call.with_tags(create_segment_record(call, app, call.body, "DIMENSIONAL"))


def get_segment(call: Call) -> JsonDict:
    """Returns the latest version of a segment."""
    return call.with_tags(_segment(call, call.app()).current)


def get_segments(call: Call) -> JsonDict:
    """Lists the latest version of every segment, oldest segment first."""
    app = call.app()
    return page_response([call.with_tags(s.current) for s in app.segments.values()], call.params)


def update_segment(call: Call) -> JsonDict:
    """Saves a new version: the fields sent replace the current ones (``tags`` ignored)."""
    segment = _segment(call, call.app())
    request = call.body
    request.pop("tags", None)
    merged = {**copy.deepcopy(segment.current), **request}
    merged["Version"] = int(segment.current["Version"]) + 1
    merged["LastModifiedDate"] = now_iso()
    segment.versions.append(merged)
    return call.with_tags(merged)


def delete_segment(call: Call) -> JsonDict:
    """Deletes a segment with all its versions and returns its last version."""
    app = call.app()
    segment = _segment(call, app)
    response = call.with_tags(segment.current)
    del app.segments[response["Id"]]
    call.state.forget_tags(response["Arn"])
    return response


def get_segment_version(call: Call) -> JsonDict:
    """Returns one version of a segment; 404 for a version that does not exist."""
    segment = _segment(call, call.app())
    record = segment.version(call.param("Version"))
    if record is None:
        raise not_found("segment_version")
    return call.with_tags(record)


def get_segment_versions(call: Call) -> JsonDict:
    """Lists every version of a segment, newest first."""
    segment = _segment(call, call.app())
    items = [call.with_tags(record) for record in reversed(segment.versions)]
    return page_response(items, call.params)
