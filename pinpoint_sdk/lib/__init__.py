"""Hand-written conveniences on top of the generated resources.

Each module subclasses one generated resource (``pinpoint_sdk.resources``) and adds methods
the API does not have as single operations: journey lifecycle, bulk upserts, waiters. The
client creates these subclasses (see ``codegen/tables.py: RESOURCE_EXTENSIONS``), so
regenerating the resources never touches them.
"""
