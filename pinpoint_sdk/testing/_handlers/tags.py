"""Tags, stored per ARN: an ARN nothing was created under simply has no tags."""

from __future__ import annotations

from ._context import Call, JsonDict


def tag_resource(call: Call) -> None:
    """Adds tags to an ARN (replacing values of existing keys)."""
    call.state.set_tags(str(call.param("ResourceArn")), call.body.get("tags") or {})


def untag_resource(call: Call) -> None:
    """Removes the named tag keys from an ARN."""
    tags = call.state.tags.get(str(call.param("ResourceArn")), {})
    for key in call.param("TagKeys") or []:
        tags.pop(key, None)


def list_tags_for_resource(call: Call) -> JsonDict:
    """The tags of an ARN."""
    return {"tags": call.state.tags_of(str(call.param("ResourceArn")))}
