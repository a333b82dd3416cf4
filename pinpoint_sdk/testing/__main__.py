"""``python -m pinpoint_sdk.testing``: serve a FakePinpoint over HTTP until interrupted.

Prints the endpoint URL as the first line of output, e.g. ``http://127.0.0.1:8080``, so a
script can read it and point ``endpoint_url`` at it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
from pathlib import Path

from ._fake import FakePinpoint
from ._server import FakePinpointServer


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m pinpoint_sdk.testing",
        description="Serve a stateful local Amazon Pinpoint over HTTP.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    parser.add_argument("--seed", type=Path, help="JSON file of resources to create first")
    return parser.parse_args(argv)


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


def main(argv: list[str] | None = None) -> None:
    """Runs the server; returns when interrupted (SIGINT or SIGTERM)."""
    args = _parse(argv)
    fake = FakePinpoint()
    if args.seed is not None:
        fake.seed(json.loads(args.seed.read_text()))
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.host, args.port, fake))
    print("FakePinpoint stopped", file=sys.stderr)


if __name__ == "__main__":
    main()
