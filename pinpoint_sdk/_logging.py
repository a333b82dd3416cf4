"""Keeps secrets and credentials out of log records, ours and botocore's.

At DEBUG, botocore and aiobotocore log request and response bodies as they are: an APNs
private key, a GCM API key or a one-time password would land in the logs verbatim. They also
log the signed request: the session token (``X-Amz-Security-Token``, in the headers and in
the canonical request), the access key id (``Authorization: ... Credential=AKID/...``) and
the signature. The client installs :class:`SecretRedactingFilter` on every logger of
botocore, aiobotocore and the SDK; it masks every secret (see ``_secrets``: secret fields,
the credentials of a signed request, and the credential values of the client's session) to
``***`` before any handler sees the record.

The filter never raises and never changes what a call does: a record it cannot check (an
argument whose text cannot be computed, a body nested too deeply) is replaced by a notice,
not passed on, and not allowed to fail the call that logged it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ._secrets import redact, remember_session

__all__ = ["SecretRedactingFilter", "install_secret_redaction"]

#: Loggers whose records may hold bodies, parameters or a signed request. Every logger below
#: them that exists when a client is made gets the filter too (a logger's filters do not
#: apply to the records of its children).
_NAMESPACES = ("botocore", "aiobotocore", "pinpoint_sdk")
_KNOWN_LOGGERS = (
    "botocore.endpoint",
    "botocore.parsers",
    "botocore.hooks",
    "botocore.awsrequest",
    "botocore.auth",
    "botocore.httpsession",
    "botocore.credentials",
    "botocore.utils",
    "botocore.retryhandler",
    "aiobotocore.httpsession",
    "aiobotocore.endpoint",
    "aiobotocore.parsers",
    "aiobotocore.hooks",
    "aiobotocore.credentials",
    "aiobotocore.utils",
)
_UNCHECKED = "a log record was withheld: it could not be checked for secrets"


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
        try:
            if isinstance(record.args, Mapping):
                # logging keeps a lone mapping argument as ``args`` itself.
                record.args = redact(record.args)
            elif record.args:
                record.args = tuple(_redact_argument(arg) for arg in record.args)
            elif isinstance(record.msg, str):
                # Only a message without arguments is final text; otherwise a format string.
                record.msg = redact(record.msg)
        except Exception:
            # Logging must not change what a call does, nor pass on what it could not check.
            record.msg, record.args = _UNCHECKED, None
        return True


_FILTER = SecretRedactingFilter()


def install_secret_redaction(session: Any = None) -> None:
    """Adds the filter to every logger that may print secrets (safe to call again).

    ``session``: the botocore session a client signs with; its credentials are masked
    wherever they appear, whatever characters they hold.
    """
    if session is not None:
        remember_session(session)
    existing = [
        name
        for name in list(logging.root.manager.loggerDict)
        if name.partition(".")[0] in _NAMESPACES
    ]
    for name in {*_NAMESPACES, *_KNOWN_LOGGERS, *existing}:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
