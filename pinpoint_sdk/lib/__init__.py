"""Hand-written conveniences on top of the generated resources.

Each module subclasses one generated resource (``pinpoint_sdk.resources``) and adds methods
the API does not have as single operations: journey lifecycle, bulk upserts, waiters.
``PinpointClient`` creates these subclasses in place of the generated classes (its
``campaigns``, ``endpoints``, ... properties), so generated code never imports them and
regenerating the resources never touches them.
"""
