"""``compare_exports``: do two exports describe the same configuration, ids, dates and ARNs aside?

Useful after a migration (export, import elsewhere, export again) and for audits. Each
resource is reduced to a canonical form: references to segments and recommenders become
their names, dates and ARNs go, and resources are matched by kind and name.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ._files import read_json

__all__ = ["compare_exports"]

_IGNORED_KEYS = frozenset({"CreationDate", "LastModifiedDate", "Arn"})
_KINDS = ("segments", "campaigns", "journeys", "templates", "channels", "recommenders")


def _names(manifest: dict[str, Any], kind: str, label: str) -> dict[str, str]:
    return {
        entry["Id"]: f"<{label} {entry.get('Name')}>"
        for entry in manifest.get(kind) or []
        if "Id" in entry
    }


def _canonical(data: Any, names: dict[str, str]) -> Any:
    if isinstance(data, dict):
        return {
            key: _canonical(value, names) for key, value in data.items() if key not in _IGNORED_KEYS
        }
    if isinstance(data, list):
        return [_canonical(item, names) for item in data]
    if isinstance(data, str):
        return names.get(data, data)
    return data


def _text(text: str, names: dict[str, str]) -> str:
    for old, new in names.items():
        text = text.replace(old, new)
    return text


def _resources(directory: Path) -> dict[str, Counter[str]]:
    """Kind -> multiset of canonical JSON documents (a kind's resources may share names)."""
    manifest = read_json(directory / "manifest.json")
    names = {
        **_names(manifest, "segments", "segment"),
        **_names(manifest, "recommenders", "recommender"),
    }
    found: dict[str, Counter[str]] = {}
    for single in ("application", "settings", "event_stream"):
        path = directory / f"{single}.json"
        single_document = _canonical(read_json(path), names) if path.exists() else None
        found[single] = Counter([json.dumps(single_document, sort_keys=True)])
    for kind in _KINDS:
        documents: Counter[str] = Counter()
        for entry in manifest.get(kind) or []:
            document: dict[str, Any] = {
                "body": _canonical(read_json(directory / entry["File"]), names)
            }
            if kind == "templates":
                document["name"] = [entry["TemplateName"], entry["TemplateType"]]
            if kind == "channels":
                document["platform"] = entry.get("Platform")
            if entry.get("Diagram"):
                document["diagram"] = _text((directory / entry["Diagram"]).read_text(), names)
            documents[json.dumps(document, sort_keys=True)] += 1
        found[kind] = documents
    return found


def _label(document: str) -> str:
    data = json.loads(document)
    body = data.get("body", data) if isinstance(data, dict) else data
    name = (body or {}).get("Name") if isinstance(body, dict) else None
    return str(data.get("name") or data.get("platform") or name or document[:80])


def compare_exports(first: str | Path, second: str | Path) -> list[str]:
    """The differences between two export directories; empty when they match.

    Ids, dates and ARNs are ignored; segment and recommender ids inside request bodies and
    diagrams are compared by the name of what they point at.
    """
    a, b = _resources(Path(first)), _resources(Path(second))
    differences: list[str] = []
    for kind in a.keys() | b.keys():
        only_a = a.get(kind, Counter()) - b.get(kind, Counter())
        only_b = b.get(kind, Counter()) - a.get(kind, Counter())
        differences += [f"{kind}: only in {first}: {_label(d)}" for d in sorted(only_a)]
        differences += [f"{kind}: only in {second}: {_label(d)}" for d in sorted(only_b)]
    return sorted(differences)
