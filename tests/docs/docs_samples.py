"""Finds the Python samples in the docs and the README, and runs them against the local fake.

Rules (also in ``docs/contributing-docs.md``):

- Every fenced block labelled ``python`` or ``py`` is a sample, and samples run.
- A sample that cannot run by nature (AWS credentials, a shell) is preceded by the comment
  ``<!-- not-run: why -->``; the tests count these, so none escapes by accident.
- The samples of one page run in order in one namespace, like the cells of a notebook, with
  top-level ``await`` allowed. ``client`` (a ``PinpointClient``), ``app_id`` (an existing
  Pinpoint app; also called ``application_id``) and ``fake`` (the ``FakePinpoint`` behind
  them) are there already, and are set again before each sample, so a sample that says
  ``async with PinpointClient(...) as client`` does not leave a closed client to the next
  one. The environment points any new client at that fake:
  ``AWS_ENDPOINT_URL_PINPOINT`` names a ``FakePinpointServer`` on 127.0.0.1, and the
  credentials are dummies.
- A sample that defines ``test_*`` functions has them called, with the pytest fixtures of
  ``pinpoint_sdk.testing`` they ask for (``pinpoint_fake``, ``pinpoint_client``).
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiobotocore.config import AioConfig
from aiobotocore.httpxsession import HttpxSession

from pinpoint_sdk import PinpointClient, RetryPolicy
from pinpoint_sdk.testing import DEFAULT_ENDPOINT_URL, FakePinpoint

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PYTHON_LABELS = frozenset({"python", "py", "python3"})
NOT_RUN = re.compile(r"<!--\s*not-run:\s*(?P<reason>\S.*?)\s*-->")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
#: Names a page's samples find already bound (see the module docstring).
PRESET = ("client", "app_id", "application_id", "fake")
FAST = RetryPolicy(backoff_base=0.001, backoff_cap=0.002)


@dataclass(frozen=True)
class Block:
    """One fenced block of a Markdown page."""

    page: Path
    line: int
    label: str
    code: str
    not_run_reason: str | None

    @property
    def is_sample(self) -> bool:
        """Whether the block is Python, which the tests must run unless it is marked."""
        return self.label in PYTHON_LABELS

    @property
    def where(self) -> str:
        """``page:line`` for messages."""
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def pages() -> list[Path]:
    """Every page with samples: the docs and the README."""
    return [*sorted(DOCS.rglob("*.md")), ROOT / "README.md"]


def blocks(page: Path) -> Iterator[Block]:
    """The fenced blocks of ``page``, in order (also when indented in lists or admonitions)."""
    lines = page.read_text(encoding="utf-8").splitlines()
    index = 0
    previous = ""
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            if lines[index].strip():
                previous = lines[index]
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        label = opening["info"].strip().split(" ", 1)[0].lower().lstrip("{.").rstrip("}")
        start = index + 1
        body: list[str] = []
        index += 1
        while index < len(lines):
            closing = lines[index].strip()
            if closing.startswith(fence[0] * len(fence)) and not closing.strip(fence[0]):
                break
            line = lines[index]
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            index += 1
        marker = NOT_RUN.search(previous)
        yield Block(
            page, start, label, "\n".join(body) + "\n", marker["reason"] if marker else None
        )
        previous = ""
        index += 1


def samples(page: Path) -> list[Block]:
    """The Python samples of ``page``."""
    return [block for block in blocks(page) if block.is_sample]


def _fixture_client(fake: FakePinpoint) -> PinpointClient:
    # Like the ``pinpoint_client`` fixture: in process, on aiobotocore's httpx backend. The
    # explicit endpoint keeps the page's AWS_ENDPOINT_URL_PINPOINT from redirecting it.
    return PinpointClient(
        endpoint_url=DEFAULT_ENDPOINT_URL,
        region_name=fake.region,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=AioConfig(http_session_cls=HttpxSession),
        retry_policy=FAST,
    )


async def _call_test(function: Any) -> None:
    wanted = set(inspect.signature(function).parameters)
    unknown = wanted - {"pinpoint_fake", "pinpoint_client"}
    if unknown:
        raise AssertionError(f"{function.__name__} asks for unknown fixtures {sorted(unknown)}")
    fake = FakePinpoint()
    with fake.mock():
        async with _fixture_client(fake) as client:
            available = {"pinpoint_fake": fake, "pinpoint_client": client}
            result = function(**{name: available[name] for name in wanted})
            if inspect.isawaitable(result):
                await result


def run_page(page: Path, namespace: dict[str, Any], loop: asyncio.AbstractEventLoop) -> int:
    """Runs the samples of ``page`` in order in ``namespace``; returns how many ran."""
    given = {name: namespace[name] for name in PRESET if name in namespace}
    ran = 0
    for block in samples(page):
        if block.not_run_reason is not None:
            continue
        namespace.update(given)
        before = set(namespace)
        try:
            code = compile(block.code, block.where, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
            # With a top-level await the code object is a coroutine function's body: eval
            # returns a coroutine to run on the page's loop. Otherwise it has already run,
            # outside any loop, so a sample may call asyncio.run() itself.
            pending = eval(code, namespace)
            if inspect.isawaitable(pending):
                loop.run_until_complete(pending)
            for name in sorted(set(namespace) - before):
                if name.startswith("test_") and callable(namespace[name]):
                    loop.run_until_complete(_call_test(namespace[name]))
        except Exception as error:
            raise AssertionError(f"the sample at {block.where} failed: {error!r}") from error
        ran += 1
    return ran
