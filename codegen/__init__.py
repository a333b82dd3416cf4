"""Generates pinpoint_sdk's models and resources from botocore's Pinpoint model.

Run ``python -m codegen`` to regenerate, ``python -m codegen --check`` to verify that the
committed output matches a fresh run. The work is split in two: ``service`` reads botocore's
JSON once into plain dataclasses, and the ``render_*`` modules turn those into source files.
"""
