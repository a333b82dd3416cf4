"""``python -m pinpoint_sdk``: export an application's configuration, or import one.

::

    python -m pinpoint_sdk export --application-id 0123abcd... backup/
    python -m pinpoint_sdk import backup/ [--application-id TARGET | --name NEW-NAME]
    python -m pinpoint_sdk compare backup/ check/

Credentials come from the usual AWS chain (``--profile`` picks a profile). A progress bar is
shown in a terminal when ``rich`` is installed (``pip install 'pinpoint-sdk[progress]'``).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from ._client import PinpointClient
from .export import compare_exports, export_application, import_application
from .progress import ProgressCallback, RichProgress


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pinpoint_sdk",
        description="Export or import the configuration of an Amazon Pinpoint application.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def connection(command: argparse.ArgumentParser) -> None:
        command.add_argument("--region", help="AWS region (default: from the AWS config)")
        command.add_argument("--endpoint-url", help="another endpoint, e.g. a local fake")
        command.add_argument("--profile", help="AWS profile to take credentials from")
        command.add_argument("--no-progress", action="store_true", help="no progress bar")

    export = commands.add_parser("export", help="write an application's configuration to DIR")
    export.add_argument("--application-id", required=True, help="the application to export")
    export.add_argument("directory", type=Path, metavar="DIR")
    export.add_argument("--overwrite", action="store_true", help="replace an export in DIR")
    connection(export)

    imported = commands.add_parser("import", help="re-create an export in an application")
    imported.add_argument("directory", type=Path, metavar="DIR")
    target = imported.add_mutually_exclusive_group()
    target.add_argument("--application-id", help="import into this application")
    target.add_argument("--name", help="name of the new application (default: the exported)")
    imported.add_argument(
        "--publish-journeys", action="store_true", help="keep journeys' state (default: DRAFT)"
    )
    connection(imported)

    compare = commands.add_parser("compare", help="compare two exports (ids, dates aside)")
    compare.add_argument("first", type=Path)
    compare.add_argument("second", type=Path)
    return parser


def _progress(disabled: bool) -> tuple[AbstractContextManager[object], ProgressCallback | None]:
    if disabled or not sys.stderr.isatty():
        return nullcontext(), None
    try:
        from rich.console import Console

        # On stderr, so that the summary on stdout can be piped.
        bar = RichProgress(console=Console(stderr=True))
    except ImportError:  # rich is optional: the progress extra
        return nullcontext(), None
    return bar, bar


async def _run(args: argparse.Namespace) -> int:
    client = PinpointClient(
        region_name=args.region, endpoint_url=args.endpoint_url, profile_name=args.profile
    )
    display, progress = _progress(args.no_progress)
    async with client:
        with display:
            if args.command == "export":
                exported = await export_application(
                    client,
                    args.application_id,
                    args.directory,
                    progress=progress,
                    overwrite=args.overwrite,
                )
                text, notes = str(exported), exported.notes
            else:
                imported = await import_application(
                    client,
                    args.directory,
                    application_id=args.application_id,
                    name=args.name,
                    publish_journeys=args.publish_journeys,
                    progress=progress,
                )
                text, notes = str(imported), imported.skipped
    print(text)
    for note in notes:
        print(f"  note: {note}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Runs one command; returns the process exit status."""
    args = _parser().parse_args(argv)
    if args.command == "compare":
        differences = compare_exports(args.first, args.second)
        for difference in differences:
            print(difference)
        print("identical" if not differences else f"{len(differences)} differences")
        return 1 if differences else 0
    return asyncio.run(_run(args))


if __name__ == "__main__":
    sys.exit(main())
