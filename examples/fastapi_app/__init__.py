"""A FastAPI service built on pinpoint-sdk; see ``app.py`` and ``docs/fastapi.md``."""
