"""``client.campaigns``: the generated resource and hand-written conveniences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import CampaignStatus
from ..resources import campaigns as generated
from ..waiters import Polling, UnexpectedStateError, poll_until

if TYPE_CHECKING:
    # For annotations only: the response model loads with the first call that returns one.
    from ..models import CampaignResponse
    from ..progress import ProgressCallback
    from ..waiters import Verdict

__all__ = ["LIVE_STATUSES", "Campaigns"]

#: Statuses of a campaign that the service has accepted and will run (or has run).
LIVE_STATUSES = frozenset(
    {
        CampaignStatus.SCHEDULED,
        CampaignStatus.EXECUTING,
        CampaignStatus.PENDING_NEXT_RUN,
        CampaignStatus.COMPLETED,
    }
)
#: Statuses a campaign does not leave on its own (a paused one may still be resumed).
_DEAD_STATUSES = frozenset({CampaignStatus.DELETED, CampaignStatus.INVALID})


def _status(campaign: CampaignResponse) -> CampaignStatus | None:
    return campaign.state.campaign_status if campaign.state is not None else None


class Campaigns(generated.Campaigns):
    """Campaigns, plus waiting for a version to go live."""

    async def wait_for_version(
        self,
        application_id: str,
        campaign_id: str,
        version: int | None = None,
        *,
        timeout: float = 600.0,
        poll: float = 2.0,
        max_poll: float = 30.0,
        progress: ProgressCallback | None = None,
    ) -> CampaignResponse:
        """Polls ``GetCampaign`` until version ``version`` (default: whatever version is
        current) is live: the campaign's ``Version`` is at least ``version`` and its status
        is one of ``LIVE_STATUSES`` (scheduled, executing, pending the next run, completed).

        Raises :class:`~pinpoint_sdk.waiters.UnexpectedStateError` when the campaign is
        ``DELETED`` or ``INVALID`` (for instance after its segment was deleted), and
        :class:`~pinpoint_sdk.waiters.WaiterTimeoutError` after ``timeout`` seconds (a
        ``PAUSED`` campaign is waited for: someone may resume it).
        """

        def check(campaign: CampaignResponse) -> Verdict:
            status = _status(campaign)
            if status in _DEAD_STATUSES:
                raise UnexpectedStateError(
                    f"campaign {campaign_id} is {status}; it will not go live",
                    state=str(status),
                    last=campaign,
                )
            current = campaign.version or 0
            if (version is None or current >= version) and status in LIVE_STATUSES:
                return "done"
            return "wait"

        label = f"campaign {campaign_id}" + (f" version {version}" if version else "")
        return await poll_until(
            lambda: self.get(application_id, campaign_id),
            check,
            polling=Polling(timeout=timeout, poll=poll, max_poll=max_poll),
            description=label,
            progress=progress,
            report=lambda c: (0, 0, None, f"version {c.version}: {_status(c)}"),
        )
