"""Message templates of all five kinds, with versions and an active version.

As the service documents it: an update overwrites the latest version unless
``create-new-version=true`` adds a new one; a ``version`` given to an update must be the
latest; a get without ``version`` returns the active version (version 1 until
``UpdateTemplateActiveVersion`` says otherwise, which also accepts ``latest``); a delete
without ``version`` removes the template with all its versions.
"""

from __future__ import annotations

import copy

from .._errors import bad_request, conflict, not_found
from .._ids import now_iso
from .._paging import page_response
from .._state import Template
from ._context import Call, JsonDict

#: Operation suffix → the template type Pinpoint reports.
_KINDS = {
    "EmailTemplate": "EMAIL",
    "SmsTemplate": "SMS",
    "PushTemplate": "PUSH",
    "VoiceTemplate": "VOICE",
    "InAppTemplate": "INAPP",
}
#: ``template-type`` path values of ListTemplateVersions and UpdateTemplateActiveVersion.
_PATH_TYPES = {
    "email": "EMAIL",
    "sms": "SMS",
    "push": "PUSH",
    "voice": "VOICE",
    "inapp": "INAPP",
    "in_app": "INAPP",
}


def _kind_of(call: Call) -> str:
    for suffix, kind in _KINDS.items():
        if call.operation.name.endswith(suffix):
            return kind
    raise AssertionError(call.operation.name)


def _path_type(call: Call) -> str:
    raw = str(call.param("TemplateType"))
    kind = _PATH_TYPES.get(raw.lower())
    if kind is None:
        raise bad_request(
            f"Invalid value for path parameter 'template-type': '{raw}'."
            " Valid values are EMAIL, SMS, PUSH, VOICE, INAPP"
        )
    return kind


def _template(call: Call, kind: str) -> Template:
    name = str(call.param("TemplateName"))
    template = call.state.templates.get((name, kind))
    if template is None:
        raise not_found("template")
    return template


def _with_tags(call: Call, template: Template, record: JsonDict) -> JsonDict:
    return {**record, "Arn": template.arn, "tags": call.state.tags_of(template.arn)}


def _latest(template: Template) -> JsonDict:
    return template.versions[-1]


def create_template(call: Call) -> JsonDict:
    """Creates version 1 of a template; 400 if a template of that name and type exists."""
    kind = _kind_of(call)
    name = str(call.param("TemplateName"))
    if (name, kind) in call.state.templates:
        raise conflict("template_exists")
    request = call.body
    tags = request.pop("tags", None)
    now = now_iso()
    record = {
        **request,
        "TemplateName": name,
        "TemplateType": kind,
        "CreationDate": now,
        "LastModifiedDate": now,
        "Version": "1",
    }
    template = Template(name, kind, call.state.arns.template(name, kind), [record], "1")
    call.state.templates[(name, kind)] = template
    call.state.set_tags(template.arn, tags)
    return {"Arn": template.arn, "Message": "Created", "RequestID": call.request_id}


def get_template(call: Call) -> JsonDict:
    """Returns the active version, or the version named by the ``version`` parameter."""
    template = _template(call, _kind_of(call))
    wanted = call.param("Version")
    version_id = template.active_version if wanted is None else str(wanted)
    if version_id == "latest":
        version_id = _latest(template)["Version"]
    record = template.version(version_id)
    if record is None:
        raise not_found("template_version")
    return _with_tags(call, template, record)


def update_template(call: Call) -> JsonDict:
    """Overwrites the latest version, or saves a new one with ``create-new-version=true``."""
    template = _template(call, _kind_of(call))
    request = call.body
    request.pop("tags", None)
    latest = _latest(template)
    wanted = call.param("Version")
    new_version = bool(call.param("CreateNewVersion"))
    if new_version and wanted is not None:
        raise bad_request("Don't specify 'version' together with 'create-new-version=true'")
    if wanted is not None and str(wanted) != latest["Version"]:
        raise bad_request(
            f"Invalid value for query parameter 'version': '{wanted}'"
            f" is not the latest version ({latest['Version']})"
        )
    updated = {**copy.deepcopy(latest), **request, "LastModifiedDate": now_iso()}
    if new_version:
        updated["Version"] = str(int(latest["Version"]) + 1)
        updated["CreationDate"] = updated["LastModifiedDate"]
        template.versions.append(updated)
    else:
        template.versions[-1] = updated
    return call.message_body()


def delete_template(call: Call) -> JsonDict:
    """Deletes one version (``version`` given) or the whole template."""
    template = _template(call, _kind_of(call))
    wanted = call.param("Version")
    if wanted is None:
        del call.state.templates[(template.name, template.template_type)]
        call.state.forget_tags(template.arn)
        return call.message_body()
    record = template.version(str(wanted))
    if record is None:
        raise not_found("template_version")
    template.versions.remove(record)
    if not template.versions:
        del call.state.templates[(template.name, template.template_type)]
        call.state.forget_tags(template.arn)
    elif template.active_version == record["Version"]:
        template.active_version = _latest(template)["Version"]
    return call.message_body()


def update_template_active_version(call: Call) -> JsonDict:
    """Makes a version (an id, or ``latest``) the one gets and sends use by default."""
    template = _template(call, _path_type(call))
    wanted = call.body.get("Version")
    if wanted is None:
        raise bad_request("Missing required field 'Version'")
    version_id = _latest(template)["Version"] if wanted == "latest" else str(wanted)
    if template.version(version_id) is None:
        raise not_found("template_version")
    template.active_version = version_id
    return call.message_body()


def list_templates(call: Call) -> JsonDict:
    """Lists templates (their active versions) by name, filtered by prefix and type."""
    prefix = str(call.param("Prefix") or "")
    wanted_type = call.param("TemplateType")
    items: list[JsonDict] = []
    for (name, kind), template in sorted(call.state.templates.items()):
        if not name.startswith(prefix):
            continue
        if wanted_type and kind != _PATH_TYPES.get(str(wanted_type).lower(), str(wanted_type)):
            continue
        active = template.version(template.active_version) or _latest(template)
        items.append(_with_tags(call, template, active))
    return page_response(items, call.params)


def list_template_versions(call: Call) -> JsonDict:
    """Lists every version of one template, oldest first."""
    template = _template(call, _path_type(call))
    return page_response(list(template.versions), call.params)
