"""SigV4 signing with botocore's own signer, credentials read fresh for every request.

What the client's botocore ``RequestSigner`` does for a Pinpoint request, without its event
round trips: the credentials are frozen anew for each request (``await
get_frozen_credentials()``, so refreshing credentials refresh), botocore's ``SigV4Auth``
signs, and the same headers end up signed: ``content-type`` when there is a body, ``host``,
``x-amz-date`` and ``x-amz-security-token`` with a session token.

The one saving: botocore works out the ``host`` it signs from the URL twice per request
(a third of the signer's time). It is worked out once per client, by botocore's own
function, and handed to the signer as a header for the time of the signing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import botocore
from botocore.auth import SigV4Auth, _host_from_url

__all__ = ["Signer"]


class _SigningRequest:
    """The parts of an ``AWSRequest`` that ``SigV4Auth`` reads and writes."""

    __slots__ = ("body", "context", "headers", "method", "params", "url")

    def __init__(self, method: str, url: str, headers: dict[str, str], body: bytes | None):
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.params = None
        self.context: dict[str, Any] = {}


class Signer:
    """Signs the requests of one client, as its botocore request signer would."""

    def __init__(
        self,
        credentials: Any,
        *,
        signing_name: str,
        signing_region: str,
        url: str,
        signed: bool = True,
    ) -> None:
        self._credentials = credentials
        self._signing_name = signing_name
        self._signing_region = signing_region
        self._host = _host_from_url(url)
        self.signed = signed

    @classmethod
    def of(cls, client: Any, url: str, signing: Mapping[str, Any]) -> Signer:
        """The signer of an aiobotocore ``client`` whose endpoint is ``url``.

        ``signing``: what the endpoint rules said about signing (region, name), if anything.
        """
        request_signer = client._request_signer
        version = request_signer.signature_version
        if version is not botocore.UNSIGNED and version != "v4":
            raise ValueError(f"signature version {version!r} is not supported by the lean path")
        return cls(
            request_signer._credentials,
            signing_name=signing.get("signing_name") or request_signer.signing_name,
            # botocore refuses to create a client without a region.
            signing_region=signing.get("region") or request_signer.region_name,
            url=url,
            signed=version is not botocore.UNSIGNED,
        )

    async def sign(self, method: str, url: str, headers: dict[str, str], body: bytes) -> None:
        """Adds ``X-Amz-Date``, ``X-Amz-Security-Token`` (if any) and ``Authorization``.

        Raises botocore's ``NoCredentialsError`` or a credential provider's error, as
        botocore's signer does, before anything is sent.
        """
        if not self.signed:
            return
        credentials = self._credentials
        frozen = None if credentials is None else await credentials.get_frozen_credentials()
        signer = SigV4Auth(frozen, self._signing_name, self._signing_region)
        headers["host"] = self._host
        try:
            signer.add_auth(_SigningRequest(method, url, headers, body or None))
        finally:
            del headers["host"]  # the HTTP client writes its own Host header (the same value)
