"""How many items one request of each batched operation may carry: the one place to change.

Sources: the Amazon Pinpoint REST API reference ("A batch can include up to 100 endpoints";
a direct message goes "to as many as 100 recipients"; "as many as 100 users per request") and
the Amazon Pinpoint quotas page for ``PutEvents`` (100 events per request, 4 MB per request).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["BATCH_LIMITS"]

#: Operation name -> the most items one request may carry (endpoints, events or recipients).
BATCH_LIMITS: Mapping[str, int] = MappingProxyType(
    {
        "UpdateEndpointsBatch": 100,
        # Counted in events, over every endpoint of the request's BatchItem map.
        "PutEvents": 100,
        # Addresses plus endpoints of one request.
        "SendMessages": 100,
        "SendUsersMessages": 100,
    }
)
