"""Import cost of pinpoint_sdk against aiobotocore's, each measured in fresh interpreters.

Prints the median time of ``import aiobotocore.session`` (the baseline) and of
``import pinpoint_sdk`` plus the first use of one model (what a user pays before the first
call), their difference and their ratio. Runs alternate, so both see the same machine state.

``--against PATH`` also times the same code from another checkout of the repository (for
example ``git worktree add /tmp/main main``), interleaved with this one, and prints each
case's median, spread (min..max) and ratio this/that: a change must not make importing or
first use slower.

    python benchmarks/import_time.py [--runs 9] [--against PATH]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

from _fresh import child_env

HERE = Path(__file__).resolve().parent.parent
BASELINE = "import aiobotocore.session"
SDK = (
    "import aiobotocore.session\n"
    "import pinpoint_sdk\n"
    "from pinpoint_sdk.models import CampaignResponse\n"
    "CampaignResponse.model_validate({'Id': 'c', 'Arn': 'a', 'ApplicationId': 'a',"
    " 'CreationDate': 'd', 'LastModifiedDate': 'd', 'SegmentId': 's', 'SegmentVersion': 1})\n"
)
#: A request model with nested dicts, as a caller builds one.
REQUEST = (
    "import aiobotocore.session\n"
    "import pinpoint_sdk\n"
    "from pinpoint_sdk.models import WriteCampaignRequest\n"
    "WriteCampaignRequest(name='x', schedule={'start_time': 'IMMEDIATE', 'frequency': 'ONCE'},"
    " message_configuration={'SMSMessage': {'Body': 'hi'}}).to_params()\n"
)
CLIENT = SDK + (
    "from pinpoint_sdk import PinpointClient\n"
    "PinpointClient(region_name='us-east-1', aws_access_key_id='k', aws_secret_access_key='s')\n"
)
#: The first resource a call goes through (the generated class and its extension).
RESOURCE = CLIENT.replace("PinpointClient(", "client = PinpointClient(") + "client.campaigns\n"

#: The children's environment: bytecode cached, as for an installed package (``_fresh``).
_CHILD_ENV = child_env()

_TIMER = "{setup}\nimport time\nstart = time.{clock}()\n{code}\nprint(time.{clock}() - start)\n"


def measure(code: str, root: Path = HERE, setup: str = "", clock: str = "perf_counter") -> float:
    """Seconds a fresh interpreter spends running ``code`` (after an untimed ``setup``) with
    ``root``'s pinpoint_sdk, by ``time.<clock>``."""
    out = subprocess.run(
        [sys.executable, "-c", _TIMER.format(setup=setup, code=code, clock=clock)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,  # the first entry of sys.path: this checkout's package wins
        env=_CHILD_ENV,
    )
    return float(out.stdout.strip().splitlines()[-1])


def modules_loaded(code: str, root: Path, setup: str) -> int:
    """How many modules ``code`` imports after ``setup``: the same figure on every run."""
    script = f"{setup}\nimport sys\nbefore = set(sys.modules)\n{code}\n"
    script += "print(len(set(sys.modules) - before))\n"
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env=_CHILD_ENV,
    )
    return int(out.stdout.strip().splitlines()[-1])


def _quartiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    low, _, high = statistics.quantiles(values, n=4)
    return f"{low:.3f}..{high:.3f}"


def _spread(values: list[float]) -> str:
    return f"{min(values) * 1000:6.1f}..{max(values) * 1000:6.1f} ms"


#: What both checkouts load the same way, imported before ``against`` starts its clock.
_SHARED = f"{BASELINE}\nimport pydantic\n"


def against(other: Path, runs: int) -> None:
    """Each case from this checkout and from ``other``, interleaved; medians and ratios.

    aiobotocore and pydantic are imported before the timer starts: both sides pay the same
    for them, and their noise would hide the difference being measured. The clock is the
    process's CPU time, which other work on the machine disturbs less than wall time.
    """
    cases = {
        name: code.replace(BASELINE + "\n", "")
        for name, code in {
            "pinpoint_sdk + one model": SDK,
            "... + a request model, dicts": REQUEST,
            "... + PinpointClient()": CLIENT,
            "... + client.campaigns": RESOURCE,
        }.items()
    }
    roots = {"this": HERE, "that": other.resolve()}
    for code in cases.values():  # warm the file cache and .pyc files
        for root in roots.values():
            measure(code, root, _SHARED, "process_time")
    samples: dict[tuple[str, str], list[float]] = {
        (case, side): [] for case in cases for side in roots
    }
    for round_ in range(runs):
        for case, code in cases.items():
            # Alternate which side goes first, so neither always runs on a warmer machine.
            order = list(roots.items()) if round_ % 2 == 0 else list(reversed(roots.items()))
            for side, root in order:
                samples[case, side].append(measure(code, root, _SHARED, "process_time"))
    print(
        f"this: {HERE}\nthat: {roots['that']}\n{runs} interleaved runs each, CPU time after aiobotocore and pydantic"
    )
    for case, code in cases.items():
        this, that = samples[case, "this"], samples[case, "that"]
        loaded = [modules_loaded(code, root, _SHARED) for root in roots.values()]
        # Each round ran both sides back to back: their ratio is less disturbed by load drift.
        paired = sorted(a / b for a, b in zip(this, that, strict=True))
        print(
            f"{case:30} this median {statistics.median(this) * 1000:6.1f} ms ({_spread(this)})"
            f"  that {statistics.median(that) * 1000:6.1f} ms ({_spread(that)})"
            f"  ratio {statistics.median(this) / statistics.median(that):.3f}"
            f"  paired ratio median {statistics.median(paired):.3f}"
            f" (quartiles {_quartiles(paired)})"
            f"  modules loaded this/that {loaded[0]}/{loaded[1]}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    if args.against is not None:
        against(args.against, args.runs)
        return
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
