"""The type check of the docs' samples (``check_samples.py``, a step of ``.ci/run``) finds and
places mistakes: a sample that runs but does not type-check is reported at its page and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_samples import check, page_module

PAGE = """\
# A page

```python
from typing import Annotated

from pinpoint_sdk.models import SMSMessage

Body = Annotated[str, "an SMS body"]
```

Text between the samples.

```python
greeting: Body = "hi"
await client.messages.send(app_id, message_configuration={"sms_message": {"body": greeting}})
```

```python
broken = SMSMessage(body=greeting, message_type="TRANSACTIONALL")
shown = SMSMessage(body=greeting, message_type="PROMOTIONALL")  # type: ignore[arg-type]
fine = SMSMessage(body=greeting, message_type="PROMOTIONAL")  # type: ignore[arg-type]
```
"""


def _page(tmp_path: Path) -> Path:
    page = tmp_path / "page.md"
    page.write_text(PAGE)
    return page


def test_samples_before_the_first_await_stay_at_module_level_the_rest_in_a_function(
    tmp_path: Path,
) -> None:
    module = page_module(_page(tmp_path))
    lines = module.text.splitlines()
    compile(module.text, module.name, "exec")  # a module, without top-level await
    alias = lines.index('Body = Annotated[str, "an SMS body"]')
    function = next(i for i, line in enumerate(lines) if line.startswith("async def samples("))
    assert alias < function
    assert '    greeting: Body = "hi"' in lines
    assert module.where(alias + 1).endswith("page.md:8")


@pytest.mark.slow
@pytest.mark.timeout(300)  # runs mypy and basedpyright on a page
def test_a_sample_that_fails_a_checker_is_reported_at_its_page_and_line(tmp_path: Path) -> None:
    problems = check([_page(tmp_path)])

    # The alias, the dict and the preset names all type-check; a mistake marked with an ignore
    # comment is shown, not reported; an ignore comment that marks no mistake is reported.
    places = sorted((p.checker, p.where.rsplit("/", 1)[-1], p.text) for p in problems)
    assert [(checker, where) for checker, where, _ in places] == [
        ("basedpyright", "page.md:19"),
        ("basedpyright", "page.md:21"),
        ("mypy", "page.md:19"),
        ("mypy", "page.md:21"),
    ], problems
    assert "TRANSACTIONALL" in places[0][2] and "TRANSACTIONALL" in places[2][2]
    assert "nnecessary" in places[1][2] and "nused" in places[3][2]
