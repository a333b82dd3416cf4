"""``import_application``: re-creates an export's resources in another application.

Order matters, because resources point at each other by id:

1. the application (unless an existing one is given), its settings;
2. recommenders (templates name them by id), then templates;
3. segments, base segments first (a segment group names its source segments by id);
4. campaigns and journeys, with every segment id (and recommender id) replaced by the id of
   the segment created for it;
5. channels and the event stream.

Templates and recommenders belong to the account: one that already exists (same name and
type; same name) is left alone and reused, so importing into an application of the same
account duplicates nothing. Journeys are created as ``DRAFT`` unless ``publish_journeys``:
re-creating an application must not start messaging customers. Channels whose export lacks
credentials by design (``HasCredential``/``HasTokenKey``) are skipped with a note: enter
their secrets yourself.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._exceptions import PinpointError
from ..models import (
    CreateApplicationRequest,
    CreateRecommenderConfiguration,
    State,
    WriteApplicationSettingsRequest,
    WriteCampaignRequest,
    WriteEventStream,
    WriteJourneyRequest,
    WriteSegmentRequest,
)
from ..progress import ProgressCallback, ProgressUpdate
from ._files import FORMAT, read_json
from ._shapes import CHANNEL_KINDS, TEMPLATE_KINDS

if TYPE_CHECKING:
    from .._client import PinpointClient

__all__ = ["ImportSummary", "import_application", "remap_ids"]


@dataclass
class ImportSummary:
    """What ``import_application`` did: the application, new ids, counts and skipped items.

    ``id_map`` maps each kind (``segments``, ``campaigns``, ``journeys``, ``recommenders``)
    to ``{exported id: new id}``.
    """

    application_id: str
    counts: dict[str, int] = field(default_factory=lambda: {})
    id_map: dict[str, dict[str, str]] = field(default_factory=lambda: {})
    skipped: list[str] = field(default_factory=lambda: [])

    def __str__(self) -> str:
        counts = ", ".join(f"{count} {kind}" for kind, count in self.counts.items())
        return f"imported into {self.application_id}: {counts}; {len(self.skipped)} skipped"


def remap_ids(
    data: Any, segments: Mapping[str, str], recommenders: Mapping[str, str] | None = None
) -> Any:
    """A copy of a request body with segment ids (``SegmentId`` members, the ``Id`` of
    ``SourceSegments``) and recommender ids (``RecommenderId``) replaced through the maps;
    ids not in a map are kept."""
    recommenders = recommenders or {}
    if isinstance(data, list):
        return [remap_ids(item, segments, recommenders) for item in data]
    if not isinstance(data, dict):
        return data
    result: dict[str, Any] = {}
    for key, value in data.items():
        if key == "SegmentId" and isinstance(value, str):
            result[key] = segments.get(value, value)
        elif key == "RecommenderId" and isinstance(value, str):
            result[key] = recommenders.get(value, value)
        elif key == "SourceSegments" and isinstance(value, list):
            result[key] = [
                {**s, "Id": segments.get(s["Id"], s["Id"])}
                if isinstance(s, dict) and isinstance(s.get("Id"), str)
                else s
                for s in value
            ]
        else:
            result[key] = remap_ids(value, segments, recommenders)
    return result


def _source_segments(body: Any) -> set[str]:
    """The ids of the segments a segment request builds on (its groups' source segments)."""
    found: set[str] = set()
    for group in (body.get("SegmentGroups") or {}).get("Groups") or []:
        for source in group.get("SourceSegments") or []:
            if isinstance(source, dict) and isinstance(source.get("Id"), str):
                found.add(source["Id"])
    return found


def _in_dependency_order(
    entries: list[dict[str, Any]], bodies: dict[str, Any]
) -> list[dict[str, Any]]:
    """Segments so that each comes after the segments it builds on (stable otherwise)."""
    ids = {entry["Id"] for entry in entries}
    placed: set[str] = set()
    ordered: list[dict[str, Any]] = []
    remaining = list(entries)
    while remaining:
        ready = [e for e in remaining if not (_source_segments(bodies[e["Id"]]) & ids) - placed]
        if not ready:  # a cycle, which the service forbids: keep the rest as they are
            ready = remaining
        for entry in ready:
            ordered.append(entry)
            placed.add(entry["Id"])
        remaining = [e for e in remaining if e["Id"] not in placed]
    return ordered


class _Importer:
    def __init__(
        self,
        client: PinpointClient,
        directory: Path,
        progress: ProgressCallback | None,
        publish_journeys: bool,
    ) -> None:
        self.client = client
        self.dir = directory
        self.progress = progress
        self.publish_journeys = publish_journeys
        self.started = time.perf_counter()
        manifest = read_json(directory / "manifest.json")
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError(f"{directory} does not hold a pinpoint-sdk export")
        self.manifest: dict[str, Any] = manifest
        self.summary = ImportSummary("")

    def _body(self, entry: Mapping[str, Any]) -> Any:
        return read_json(self.dir / str(entry["File"]))

    def _report(self, phase: str, done: int, total: int, *, failed: int = 0) -> None:
        if phase not in self.summary.counts or done == total:
            self.summary.counts[phase] = done - failed
        if self.progress is not None:
            self.progress(
                ProgressUpdate(
                    description=f"import {phase}",
                    done=done,
                    failed=failed,
                    total=total,
                    elapsed=time.perf_counter() - self.started,
                    finished=done == total,
                )
            )

    async def run(self, application_id: str | None, name: str | None) -> ImportSummary:
        if application_id is None:
            request = dict(read_json(self.dir / "application.json"))
            if name is not None:
                request["Name"] = name
            created = await self.client.apps.create(
                CreateApplicationRequest.model_validate(request)
            )
            application_id = created.id
        self.summary.application_id = application_id
        self.app_id = application_id
        if "settings" in self.manifest:
            settings = self._body(self.manifest["settings"])
            await self.client.apps.update_settings(
                application_id, WriteApplicationSettingsRequest.model_validate(settings)
            )
        recommenders = await self._recommenders()
        await self._templates(recommenders)
        segments = await self._segments()
        await self._campaigns(segments, recommenders)
        await self._journeys(segments, recommenders)
        await self._channels()
        await self._event_stream()
        return self.summary

    async def _recommenders(self) -> dict[str, str]:
        entries = self.manifest.get("recommenders") or []
        existing = {r.name: r.id async for r in self.client.recommenders.list() if r.name}
        mapping: dict[str, str] = {}
        for done, entry in enumerate(entries, 1):
            body = self._body(entry)
            reuse = existing.get(body.get("Name"))
            if reuse is not None:
                mapping[entry["Id"]] = reuse
                self.summary.skipped.append(f"recommender {body.get('Name')}: exists, reused")
            else:
                request = CreateRecommenderConfiguration.model_validate(body)
                mapping[entry["Id"]] = (await self.client.recommenders.create(request)).id
            self._report("recommenders", done, len(entries))
        self.summary.id_map["recommenders"] = mapping
        return mapping

    async def _templates(self, recommenders: Mapping[str, str]) -> None:
        entries = self.manifest.get("templates") or []
        existing = {
            (t.template_name, str(t.template_type)) async for t in self.client.templates.list()
        }
        kinds = {kind.template_type: kind for kind in TEMPLATE_KINDS}
        for done, entry in enumerate(entries, 1):
            name, kind = entry["TemplateName"], kinds[entry["TemplateType"]]
            if (name, kind.template_type) in existing:
                self.summary.skipped.append(f"template {name} ({kind.template_type}): exists")
            else:
                body = remap_ids(self._body(entry), {}, recommenders)
                request = kind.request.model_validate(body)
                await getattr(self.client.templates, kind.resource).create(name, request)
            self._report("templates", done, len(entries))

    async def _segments(self) -> dict[str, str]:
        entries = self.manifest.get("segments") or []
        bodies = {entry["Id"]: self._body(entry) for entry in entries}
        mapping: dict[str, str] = {}
        failed = 0
        for done, entry in enumerate(_in_dependency_order(entries, bodies), 1):
            if entry.get("SegmentType") == "IMPORT":
                # Its endpoints came from a file in S3: re-run the import job instead.
                failed += 1
                self.summary.skipped.append(
                    f"segment {entry.get('Name')} ({entry['Id']}): an IMPORT segment; "
                    "re-create it with client.jobs.create_import"
                )
            else:
                body = remap_ids(bodies[entry["Id"]], mapping)
                request = WriteSegmentRequest.model_validate(body)
                mapping[entry["Id"]] = (await self.client.segments.create(self.app_id, request)).id
            self._report("segments", done, len(entries), failed=failed)
        self.summary.id_map["segments"] = mapping
        return mapping

    async def _campaigns(
        self, segments: Mapping[str, str], recommenders: Mapping[str, str]
    ) -> None:
        entries = self.manifest.get("campaigns") or []
        mapping: dict[str, str] = {}
        failed = 0
        for done, entry in enumerate(entries, 1):
            body = self._body(entry)
            old_segment = body.get("SegmentId")
            if old_segment is not None and old_segment not in segments:
                failed += 1
                self.summary.skipped.append(
                    f"campaign {entry.get('Name')} ({entry['Id']}): its segment {old_segment} "
                    "was not imported"
                )
            else:
                body = remap_ids(body, segments, recommenders)
                # Only each segment's latest version is re-created, as version 1.
                body.pop("SegmentVersion", None)
                request = WriteCampaignRequest.model_validate(body)
                mapping[entry["Id"]] = (await self.client.campaigns.create(self.app_id, request)).id
            self._report("campaigns", done, len(entries), failed=failed)
        self.summary.id_map["campaigns"] = mapping

    async def _journeys(self, segments: Mapping[str, str], recommenders: Mapping[str, str]) -> None:
        entries = self.manifest.get("journeys") or []
        mapping: dict[str, str] = {}
        for done, entry in enumerate(entries, 1):
            body = remap_ids(self._body(entry), segments, recommenders)
            state = body.get("State")
            if not self.publish_journeys and state not in (None, State.DRAFT.value):
                body["State"] = State.DRAFT.value
                self.summary.skipped.append(
                    f"journey {entry.get('Name')}: created as DRAFT (was {state}); "
                    "publish it with client.journeys.activate"
                )
            request = WriteJourneyRequest.model_validate(body)
            mapping[entry["Id"]] = (await self.client.journeys.create(self.app_id, request)).id
            self._report("journeys", done, len(entries))
        self.summary.id_map["journeys"] = mapping

    async def _channels(self) -> None:
        entries = self.manifest.get("channels") or []
        resources = {kind.resource: kind for kind in CHANNEL_KINDS}
        failed = 0
        for done, entry in enumerate(entries, 1):
            kind = resources[Path(entry["File"]).stem]
            if entry.get("HasCredential") or entry.get("HasTokenKey"):
                failed += 1
                self.summary.skipped.append(
                    f"channel {kind.platform}: its credentials are not exported; "
                    f"set it up with client.channels.{kind.resource}.update"
                )
            else:
                try:
                    request = kind.request.model_validate(self._body(entry))
                    await getattr(self.client.channels, kind.resource).update(self.app_id, request)
                except PinpointError as error:
                    failed += 1
                    self.summary.skipped.append(f"channel {kind.platform}: {error}")
            self._report("channels", done, len(entries), failed=failed)

    async def _event_stream(self) -> None:
        entry = self.manifest.get("event_stream")
        if entry:
            request = WriteEventStream.model_validate(self._body(entry))
            await self.client.event_streams.put(self.app_id, request)
            self._report("event stream", 1, 1)


async def import_application(
    client: PinpointClient,
    directory: str | Path,
    *,
    application_id: str | None = None,
    name: str | None = None,
    publish_journeys: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportSummary:
    """Re-creates what ``export_application`` wrote to ``directory``.

    Into the application ``application_id``, or into a new one (named as the exported
    application, or ``name``). Segments come first and every segment id in segment groups,
    campaigns and journeys is replaced by the new segment's id. Existing templates and
    recommenders (they belong to the account) are reused, journeys are created as ``DRAFT``
    unless ``publish_journeys``, ``IMPORT`` segments and channels that need credentials are
    skipped: ``ImportSummary.skipped`` says what and why. Errors of the service propagate;
    what was created until then stays.
    """
    importer = _Importer(client, Path(directory), progress, publish_journeys)
    return await importer.run(application_id, name)
