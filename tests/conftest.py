"""Makes ``tests/support`` importable as ``support``; CI runs hypothesis deterministically."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import settings

sys.path.insert(0, str(Path(__file__).parent))

# Locally every run explores new examples; in CI (CI=true) the same ones, so a red run means a
# regression of the commit, not the luck of the draw.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
