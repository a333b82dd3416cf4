"""Export an application's configuration to files, and import it into another application.

AWS ended support for Pinpoint's engagement features (segments, campaigns, journeys) on
2026-10-30. This is the way to keep, audit and migrate what was built::

    from pinpoint_sdk.export import compare_exports, export_application, import_application

    await export_application(client, app_id, "backup/")            # or: python -m pinpoint_sdk export
    summary = await import_application(client, "backup/")          # into a new application
    await export_application(client, summary.application_id, "check/")
    assert compare_exports("backup/", "check/") == []

Each resource is one JSON file holding exactly its request body (``WriteSegmentRequest``,
``WriteCampaignRequest``, ``WriteJourneyRequest``, template and channel requests...), so the
builders and ``create``/``update`` load it back; ``manifest.json`` keeps ids, names, dates
and ARNs. Layout: :mod:`pinpoint_sdk.export._files`.
"""

from ._compare import compare_exports
from ._export import ExportSummary, export_application
from ._import import ImportSummary, import_application, remap_ids

__all__ = [
    "ExportSummary",
    "ImportSummary",
    "compare_exports",
    "export_application",
    "import_application",
    "remap_ids",
]
