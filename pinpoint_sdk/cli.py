"""The ``pinpoint-sdk`` command (also ``python -m pinpoint_sdk``).

::

    pinpoint-sdk export --application-id 0123abcd... backup/
    pinpoint-sdk import backup/ [--application-id TARGET | --name NEW-NAME]
    pinpoint-sdk compare backup/ check/
    pinpoint-sdk fake [--port 8080 ...]        # serve the local fake

Credentials and region come from the usual AWS chain (``--profile`` and ``--region`` pick
them). An ordinary mistake (no region, no credentials, an unknown application, an existing
output folder, a missing input folder) is one line on stderr with a hint, and the exit status
says what kind of failure it was (:data:`EXIT_CODES`); ``--debug`` adds the traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import traceback
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from .progress import ProgressCallback

__all__ = ["EXIT_CODES", "CommandError", "main"]

OK = 0
DIFFERENT = 1
USAGE = 2
SERVICE = 3
CONFIGURATION = 4
FILES = 5
INTERRUPTED = 130
BUG = 70

#: Every exit status of the command and what it means (shown by ``--help``).
EXIT_CODES: dict[int, str] = {
    OK: "done (compare: the exports match)",
    DIFFERENT: "compare found differences",
    USAGE: "bad arguments: see the command's --help",
    SERVICE: "Pinpoint answered with an error, or could not be reached",
    CONFIGURATION: "AWS set-up: no region, no credentials, unknown profile",
    FILES: "files: an existing export, a missing folder, not an export",
    BUG: "an unexpected error in pinpoint-sdk (run with --debug and report it)",
    INTERRUPTED: "interrupted (Ctrl-C)",
}


@dataclass
class CommandError(Exception):
    """An ordinary failure: what went wrong, what to do about it, and the exit status."""

    message: str
    hint: str
    status: int

    def __str__(self) -> str:
        return f"{self.message} (hint: {self.hint})"


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error on one line instead of the usage block and the error."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE, f"{self.prog}: {message} (hint: see {self.prog} --help)\n")


def _epilog() -> str:
    rows = "\n".join(f"  {code:<4} {meaning}" for code, meaning in EXIT_CODES.items())
    return f"exit status:\n{rows}"


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description="Export, import and compare the configuration of Amazon Pinpoint\n"
        "applications, or serve a local fake of Pinpoint.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, *, add_help: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=_epilog(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
            add_help=add_help,
        )
        # Also after the command; SUPPRESS keeps a --debug given before it.
        sub.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )
        return sub

    def connection(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--region", help="AWS region (default: from the AWS config)")
        sub.add_argument("--endpoint-url", help="another endpoint, e.g. a local fake's URL")
        sub.add_argument("--profile", help="AWS profile to take credentials from")
        sub.add_argument("--no-progress", action="store_true", help="no progress bar")

    export = command("export", "write an application's configuration to DIR")
    export.add_argument("--application-id", required=True, help="the application to export")
    export.add_argument("directory", type=Path, metavar="DIR", help="folder to write")
    export.add_argument("--overwrite", action="store_true", help="replace an export in DIR")
    connection(export)

    imported = command("import", "re-create an export in an application")
    imported.add_argument("directory", type=Path, metavar="DIR", help="folder of an export")
    target = imported.add_mutually_exclusive_group()
    target.add_argument("--application-id", help="import into this application")
    target.add_argument("--name", help="name of the new application (default: the exported)")
    imported.add_argument(
        "--publish-journeys", action="store_true", help="keep journeys' state (default: DRAFT)"
    )
    connection(imported)

    compare = command("compare", "compare two exports (ids and dates aside)")
    compare.add_argument("first", type=Path, metavar="DIR1", help="folder of an export")
    compare.add_argument("second", type=Path, metavar="DIR2", help="folder of another export")

    fake = command(
        "fake",
        "serve the local fake of Pinpoint over HTTP until Ctrl-C "
        "(pinpoint-sdk fake --help lists its options)",
        add_help=False,
    )
    fake.set_defaults(fake_args=[])  # everything after "fake": the fake's own options
    return parser


def _export_folder(directory: Path, role: str) -> Path:
    """``directory`` if it holds an export; a :class:`CommandError` saying what is wrong if not."""
    if not directory.exists():
        raise CommandError(f"{role} {directory} does not exist", "check the path", FILES)
    if not directory.is_dir():
        raise CommandError(f"{role} {directory} is not a folder", "give an export's folder", FILES)
    if not (directory / "manifest.json").is_file():
        raise CommandError(
            f"{directory} does not hold a pinpoint-sdk export (no manifest.json)",
            "give a folder written by 'pinpoint-sdk export'",
            FILES,
        )
    return directory


def _progress(disabled: bool) -> tuple[AbstractContextManager[object], ProgressCallback | None]:
    if disabled or not sys.stderr.isatty():
        return nullcontext(), None
    try:
        from rich.console import Console

        from .progress import RichProgress

        # On stderr, so that the summary on stdout can be piped.
        bar = RichProgress(console=Console(stderr=True))
    except ImportError:  # rich is optional: the progress extra
        return nullcontext(), None
    return bar, bar


async def _transfer(args: argparse.Namespace) -> int:
    from ._client import PinpointClient
    from .export import export_application, import_application

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
                    _export_folder(args.directory, "input folder"),
                    application_id=args.application_id,
                    name=args.name,
                    publish_journeys=args.publish_journeys,
                    progress=progress,
                )
                text, notes = str(imported), imported.skipped
    print(text)
    for note in notes:
        print(f"  note: {note}")
    return OK


def _compare(args: argparse.Namespace) -> int:
    from .export import compare_exports

    differences = compare_exports(
        _export_folder(args.first, "folder"), _export_folder(args.second, "folder")
    )
    for difference in differences:
        print(difference)
    print("identical" if not differences else f"{len(differences)} differences")
    return DIFFERENT if differences else OK


def _serve_fake(args: argparse.Namespace) -> int:
    from .testing.__main__ import main as serve

    return serve(list(args.fake_args))


def _run(args: argparse.Namespace) -> int:
    if args.command == "compare":
        return _compare(args)
    if args.command == "fake":
        return _serve_fake(args)
    return asyncio.run(_transfer(args))


def explain(error: BaseException, args: argparse.Namespace) -> CommandError:
    """The one-line message, hint and exit status for an error a command raised."""
    if isinstance(error, CommandError):
        return error
    from botocore import exceptions as botocore_errors

    from ._exceptions import (
        APIConnectionError,
        APIStatusError,
        PinpointConfigurationError,
        PinpointValidationError,
    )

    where = getattr(args, "endpoint_url", None) or getattr(args, "region", None)
    if isinstance(error, PinpointConfigurationError):
        # The SDK's typed set-up error; botocore's own, its cause, gets the command's hints.
        if isinstance(error.__cause__, botocore_errors.BotoCoreError):
            cause = explain(error.__cause__, args)
            if cause.status == CONFIGURATION:
                return cause
        message = str(error).removesuffix(f". {error.hint}")
        return CommandError(message, error.hint, CONFIGURATION)
    if isinstance(error, botocore_errors.NoRegionError):
        return CommandError(
            "no AWS region is configured",
            "pass --region (e.g. --region us-east-1) or set AWS_REGION",
            CONFIGURATION,
        )
    if isinstance(
        error, botocore_errors.NoCredentialsError | botocore_errors.PartialCredentialsError
    ):
        return CommandError(
            "no AWS credentials were found",
            "run 'aws configure', pass --profile, or set AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY",
            CONFIGURATION,
        )
    if isinstance(error, botocore_errors.ProfileNotFound):
        return CommandError(
            f"the AWS profile {args.profile!r} does not exist",
            "list yours with 'aws configure list-profiles'",
            CONFIGURATION,
        )
    if isinstance(error, botocore_errors.EndpointConnectionError | APIConnectionError):
        return CommandError(
            f"could not reach Pinpoint{f' at {where}' if where else ''}: {_first_line(error)}",
            "check --endpoint-url or --region and your network",
            SERVICE,
        )
    if isinstance(error, APIStatusError):
        return _service_error(error, args)
    if isinstance(error, FileExistsError):
        return CommandError(
            f"{args.directory} already holds an export",
            "pass --overwrite to replace it, or choose another folder",
            FILES,
        )
    if isinstance(error, FileNotFoundError | NotADirectoryError | IsADirectoryError):
        return CommandError(_first_line(error), "check the path", FILES)
    if isinstance(error, PinpointValidationError | ValueError):
        return CommandError(_first_line(error), "check the export's files, or the arguments", FILES)
    if isinstance(error, botocore_errors.BotoCoreError):
        return CommandError(_first_line(error), "check your AWS configuration", CONFIGURATION)
    return CommandError(
        f"unexpected {type(error).__name__}: {_first_line(error)}",
        "run again with --debug and report the traceback",
        BUG,
    )


def _service_error(error: BaseException, args: argparse.Namespace) -> CommandError:
    from ._exceptions import APIStatusError

    assert isinstance(error, APIStatusError)
    said = f"Pinpoint refused {error.operation or 'the call'}: {error.code} ({error.status_code})"
    detail = f"{said}: {_first_line(error.message)}" if error.message else said
    if error.status_code == 404 and getattr(args, "application_id", None):
        return CommandError(
            f"application {args.application_id} was not found ({detail})",
            "check --application-id, and --region: applications belong to one region",
            SERVICE,
        )
    if error.status_code in (401, 403):
        return CommandError(
            detail, "the credentials are wrong, or lack permission for this call", SERVICE
        )
    if error.status_code == 429:
        return CommandError(detail, "Pinpoint is throttling this account; try again later", SERVICE)
    return CommandError(detail, "run again with --debug for the full error", SERVICE)


def _first_line(error: BaseException | str) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def main(argv: Sequence[str] | None = None, *, prog: str = "pinpoint-sdk") -> int:
    """Runs one command; returns the process exit status (see :data:`EXIT_CODES`)."""
    parser = _parser(prog)
    args, rest = parser.parse_known_args(argv)
    if args.command == "fake":
        args.fake_args = rest
    elif rest:
        used = f"{prog} {args.command}"
        parser.exit(
            USAGE, f"{used}: unrecognized arguments: {' '.join(rest)} (hint: see {used} --help)\n"
        )
    try:
        return _run(args)
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return INTERRUPTED
    except Exception as error:  # every failure becomes one line; --debug shows the rest
        explained = explain(error, args)
        if args.debug:
            traceback.print_exc()
        print(f"{prog} {args.command}: {explained}", file=sys.stderr)
        return explained.status
