"""The layout of an export directory, and reading and writing its JSON files.

::

    DIR/
      manifest.json                  what is where, plus ids, names, dates, ARNs, versions
      application.json               CreateApplicationRequest (Name, tags)
      settings.json                  WriteApplicationSettingsRequest
      segments/<id>.json             WriteSegmentRequest
      campaigns/<id>.json            WriteCampaignRequest
      journeys/<id>.json             WriteJourneyRequest
      journeys/<id>.mmd              the journey as a Mermaid flowchart
      templates/<kind>/<name>.json   EmailTemplateRequest, SMSTemplateRequest, ... (active version)
      channels/<platform>.json       EMAILChannelRequest, ... without secrets
      event_stream.json              WriteEventStream
      recommenders/<id>.json         CreateRecommenderConfiguration

Every ``.json`` file but the manifest is exactly a request body (botocore member names), so
``WriteSegmentRequest.model_validate(json.loads(path.read_text()))`` or
``SegmentBuilder.from_request(...)`` loads it. The manifest keeps what a request has no room
for: the resource's id, dates, ARN, version, type.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "RESOURCE_FOLDERS",
    "prepare_directory",
    "read_json",
    "safe_name",
    "write_json",
    "write_text",
]

FORMAT = "pinpoint-sdk-export"
FORMAT_VERSION = 1
RESOURCE_FOLDERS = ("segments", "campaigns", "journeys", "templates", "channels", "recommenders")
_TOP_FILES = ("manifest.json", "application.json", "settings.json", "event_stream.json")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def safe_name(name: str) -> str:
    """A file name for an id or a template name (anything unusual becomes ``_``)."""
    cleaned = _UNSAFE.sub("_", name).lstrip(".")
    return cleaned or "_"


def write_json(path: Path, data: Any) -> None:
    """Writes ``data`` as stable JSON (sorted keys, two-space indent) for clean diffs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def write_text(path: Path, text: str) -> None:
    """Writes a text file, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text.endswith("\n") else text + "\n")


def read_json(path: Path) -> Any:
    """Reads one JSON file."""
    return json.loads(path.read_text())


def prepare_directory(directory: Path, *, overwrite: bool) -> None:
    """Creates ``directory``; refuses one that holds an export unless ``overwrite``.

    With ``overwrite`` the previous export's files are removed first (only those: the
    folders and files of the layout above), so no stale resource survives.
    """
    if (directory / "manifest.json").exists():
        if not overwrite:
            raise FileExistsError(
                f"{directory} already holds an export; pass overwrite=True (--overwrite)"
            )
        for folder in RESOURCE_FOLDERS:
            shutil.rmtree(directory / folder, ignore_errors=True)
        for name in _TOP_FILES:
            (directory / name).unlink(missing_ok=True)
    directory.mkdir(parents=True, exist_ok=True)
