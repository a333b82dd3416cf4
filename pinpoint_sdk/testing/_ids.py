"""Identifiers, ARNs and timestamps that look like the ones Pinpoint hands out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

DEFAULT_ACCOUNT_ID = "123456789012"
#: The region of unsigned requests, and of ``invoke``/``seed`` unless they name one.
DEFAULT_REGION = "us-east-1"


def new_id() -> str:
    """A resource id as Pinpoint makes them: 32 lowercase hex characters."""
    return uuid.uuid4().hex


def new_request_id() -> str:
    """A request id as AWS makes them: a dashed UUID."""
    return str(uuid.uuid4())


def now_iso() -> str:
    """The current UTC time as Pinpoint writes dates: ``2026-11-22T19:30:00.123Z``."""
    now = datetime.now(timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


@dataclass(frozen=True)
class Arns:
    """Builds the ARNs of one account and region (service namespace ``mobiletargeting``)."""

    account_id: str
    region: str

    @property
    def _prefix(self) -> str:
        return f"arn:aws:mobiletargeting:{self.region}:{self.account_id}"

    def app(self, app_id: str) -> str:
        """``arn:aws:mobiletargeting:<region>:<account>:apps/<app-id>``."""
        return f"{self._prefix}:apps/{app_id}"

    def child(self, app_id: str, kind: str, resource_id: str) -> str:
        """The ARN of a campaign, segment or journey: ``.../apps/<app-id>/<kind>/<id>``."""
        return f"{self.app(app_id)}/{kind}/{resource_id}"

    def template(self, name: str, template_type: str) -> str:
        """``arn:aws:mobiletargeting:<region>:<account>:templates/<name>/<TYPE>``."""
        return f"{self._prefix}:templates/{name}/{template_type}"

    def recommender(self, recommender_id: str) -> str:
        """``arn:aws:mobiletargeting:<region>:<account>:recommenders/<id>``."""
        return f"{self._prefix}:recommenders/{recommender_id}"
