"""The fake's memory: every resource, as plain dicts shaped like the service's responses.

Records are keyed by member names (``CreationDate``, ``SegmentDimensions``...), exactly what
the response encoder expects, so a handler returns a record as it is stored. The dispatcher
holds one lock around every operation, so nothing here locks on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._ids import Arns
from ._outbox import Outbox
from ._phone_numbers import PhoneNumberBook

JsonDict = dict[str, Any]


@dataclass
class Versioned:
    """A resource with numbered versions (campaigns, segments); the last one is current."""

    versions: list[JsonDict]

    @property
    def current(self) -> JsonDict:
        """The latest version."""
        return self.versions[-1]

    def version(self, wanted: object) -> JsonDict | None:
        """The record of version ``wanted`` (compared as text, as it comes in a path)."""
        return next((r for r in self.versions if str(r["Version"]) == str(wanted)), None)


@dataclass
class Job:
    """An import or export job and how far it has moved toward ``COMPLETED``."""

    record: JsonDict
    step: int = 0


@dataclass
class Otp:
    """A one-time password sent by ``SendOTPMessage`` and not yet verified."""

    code: str
    expires_at: float
    attempts_left: int


@dataclass
class AppState:
    """One Pinpoint project (application) and everything that belongs to it."""

    record: JsonDict
    settings: JsonDict
    campaigns: dict[str, Versioned] = field(default_factory=lambda: {})
    campaign_activities: dict[str, list[JsonDict]] = field(default_factory=lambda: {})
    segments: dict[str, Versioned] = field(default_factory=lambda: {})
    journeys: dict[str, JsonDict] = field(default_factory=lambda: {})
    journey_runs: dict[str, list[JsonDict]] = field(default_factory=lambda: {})
    endpoints: dict[str, JsonDict] = field(default_factory=lambda: {})
    channels: dict[str, JsonDict] = field(default_factory=lambda: {})
    event_stream: JsonDict | None = None
    import_jobs: dict[str, Job] = field(default_factory=lambda: {})
    export_jobs: dict[str, Job] = field(default_factory=lambda: {})
    events: list[JsonDict] = field(default_factory=lambda: [])
    otps: dict[tuple[str, str], Otp] = field(default_factory=lambda: {})

    @property
    def id(self) -> str:
        """The application id."""
        return str(self.record["Id"])


@dataclass
class Template:
    """A message template of one type, with its versions and which one is active."""

    name: str
    template_type: str
    arn: str
    versions: list[JsonDict]
    active_version: str

    def version(self, version_id: str) -> JsonDict | None:
        """The version with this id (``"1"``, ``"2"``...), if it exists."""
        for record in self.versions:
            if record["Version"] == version_id:
                return record
        return None


@dataclass
class FakeState:
    """All resources of one fake account in one region."""

    arns: Arns
    outbox: Outbox
    phone_numbers: PhoneNumberBook
    apps: dict[str, AppState] = field(default_factory=lambda: {})
    templates: dict[tuple[str, str], Template] = field(default_factory=lambda: {})
    recommenders: dict[str, JsonDict] = field(default_factory=lambda: {})
    tags: dict[str, dict[str, str]] = field(default_factory=lambda: {})

    def tags_of(self, arn: str) -> dict[str, str]:
        """A copy of the tags stored for ``arn`` (empty when it has none)."""
        return dict(self.tags.get(arn, {}))

    def set_tags(self, arn: str, tags: dict[str, str] | None) -> None:
        """Adds ``tags`` to ``arn``, replacing values of keys it already has."""
        if tags:
            self.tags.setdefault(arn, {}).update(tags)

    def forget_tags(self, arn: str) -> None:
        """Drops every tag of a deleted resource."""
        self.tags.pop(arn, None)
