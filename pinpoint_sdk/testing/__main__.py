"""``python -m pinpoint_sdk.testing``: serve a FakePinpoint over HTTP until stopped.

Prints the endpoint URL as the first line of output, e.g. ``http://127.0.0.1:8080``, so a
script can read it and point ``endpoint_url`` (or ``AWS_ENDPOINT_URL_PINPOINT``) at it.
``GET /_fake/health`` answers once it listens. SIGTERM or SIGINT stops it cleanly: open
connections close, the port is released, and the exit code is 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from ._errors import ServiceError
from ._fake import FakePinpoint
from ._ids import DEFAULT_REGION
from ._server import FakePinpointServer


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m pinpoint_sdk.testing",
        description="Serve a stateful local Amazon Pinpoint over HTTP.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    parser.add_argument(
        "--region",
        default=DEFAULT_REGION,
        help=f"region of unsigned requests (default: {DEFAULT_REGION}); signed ones use theirs",
    )
    parser.add_argument(
        "--seed",
        type=Path,
        help="a JSON seed file, or an export folder (python -m pinpoint_sdk export)",
    )
    parser.add_argument("--verbose", action="store_true", help="log one line per request to stderr")
    return parser.parse_args(None if argv is None else list(argv))


async def _serve(host: str, port: int, fake: FakePinpoint) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Not every platform lets a loop own signals; Ctrl-C still ends the run there.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    async with FakePinpointServer(fake, host=host, port=port) as server:
        print(server.url, flush=True)
        await stop.wait()


def _seed(fake: FakePinpoint, path: Path) -> None:
    if path.is_dir():
        fake.seed_from_export(path)
    else:
        fake.seed(json.loads(path.read_text(encoding="utf-8")))


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the server until SIGINT or SIGTERM; returns the exit code (0 after a clean stop)."""
    args = _parse(argv)
    if args.verbose:
        # Only the fake's own logger: the request lines, plus any error of the fake.
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        logger = logging.getLogger("pinpoint_sdk.testing")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    fake = FakePinpoint(region=args.region)
    if args.seed is not None:
        try:
            _seed(fake, args.seed)
        except (OSError, ValueError, ServiceError) as error:
            print(f"error: cannot seed from {args.seed}: {error}", file=sys.stderr)
            return 2
    try:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(_serve(args.host, args.port, fake))
    except OSError as error:
        print(f"error: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1
    print("FakePinpoint stopped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
