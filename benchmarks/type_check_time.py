"""What the SDK's types cost the type checkers: this checkout against another, interleaved.

Times, for this checkout and for ``--against PATH`` (another checkout of the repository,
e.g. ``git worktree add /tmp/main main``, sharing this checkout's ``.venv``), the commands of
``.ci/run`` that check the SDK's own code and what users write:

- ``basedpyright -p tests/typing/pyrightconfig.json`` (the typing proof: what an IDE does with
  user code);
- ``basedpyright pinpoint_sdk`` and ``mypy --strict pinpoint_sdk`` (mypy without its cache:
  a cold run, the worst case).

Rounds alternate between the two checkouts; prints each command's median, spread (min..max)
and ratio this/that. Wall time of the whole command, the checkers' own startup included.

    python benchmarks/type_check_time.py --against PATH [--rounds 3] [--only NAME]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
BIN = HERE / ".venv" / "bin"

#: name -> the command, run in a checkout's root (each checkout resolves its own package).
COMMANDS: dict[str, list[str]] = {
    "basedpyright tests/typing": [
        str(BIN / "basedpyright"),
        "-p",
        "tests/typing/pyrightconfig.json",
    ],
    "basedpyright pinpoint_sdk": [str(BIN / "basedpyright"), "pinpoint_sdk"],
    "mypy --strict pinpoint_sdk": [str(BIN / "mypy"), "--strict", "pinpoint_sdk"],
}


def timed(command: list[str], root: Path) -> float:
    """Seconds ``command`` takes in ``root``; it must succeed."""
    with tempfile.TemporaryDirectory() as cache:
        extra = ["--cache-dir", cache] if Path(command[0]).name == "mypy" else []
        start = time.perf_counter()
        done = subprocess.run([*command, *extra], cwd=root, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {root}:\n{done.stdout}{done.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=sorted(COMMANDS), action="append")
    args = parser.parse_args()
    roots = {"this": HERE, "that": args.against.resolve()}
    chosen = {name: COMMANDS[name] for name in args.only or COMMANDS}
    samples: dict[tuple[str, str], list[float]] = {
        (name, side): [] for name in chosen for side in roots
    }
    for round_ in range(args.rounds):
        for name, command in chosen.items():
            order = list(roots.items()) if round_ % 2 == 0 else list(reversed(roots.items()))
            for side, root in order:
                samples[name, side].append(timed(command, root))
    print(f"this: {roots['this']}\nthat: {roots['that']}\n{args.rounds} interleaved rounds")
    for name in chosen:
        this, that = samples[name, "this"], samples[name, "that"]
        print(
            f"{name:28} this {statistics.median(this):6.1f} s ({min(this):.1f}..{max(this):.1f})"
            f"  that {statistics.median(that):6.1f} s ({min(that):.1f}..{max(that):.1f})"
            f"  ratio {statistics.median(this) / statistics.median(that):.2f}"
        )


if __name__ == "__main__":
    main()
