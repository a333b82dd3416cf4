"""The SDK's version, as a constant: reading the installed metadata costs milliseconds.

Kept equal to ``version`` in ``pyproject.toml`` (a test compares them).
"""

__version__ = "0.1.0"
