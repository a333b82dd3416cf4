"""Formats generated files with ruff and writes them, or reports which committed ones are stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: Directories the generator owns completely: a file in them that it did not write is stale.
GENERATED_DIRS = ("pinpoint_sdk/models", "pinpoint_sdk/params", "pinpoint_sdk/resources")


def format_files(files: dict[str, str], root: Path) -> dict[str, str]:
    """Returns the files as ``ruff check --fix`` (imports) and ``ruff format`` leave them."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(root / "pyproject.toml", work / "pyproject.toml")
        for relative, text in files.items():
            path = work / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        targets = sorted({relative.split("/")[0] for relative in files})
        ruff = [sys.executable, "-m", "ruff"]
        subprocess.run(
            [*ruff, "check", "--quiet", "--fix-only", *targets],
            cwd=work,
            check=True,
        )
        subprocess.run([*ruff, "format", "--quiet", *targets], cwd=work, check=True)
        return {relative: (work / relative).read_text() for relative in files}


def _existing(root: Path) -> set[str]:
    found: set[str] = set()
    for directory in GENERATED_DIRS:
        base = root / directory
        if base.exists():
            found.update(str(p.relative_to(root)) for p in base.rglob("*.py"))
    return found


def stale_files(files: dict[str, str], root: Path) -> list[str]:
    """Paths whose committed content differs from ``files``, plus leftovers nobody generates."""
    stale = [
        rel
        for rel, text in files.items()
        if not (root / rel).exists() or (root / rel).read_text() != text
    ]
    stale += sorted(_existing(root) - set(files))
    return sorted(stale)


def write_files(files: dict[str, str], root: Path) -> list[str]:
    """Writes what changed and removes leftovers; returns the paths touched."""
    touched = stale_files(files, root)
    for relative in touched:
        path = root / relative
        if relative in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[relative])
        else:
            path.unlink()
    return touched
