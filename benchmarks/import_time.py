"""Import cost of pinpoint_sdk against aiobotocore's, each measured in fresh interpreters.

Prints the median time of ``import aiobotocore.session`` (the baseline) and of
``import pinpoint_sdk`` plus the first use of one model (what a user pays before the first
call), their difference and their ratio. Runs alternate, so both see the same machine state.

    python benchmarks/import_time.py [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

BASELINE = "import aiobotocore.session"
SDK = (
    "import aiobotocore.session\n"
    "import pinpoint_sdk\n"
    "from pinpoint_sdk.models import CampaignResponse\n"
    "CampaignResponse.model_validate({'Id': 'c', 'Arn': 'a', 'ApplicationId': 'a',"
    " 'CreationDate': 'd', 'LastModifiedDate': 'd', 'SegmentId': 's', 'SegmentVersion': 1})\n"
)
CLIENT = SDK + (
    "from pinpoint_sdk import PinpointClient\n"
    "PinpointClient(region_name='us-east-1', aws_access_key_id='k', aws_secret_access_key='s')\n"
)

_TIMER = "import time\nstart = time.perf_counter()\n{code}\nprint(time.perf_counter() - start)\n"


def measure(code: str) -> float:
    """Seconds a fresh interpreter spends running ``code``."""
    out = subprocess.run(
        [sys.executable, "-c", _TIMER.format(code=code)], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    cases = {"aiobotocore.session": BASELINE, "pinpoint_sdk + one model": SDK}
    try:
        import pinpoint_sdk

        if hasattr(pinpoint_sdk, "PinpointClient"):
            cases["... + PinpointClient()"] = CLIENT
    except ImportError:
        pass
    for code in cases.values():  # warm the file cache and .pyc files
        measure(code)
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, code in cases.items():
            samples[name].append(measure(code))
    baseline = statistics.median(samples["aiobotocore.session"])
    for name, values in samples.items():
        median = statistics.median(values)
        print(
            f"{name:28} median {median * 1000:7.1f} ms  "
            f"+{(median - baseline) * 1000:6.1f} ms over baseline  ratio {median / baseline:.2f}"
        )


if __name__ == "__main__":
    main()
