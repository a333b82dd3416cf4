"""Keeps secrets out of log records, ours and botocore's.

At DEBUG, botocore and aiobotocore log request and response bodies as they are: an APNs
private key, a GCM API key or a one-time password would land in the logs verbatim. The client
installs :class:`SecretRedactingFilter` on the loggers that print bodies; it rewrites every
value of a secret field (the names in ``SECRET_MEMBERS``) to ``***`` before any handler
sees the record.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from typing import Any

from ._operations import SECRET_MEMBERS

__all__ = ["SecretRedactingFilter", "install_secret_redaction"]

#: Loggers that print request or response bodies or parameters.
_BODY_LOGGERS = (
    "botocore.endpoint",
    "botocore.parsers",
    "botocore.hooks",
    "botocore.awsrequest",
    "aiobotocore.endpoint",
    "aiobotocore.parsers",
    "aiobotocore.hooks",
    "pinpoint_sdk",
)

_MASK = "***"
# "Key": "value" in plain text: the last guard for messages that are not dicts or JSON.
_SECRET_VALUE = re.compile(
    r"""(?P<key>\\?["'](?:NAMES)\\?["']\s*:\s*)(?P<quote>\\?["'])(?:(?!(?P=quote))(?:\\.|.))*(?P=quote)""".replace(
        "NAMES", "|".join(sorted(SECRET_MEMBERS))
    )
)


def redact(value: Any) -> Any:
    """``value`` with every secret field's value replaced by ``***``.

    Dicts and lists are walked; strings and bytes holding JSON (request and response bodies)
    are parsed, cleaned and dumped again; other text goes through a pattern for ``"Key": "v"``.
    """
    if isinstance(value, Mapping):
        return {k: _MASK if k in SECRET_MEMBERS else redact(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(redact(v) for v in value)
    if isinstance(value, bytes):
        cleaned = redact(value.decode("utf-8", "replace"))
        return cleaned.encode() if cleaned != value.decode("utf-8", "replace") else value
    if isinstance(value, str):
        stripped = value.strip()
        if stripped[:1] in ("{", "["):
            try:
                return json.dumps(redact(json.loads(stripped)))
            except ValueError:
                pass
        return _SECRET_VALUE.sub(lambda m: f"{m['key']}{m['quote']}{_MASK}{m['quote']}", value)
    return value


class SecretRedactingFilter(logging.Filter):
    """Rewrites a record's arguments and message so that no secret value remains."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, Mapping):
            # logging keeps a lone mapping argument as ``args`` itself.
            record.args = redact(record.args)
        elif record.args:
            record.args = tuple(redact(arg) for arg in record.args)
        elif isinstance(record.msg, str):
            # Only a message without arguments is final text; otherwise it is a format string.
            record.msg = redact(record.msg)
        return True


_FILTER = SecretRedactingFilter()


def install_secret_redaction() -> None:
    """Adds the filter to every logger that prints bodies (once; safe to call again)."""
    for name in _BODY_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
