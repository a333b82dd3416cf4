"""The environment of the fresh interpreters the cold-start benchmarks start.

Bytecode is cached, as it is for an installed package (pip compiles it on install), even
where ``PYTHONDONTWRITEBYTECODE`` is set: otherwise every fresh interpreter would compile the
SDK's sources (a thousand-line ``models/__init__``) while aiobotocore and pydantic load their
installed ``.pyc`` files, and the figure would time the compiler. The cache lives in a folder
of our own, removed when the benchmark ends.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile


def child_env() -> dict[str, str]:
    """This process's environment, with bytecode cached in a temporary folder."""
    cache = tempfile.mkdtemp(prefix="fresh-pyc-")
    atexit.register(shutil.rmtree, cache, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env
