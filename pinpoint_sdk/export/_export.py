"""``export_application``: an application's whole configuration, written as request bodies."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

from .._service_errors import NotFoundException
from ..builders import to_mermaid
from ..models import (
    CreateApplicationRequest,
    CreateRecommenderConfiguration,
    WriteApplicationSettingsRequest,
    WriteCampaignRequest,
    WriteEventStream,
    WriteJourneyRequest,
    WriteSegmentRequest,
)
from ..progress import ProgressCallback, ProgressUpdate
from ._files import FORMAT, FORMAT_VERSION, prepare_directory, safe_name, write_json, write_text
from ._shapes import CHANNEL_KINDS, TEMPLATE_KINDS, project, wire_dict

if TYPE_CHECKING:
    from .._client import PinpointClient
    from .._models import PinpointModel, RequestModel

__all__ = ["ExportSummary", "export_application"]

T = TypeVar("T")
R = TypeVar("R")

_KEPT = ("Id", "Name", "Arn", "CreationDate", "LastModifiedDate", "Version")


@dataclass
class ExportSummary:
    """What ``export_application`` wrote: counts per kind, and notes on what it could not."""

    directory: Path
    application_id: str
    counts: dict[str, int] = field(default_factory=lambda: {})
    notes: list[str] = field(default_factory=lambda: [])

    def __str__(self) -> str:
        counts = ", ".join(f"{count} {kind}" for kind, count in self.counts.items())
        return f"exported {self.application_id} to {self.directory}: {counts}"


async def _bounded(limit: int, items: Iterable[T], work: Callable[[T], Awaitable[R]]) -> list[R]:
    semaphore = asyncio.Semaphore(limit)

    async def one(item: T) -> R:
        async with semaphore:
            return await work(item)

    return list(await asyncio.gather(*(one(item) for item in items)))


def _metadata(data: dict[str, Any], keys: Sequence[str] = _KEPT) -> dict[str, Any]:
    return {key: data[key] for key in keys if key in data}


class _Exporter:
    def __init__(
        self,
        client: PinpointClient,
        application_id: str,
        directory: Path,
        progress: ProgressCallback | None,
        concurrency: int,
    ) -> None:
        self.client = client
        self.app_id = application_id
        self.dir = directory
        self.progress = progress
        self.concurrency = concurrency
        self.started = time.perf_counter()
        self.summary = ExportSummary(directory, application_id)
        self.manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }

    def _report(self, phase: str, done: int, *, finished: bool = False) -> None:
        if finished:
            self.summary.counts[phase] = done
        if self.progress is not None:
            self.progress(
                ProgressUpdate(
                    description=phase,
                    done=done,
                    failed=0,
                    total=done if finished else None,
                    elapsed=time.perf_counter() - self.started,
                    finished=finished,
                )
            )

    def _request(self, what: str, data: dict[str, Any], model: type[RequestModel]) -> Any:
        """The request body; a note (and the body as projected) when it does not validate."""
        body = project(data, model)
        try:
            model.model_validate(body)
        except ValidationError as error:
            self.summary.notes.append(f"{what}: not a valid {model.__name__}: {error}")
        return body

    async def run(self) -> ExportSummary:
        await self._application()
        await self._settings()
        await self._segments()
        await self._campaigns()
        await self._journeys()
        await self._templates()
        await self._channels()
        await self._event_stream()
        await self._recommenders()
        self.manifest["notes"] = self.summary.notes
        write_json(self.dir / "manifest.json", self.manifest)
        return self.summary

    async def _application(self) -> None:
        app = wire_dict(await self.client.apps.get(self.app_id))
        self.manifest["application"] = _metadata(app)
        write_json(
            self.dir / "application.json",
            self._request("application", app, CreateApplicationRequest),
        )

    async def _settings(self) -> None:
        settings = wire_dict(await self.client.apps.get_settings(self.app_id))
        write_json(
            self.dir / "settings.json",
            self._request("settings", settings, WriteApplicationSettingsRequest),
        )
        self.manifest["settings"] = {"File": "settings.json", **_metadata(settings)}

    async def _listed(
        self,
        phase: str,
        items: Any,
        model: type[RequestModel],
        extra: Sequence[str] = (),
        write: Callable[[dict[str, Any], dict[str, Any]], None] | None = None,
    ) -> None:
        entries: list[dict[str, Any]] = []
        async for item in items:
            data = wire_dict(item)
            file = f"{phase}/{safe_name(data['Id'])}.json"
            body = self._request(f"{phase} {data['Id']}", data, model)
            write_json(self.dir / file, body)
            entry = {"File": file, **_metadata(data, (*_KEPT, *extra))}
            if write is not None:
                write(data, entry)
            entries.append(entry)
            self._report(phase, len(entries))
        self.manifest[phase] = entries
        self._report(phase, len(entries), finished=True)

    async def _segments(self) -> None:
        await self._listed(
            "segments",
            self.client.segments.list(self.app_id),
            WriteSegmentRequest,
            ("SegmentType", "ImportDefinition"),
        )

    async def _campaigns(self) -> None:
        await self._listed(
            "campaigns",
            self.client.campaigns.list(self.app_id),
            WriteCampaignRequest,
            ("State", "DefaultState"),
        )

    async def _journeys(self) -> None:
        def diagram(data: dict[str, Any], entry: dict[str, Any]) -> None:
            path = f"journeys/{safe_name(data['Id'])}.mmd"
            try:
                text = to_mermaid(project(data, WriteJourneyRequest))
            except Exception as error:  # a diagram is a courtesy: never lose the export
                self.summary.notes.append(f"journey {data['Id']}: no diagram: {error}")
                return
            write_text(self.dir / path, text)
            entry["Diagram"] = path

        await self._listed(
            "journeys",
            self.client.journeys.list(self.app_id),
            WriteJourneyRequest,
            ("State",),
            diagram,
        )

    async def _templates(self) -> None:
        kinds = {kind.template_type: kind for kind in TEMPLATE_KINDS}
        listed = [t async for t in self.client.templates.list()]
        fetched = 0

        async def fetch(summary: Any) -> dict[str, Any] | None:
            kind = kinds.get(str(summary.template_type))
            if kind is None:
                self.summary.notes.append(
                    f"template {summary.template_name}: unknown type {summary.template_type}"
                )
                return None
            resource = getattr(self.client.templates, kind.resource)
            data = wire_dict(await resource.get(summary.template_name))
            file = f"templates/{kind.folder}/{safe_name(summary.template_name)}.json"
            body = self._request(f"template {summary.template_name}", data, kind.request)
            write_json(self.dir / file, body)
            nonlocal fetched
            fetched += 1
            self._report("templates", fetched)
            return {
                "File": file,
                "TemplateName": summary.template_name,
                "TemplateType": kind.template_type,
                **_metadata(data),
            }

        entries = await _bounded(self.concurrency, listed, fetch)
        self.manifest["templates"] = [entry for entry in entries if entry is not None]
        self._report("templates", len(self.manifest["templates"]), finished=True)

    async def _channels(self) -> None:
        configured = (await self.client.channels.list(self.app_id)).channels
        platforms = {key.upper() for key in configured}
        kinds = [kind for kind in CHANNEL_KINDS if kind.platform in platforms]
        for platform in sorted(platforms - {kind.platform for kind in kinds}):
            self.summary.notes.append(f"channel {platform}: not exported (no settings to keep)")

        async def fetch(kind: Any) -> dict[str, Any]:
            response: PinpointModel = await getattr(self.client.channels, kind.resource).get(
                self.app_id
            )
            data = wire_dict(response)
            file = f"channels/{kind.resource}.json"
            write_json(
                self.dir / file, self._request(f"channel {kind.platform}", data, kind.request)
            )
            keys = ("Platform", "Version", "CreationDate", "LastModifiedDate", "HasCredential")
            return {"File": file, **_metadata(data, (*keys, "HasTokenKey", "IsArchived"))}

        self.manifest["channels"] = await _bounded(self.concurrency, kinds, fetch)
        self._report("channels", len(kinds), finished=True)

    async def _event_stream(self) -> None:
        try:
            stream = wire_dict(await self.client.event_streams.get(self.app_id))
        except NotFoundException:
            self.manifest["event_stream"] = None
            self._report("event stream", 0, finished=True)
            return
        write_json(
            self.dir / "event_stream.json",
            self._request("event stream", stream, WriteEventStream),
        )
        self.manifest["event_stream"] = {
            "File": "event_stream.json",
            **_metadata(stream, ("LastModifiedDate", "LastUpdatedBy", "ExternalId")),
        }
        self._report("event stream", 1, finished=True)

    async def _recommenders(self) -> None:
        await self._listed(
            "recommenders", self.client.recommenders.list(), CreateRecommenderConfiguration
        )


async def export_application(
    client: PinpointClient,
    application_id: str,
    directory: str | Path,
    *,
    progress: ProgressCallback | None = None,
    overwrite: bool = False,
    concurrency: int = 8,
) -> ExportSummary:
    """Writes the whole configuration of one application to ``directory``.

    Settings, segments, campaigns, journeys (with a Mermaid ``.mmd`` diagram each),
    templates of every kind (their active version), channel settings (never their secrets),
    the event stream and recommender configurations, paging through every list. Each
    resource is one JSON file holding exactly its request body; ``manifest.json`` lists them
    with their ids, names, dates and ARNs (layout in :mod:`pinpoint_sdk.export._files`).
    Templates and recommenders belong to the account, not the application: all of them are
    exported. ``progress`` gets one row per kind of resource. An existing export in
    ``directory`` is replaced only with ``overwrite=True``. Read ``ExportSummary.notes`` for
    what could not be exported as it is.
    """
    target = Path(directory)
    prepare_directory(target, overwrite=overwrite)
    return await _Exporter(client, application_id, target, progress, concurrency).run()
