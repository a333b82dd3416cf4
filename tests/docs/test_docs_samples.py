"""Every Python sample in docs/ and the README runs against the local fake (see docs_samples)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from docs_samples import FAST, ROOT, blocks, pages, run_page, samples

from pinpoint_sdk import PinpointClient
from pinpoint_sdk.testing import FakePinpoint, FakePinpointServer

#: Samples marked ``<!-- not-run: ... -->``. Raising this number is a decision: say why in the
#: marker, and prefer a sample that runs.
NOT_RUN_BUDGET = 1


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", [p for p in pages() if samples(p)], ids=_name)
def test_the_samples_of_the_page_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakePinpoint()
    app = fake.invoke("CreateApp", {"CreateApplicationRequest": {"Name": "docs"}})
    assert app is not None
    loop = asyncio.new_event_loop()
    with FakePinpointServer(fake) as server:
        # Code that builds its own client, as a reader's would, reaches the same fake.
        monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT", server.url)
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        monkeypatch.setenv("AWS_CONFIG_FILE", str(ROOT / "nonexistent-aws-config"))
        monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(ROOT / "nonexistent-aws-config"))
        monkeypatch.delenv("AWS_PROFILE", raising=False)
        client = PinpointClient(region_name="us-east-1", retry_policy=FAST)
        namespace = {
            "__name__": "docs_sample",
            "client": client,
            "app_id": app["Id"],
            "application_id": app["Id"],
            "fake": fake,
        }
        try:
            ran = run_page(page, namespace, loop)
        finally:
            loop.run_until_complete(client.close())
            loop.close()
    assert ran + sum(1 for s in samples(page) if s.not_run_reason) == len(samples(page))


def test_every_python_block_is_run_or_marked_not_run() -> None:
    counts: dict[str, tuple[int, int]] = {}
    for page in pages():
        found = samples(page)
        marked = [s for s in found if s.not_run_reason]
        counts[_name(page)] = (len(found) - len(marked), len(marked))
    run = sum(r for r, _ in counts.values())
    not_run = sum(n for _, n in counts.values())
    print(f"docs samples: {run} run, {not_run} marked not-run: {counts}")

    assert not_run == NOT_RUN_BUDGET, counts
    assert run >= 40, counts  # the docs keep their examples; a broken extractor finds none


def test_no_python_hides_in_an_unlabelled_block() -> None:
    # A block without a language is not run; Python in one would escape the tests.
    suspicious = [
        block.where
        for page in pages()
        for block in blocks(page)
        if block.label in {"", "pycon"}
        and any(token in block.code for token in ("import ", "await ", "async def", ">>> "))
    ]
    assert suspicious == []


def test_the_extractor_sees_labels_markers_and_indented_blocks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Intro\n\n```python\nx = 1\n```\n\n<!-- not-run: needs AWS -->\n```python\nboom()\n```\n"
        '\n!!! tip\n    ```py title="t"\n    y = 2\n    ```\n\n```text\nnot code\n```\n',
        encoding="utf-8",
    )
    found = list(blocks(page))

    assert [(b.label, b.code, b.not_run_reason) for b in found] == [
        ("python", "x = 1\n", None),
        ("python", "boom()\n", "needs AWS"),
        ("py", "y = 2\n", None),
        ("text", "not code\n", None),
    ]
