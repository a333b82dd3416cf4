"""HTTP mode: the fake served by aiohttp on a local port, in the running loop or a thread.

Pinpoint's paths (``/v1/...``) go to the fake; ``/_fake/...`` to its control API
(:mod:`pinpoint_sdk.testing._control`).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from types import TracebackType
from urllib.parse import parse_qsl

from aiohttp import web

from ._control import handle_control, is_control_path
from ._fake import FakePinpoint
from ._signing import signed_region
from ._wire import WireRequest, WireResponse

#: One INFO line per request (``python -m pinpoint_sdk.testing --verbose`` shows them).
_logger = logging.getLogger("pinpoint_sdk.testing.server")


class FakePinpointServer:
    """Serves a :class:`FakePinpoint` over real HTTP on ``host`` (``port=0``: a free port).

    Besides Pinpoint's API it answers the fake's control API under ``/_fake/`` (outbox,
    reset, seed, faults, phone numbers, health; see the testing guide).

    Use it as an async context manager::

        async with FakePinpointServer(fake) as server:
            session.create_client("pinpoint", endpoint_url=server.url, ...)

    or, from synchronous code such as boto3 tests, :meth:`start_in_thread` / :meth:`stop_thread`.
    """

    def __init__(
        self, fake: FakePinpoint | None = None, *, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.fake = fake if fake is not None else FakePinpoint()
        self.host = host
        self._requested_port = port
        self._port: int | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._thread_loop: asyncio.AbstractEventLoop | None = None
        self._thread_stop: asyncio.Event | None = None

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._port is None:
            raise RuntimeError("FakePinpointServer is not running")
        return self._port

    @property
    def url(self) -> str:
        """The endpoint URL to give clients, e.g. ``http://127.0.0.1:54321``."""
        return f"http://{self.host}:{self.port}"

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        started = time.perf_counter()
        body = await request.read()
        path, _, query = request.raw_path.partition("?")
        wire = WireRequest(
            method=request.method,
            raw_path=path,
            query=tuple(parse_qsl(query, keep_blank_values=True)),
            headers=dict(request.headers),
            body=body,
        )
        status = "dropped"
        try:
            if is_control_path(path):
                answer = handle_control(self.fake, wire)
                status = str(answer.status)
                return web.Response(status=answer.status, headers=answer.headers, body=answer.body)
            outcome = await self.fake.handle_async(wire)
            if outcome.response is None:
                # No answer at all: the client sees the connection closed under it.
                if request.transport is not None:
                    request.transport.abort()
                raise asyncio.CancelledError
            response = outcome.response
            status = str(response.status)
            if outcome.cut_at is not None:
                status += " (cut short)"
                return await self._send_incomplete(request, response, outcome.cut_at)
            return web.Response(
                status=response.status, headers=response.headers, body=response.body
            )
        finally:
            if _logger.isEnabledFor(logging.INFO):
                self._log(wire, status, started)

    def _log(self, wire: WireRequest, status: str, started: float) -> None:
        """One line per request: method, path, status, region, duration; never a body, a
        query string or a header (they may carry credentials and personal data)."""
        region = (
            "-"
            if is_control_path(wire.raw_path)
            else signed_region(wire.headers, wire.query) or self.fake.region
        )
        elapsed = (time.perf_counter() - started) * 1000
        _logger.info("%s %s %s %s %.1fms", wire.method, wire.raw_path, status, region, elapsed)

    @staticmethod
    async def _send_incomplete(
        request: web.Request, response: WireResponse, cut_at: int
    ) -> web.StreamResponse:
        """Announces the whole body, sends ``cut_at`` bytes of it, and closes the connection."""
        stream = web.StreamResponse(status=response.status, headers=response.headers)
        stream.content_length = len(response.body)
        await stream.prepare(request)
        await stream.write(response.body[:cut_at])
        if request.transport is not None:
            # close(), not abort(): the bytes written so far must still go out.
            request.transport.close()
        raise asyncio.CancelledError

    async def start(self) -> None:
        """Starts listening; :attr:`url` is valid afterwards."""
        if self._runner is not None:
            raise RuntimeError("FakePinpointServer is already running")
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self._requested_port))
        except OSError:
            sock.close()
            await runner.cleanup()
            raise
        self._port = int(sock.getsockname()[1])
        site = web.SockSite(runner, sock)
        await site.start()
        self._runner = runner

    async def stop(self) -> None:
        """Stops listening and closes open connections."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        self._port = None

    async def __aenter__(self) -> FakePinpointServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    # -- background thread, for synchronous callers ---------------------------------------------

    def start_in_thread(self) -> str:
        """Serves from a background thread with its own event loop; returns :attr:`url`."""
        if self._thread is not None:
            raise RuntimeError("FakePinpointServer is already running in a thread")
        ready = threading.Event()
        failure: list[BaseException] = []

        async def serve() -> None:
            self._thread_loop = asyncio.get_running_loop()
            self._thread_stop = asyncio.Event()
            try:
                await self.start()
            except BaseException as error:
                failure.append(error)
                ready.set()
                return
            ready.set()
            try:
                await self._thread_stop.wait()
            finally:
                await self.stop()

        self._thread = threading.Thread(
            target=asyncio.run, args=(serve(),), name="FakePinpointServer", daemon=True
        )
        self._thread.start()
        ready.wait()
        if failure:
            self._thread.join()
            self._thread = None
            raise failure[0]
        return self.url

    def stop_thread(self) -> None:
        """Stops a server started with :meth:`start_in_thread` and waits for the thread."""
        thread, loop, stop = self._thread, self._thread_loop, self._thread_stop
        if thread is None or loop is None or stop is None:
            return
        loop.call_soon_threadsafe(stop.set)
        thread.join()
        self._thread = self._thread_loop = self._thread_stop = None

    def __enter__(self) -> FakePinpointServer:
        self.start_in_thread()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop_thread()
