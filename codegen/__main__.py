"""``python -m codegen`` regenerates; ``python -m codegen --check`` fails on stale output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import CodegenError
from .render import render_all
from .service import load_service
from .writer import format_files, stale_files, write_files

ROOT = Path(__file__).resolve().parent.parent


def generate() -> dict[str, str]:
    """Every generated file, formatted, keyed by path relative to the repository."""
    return format_files(render_all(load_service()), ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if committed output is stale")
    args = parser.parse_args(argv)
    try:
        files = generate()
    except CodegenError as error:
        print(f"codegen: {error}", file=sys.stderr)
        return 1
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
