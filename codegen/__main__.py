"""``python -m codegen`` regenerates; ``python -m codegen --check`` fails on stale output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .render_client import render_client
from .render_models import render_models
from .render_params import render_params
from .service import load_service
from .writer import format_files, stale_files, write_files

ROOT = Path(__file__).resolve().parent.parent


def generate() -> dict[str, str]:
    """Every generated file, formatted, keyed by path relative to the repository."""
    service = load_service()
    files = {**render_models(service), **render_params(service), **render_client(service)}
    return format_files(files, ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if committed output is stale")
    args = parser.parse_args(argv)
    files = generate()
    if args.check:
        stale = stale_files(files, ROOT)
        if stale:
            print("Generated code is stale; run `python -m codegen`. Stale files:", file=sys.stderr)
            for path in stale:
                print(f"  {path}", file=sys.stderr)
            return 1
        print(f"Generated code is up to date ({len(files)} files).")
        return 0
    touched = write_files(files, ROOT)
    print(f"Generated {len(files)} files, {len(touched)} changed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
