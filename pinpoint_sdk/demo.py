"""The main job: ``python -m pinpoint_sdk.demo``.

For now it shows what the generated models cover and round-trips one request; the quickstart
against the embedded local fake replaces it once the client and the fake exist.
"""

from __future__ import annotations

from pinpoint_sdk import models


def main() -> None:
    """Prints the model count and one request as botocore would receive it."""
    shapes = [name for name in models.__all__]
    print(f"pinpoint-sdk: {len(shapes)} typed models of the Pinpoint API")
    request = models.WriteCampaignRequest(
        name="spring-sale",
        segment_id="0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        schedule=models.Schedule(start_time="IMMEDIATE", frequency=models.Frequency.ONCE),
    )
    print("WriteCampaignRequest ->", request.to_params())


if __name__ == "__main__":
    main()
