"""Keeps secrets and credentials out of log records, ours and botocore's.

At DEBUG, botocore and aiobotocore log request and response bodies as they are: an APNs
private key, a GCM API key or a one-time password would land in the logs verbatim. They also
log the signed request: the session token (``X-Amz-Security-Token``, in the headers and in
the canonical request), the access key id (``Authorization: ... Credential=AKID/...``) and
the signature. The client installs :class:`SecretRedactingFilter` on the loggers that print
these; it rewrites every value of a secret field (the names in ``SECRET_MEMBERS``) and every
credential to ``***`` before any handler sees the record. The secret access key itself is
never logged by botocore.
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
    "botocore.auth",
    "botocore.httpsession",
    "aiobotocore.httpsession",
    "aiobotocore.endpoint",
    "aiobotocore.parsers",
    "aiobotocore.hooks",
    "pinpoint_sdk",
)

_MASK = "***"
# "Key": "value" in plain text: the last guard for messages that are not dicts or JSON. A value
# whose closing quote is missing (a body cut short) is masked to the end of the text.
_SECRET_VALUE = re.compile(
    r"""(?P<key>\\?["'](?:NAMES)\\?["']\s*:\s*)(?P<quote>\\?["'])(?:(?!(?P=quote))(?:\\.|.))*(?:(?P=quote)|$)""".replace(
        "NAMES", "|".join(sorted(SECRET_MEMBERS))
    ),
    re.DOTALL,
)


#: Header names whose values are credentials, compared lower-cased.
_SECRET_HEADERS = frozenset({"authorization", "x-amz-security-token"})
# Credentials in the text of a signed request: the session token (header, canonical request
# or query string), the access key id in the Authorization header, and signatures.
_CREDENTIAL = re.compile(
    r"""(?P<key>x-amz-security-token['"]?\s*[:=]\s*b?['"]?|Credential=|Signature=|Signature:\s*)"""
    r"""(?P<value>[^'"\s,&}/]+)""",
    re.IGNORECASE,
)


def _mask_value(match: re.Match[str]) -> str:
    return f"{match['key']}{_MASK}"


def redact(value: Any) -> Any:
    """``value`` with every secret field's value and every credential replaced by ``***``.

    Dicts and lists are walked; strings and bytes holding JSON (request and response bodies)
    are parsed, cleaned and dumped again; other text goes through a pattern for ``"Key": "v"``
    and one for the credentials of a signed request.
    """
    if isinstance(value, Mapping):
        return {k: _MASK if _is_secret_key(k) else redact(v) for k, v in value.items()}
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
        value = _SECRET_VALUE.sub(lambda m: f"{m['key']}{m['quote']}{_MASK}{m['quote']}", value)
        return _CREDENTIAL.sub(_mask_value, value)
    return value


def _is_secret_key(key: object) -> bool:
    if not isinstance(key, str):
        return False
    return key in SECRET_MEMBERS or key.lower() in _SECRET_HEADERS


def _redact_argument(argument: Any) -> Any:
    """One formatting argument, cleaned; an object whose text holds a secret becomes text.

    botocore logs objects (``AWSPreparedRequest``) whose ``str`` shows the signed headers.
    Objects whose text is clean stay as they are, so ``%r`` and ``%d`` format as before.
    """
    if argument is None or isinstance(argument, (str, bytes, Mapping, list, tuple, int, float)):
        return redact(argument)
    text = str(argument)
    cleaned = redact(text)
    return argument if cleaned == text else cleaned


class SecretRedactingFilter(logging.Filter):
    """Rewrites a record's arguments and message so that no secret value remains."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, Mapping):
            # logging keeps a lone mapping argument as ``args`` itself.
            record.args = redact(record.args)
        elif record.args:
            record.args = tuple(_redact_argument(arg) for arg in record.args)
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
