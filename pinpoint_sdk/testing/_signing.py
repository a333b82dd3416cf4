"""The region a request was signed for, read from its SigV4 credential scope.

A SigV4 signature names its scope, ``<key id>/<date>/<region>/<service>/aws4_request``, in the
``Authorization`` header (``Credential=...``) or, for a presigned URL, in the
``X-Amz-Credential`` query parameter. The fake serves each region from its own state, so
this is how one fake tells a client of ``eu-west-1`` from one of ``us-east-1``. Only the
region is read: the signature is never checked, and the key id never leaves this module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

_CREDENTIAL = re.compile(r"Credential=([^,\s]+)")
_REGION = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _region_of_scope(scope: str) -> str | None:
    parts = scope.split("/")
    if len(parts) != 5 or parts[4] != "aws4_request":
        return None
    region = parts[2]
    return region if _REGION.fullmatch(region) else None


def signed_region(headers: Mapping[str, str], query: Sequence[tuple[str, str]]) -> str | None:
    """The region of the request's SigV4 credential scope; ``None`` for an unsigned request."""
    for name, value in headers.items():
        if name.lower() == "authorization":
            found = _CREDENTIAL.search(value)
            return _region_of_scope(found.group(1)) if found else None
    for name, value in query:
        if name == "X-Amz-Credential":
            return _region_of_scope(value)
    return None
