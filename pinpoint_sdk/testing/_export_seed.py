"""An export folder (what ``python -m pinpoint_sdk export`` writes) as a seed for the fake.

Every resource keeps its exported id, so a test seeded from an export finds the application,
segments, campaigns, journeys and recommenders under the ids the export's manifest names.
Each file already holds a request body, so the seed replays them through the operations:

- campaigns drop ``SegmentVersion`` (each segment is re-created as version 1);
- journeys keep their state where the API can reach it (``DRAFT``, ``ACTIVE``, ``PAUSED``,
  ``CANCELLED``); ``COMPLETED`` and ``CLOSED``, which only the service sets, become
  ``CANCELLED``, the finished state the API can reach;
- channels are set up from their exported settings, which hold no secrets;
- templates and recommenders belong to the account: the caller skips those that exist.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

JsonDict = dict[str, Any]

_SERVICE_SET_STATES = ("COMPLETED", "CLOSED")


def _read(directory: Path, entry: Mapping[str, Any]) -> JsonDict:
    data = json.loads((directory / str(entry["File"])).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{entry['File']} does not hold a request body")
    return data


def _with_ids(directory: Path, entries: list[Mapping[str, Any]]) -> list[JsonDict]:
    return [{**_read(directory, entry), "Id": entry["Id"]} for entry in entries]


def seed_from_export(directory: str | Path) -> JsonDict:
    """The seed (:meth:`FakePinpoint.seed` format) that re-creates the export in ``directory``."""
    # Imported here: the export package loads the models, which the fake alone never needs.
    from ..export._files import FORMAT

    folder = Path(directory)
    manifest_path = folder / "manifest.json"
    if not manifest_path.is_file():
        raise ValueError(f"{folder} holds no manifest.json: not an export folder")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValueError(f"{folder} does not hold a pinpoint-sdk export")
    application = _read(folder, {"File": "application.json"})
    app: JsonDict = {
        "Id": manifest["application"]["Id"],
        "Name": application.get("Name", manifest["application"].get("Name", "exported")),
        "tags": application.get("tags", {}),
        "segments": _with_ids(folder, manifest.get("segments") or []),
        "campaigns": [
            {key: value for key, value in campaign.items() if key != "SegmentVersion"}
            for campaign in _with_ids(folder, manifest.get("campaigns") or [])
        ],
        "journeys": [
            {**journey, "State": "CANCELLED"}
            if journey.get("State") in _SERVICE_SET_STATES
            else journey
            for journey in _with_ids(folder, manifest.get("journeys") or [])
        ],
        "channels": {
            Path(str(entry["File"])).stem: _read(folder, entry)
            for entry in manifest.get("channels") or []
        },
    }
    if manifest.get("settings"):
        app["settings"] = _read(folder, manifest["settings"])
    if manifest.get("event_stream"):
        app["event_stream"] = _read(folder, manifest["event_stream"])
    templates = [
        {
            **_read(folder, entry),
            "TemplateName": entry["TemplateName"],
            "TemplateType": entry["TemplateType"],
        }
        for entry in manifest.get("templates") or []
    ]
    return {
        "apps": [app],
        "templates": templates,
        "recommenders": _with_ids(folder, manifest.get("recommenders") or []),
    }
