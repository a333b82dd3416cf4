"""Generates pinpoint_sdk's models, typed dicts and resources from botocore's Pinpoint model.

Run ``python -m codegen`` to regenerate, ``python -m codegen --check`` to verify that the
committed output matches a fresh run. Three steps, each in its own modules:

- ``service`` normalises the model, read by ``pinpoint_sdk._service_model`` (the reader the
  fake uses too), with the help of the small tables in ``tables``;
- ``describe_client`` and ``describe_models`` describe every file as plain dataclasses (an
  operation becomes a ``Method``, with its HTTP binding);
- ``render`` fills the templates in ``templates/`` with them, and ``writer`` lays the result
  out with ruff and writes it (or reports what is stale).

Problems with the model or the tables raise ``errors.CodegenError``.
"""
