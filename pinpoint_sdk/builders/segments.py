"""A fluent builder for ``WriteSegmentRequest``, its validation and a one-line summary.

A segment is either one set of criteria::

    SegmentBuilder("gold-ios-us").where(
        Dimensions().user_attribute("plan").is_in("gold", "platinum")
        .platform().is_in(Platform.IOS).country().is_in("US").active_within(Duration.DAY_30)
    ).build()

or groups of base segments filtered by criteria (``SegmentGroups``)::

    SegmentBuilder("lapsed").include(Include.ALL).group(
        Group.all_of(Dimensions().inactive_within(Duration.DAY_14))
        .in_any_of(BaseSegment("0f1e...", version=3), "9a8b...")
    ).build()

``build()`` raises one ``BuildError`` listing every error; warnings never block and are in
``problems()``. ``validate_segment()`` runs the same checks on any request or wire dict.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from pinpoint_sdk.models import (
    Include,
    SegmentDimensions,
    SegmentGroup,
    SegmentGroupList,
    SegmentReference,
    SegmentResponse,
    SourceType,
    Type,
    WriteSegmentRequest,
)

from .._exceptions import PinpointValidationError
from ._problems import BuildError, Problem
from .dimensions import (
    Dimensions,
    count_dimensions,
    describe_dimensions,
    shown,
    validate_dimensions,
)

if TYPE_CHECKING:
    from pinpoint_sdk.params import IncludeLiteral, TypeLiteral

__all__ = ["BaseSegment", "Group", "SegmentBuilder", "describe_segment", "validate_segment"]

# S7: not in the API reference; the developer guide's quota table says 100 per segment.
_MAX_DIMENSIONS = 100
_ROOT = "WriteSegmentRequest"


@dataclass(frozen=True)
class BaseSegment:
    """A segment a group starts from (``SegmentReference``).

    ``version`` pins a version of the segment. ``imported`` never goes on the wire: it tells
    the validator that this is a static, imported segment, which must be the only base segment
    of its group (S3). Segment types are not part of the request, so only you can say.
    """

    id: str
    version: int | None = None
    imported: bool = False

    def to_reference(self) -> SegmentReference:
        """The reference as the generated model."""
        if self.version is None:
            return SegmentReference(id=self.id)
        return SegmentReference(id=self.id, version=self.version)


class Group:
    """One segment group: base segments filtered by a list of criteria entries.

    The entries combine by the group's ``Type`` (``all_of`` / ``any_of`` / ``none_of``); inside
    one ``Dimensions`` entry every criterion must match. The base segments combine by
    ``SourceType`` (``in_all_of`` / ``in_any_of`` / ``in_none_of``).
    """

    def __init__(self, match: Type | TypeLiteral | None = None) -> None:
        self._type = match
        self._source_type: SourceType | None = None
        # None means "not set" (left out of the request), unlike an empty list.
        self._sources: list[BaseSegment] | None = None
        self._dimensions: list[Dimensions] | None = None

    @classmethod
    def all_of(cls, *dimensions: Dimensions) -> Group:
        """A group whose endpoints match every entry (``Type`` ALL)."""
        return cls(Type.ALL).where(*dimensions)

    @classmethod
    def any_of(cls, *dimensions: Dimensions) -> Group:
        """A group whose endpoints match at least one entry (``Type`` ANY)."""
        return cls(Type.ANY).where(*dimensions)

    @classmethod
    def none_of(cls, *dimensions: Dimensions) -> Group:
        """A group whose endpoints match no entry (``Type`` NONE)."""
        return cls(Type.NONE).where(*dimensions)

    def where(self, *dimensions: Dimensions) -> Group:
        """Adds criteria entries (``Dimensions``) to the group."""
        checked = [_require_dimensions(entry, "Group.where") for entry in dimensions]
        self._dimensions = [*(self._dimensions or []), *checked]
        return self

    def base_segment(
        self, segment_id: str, version: int | None = None, *, imported: bool = False
    ) -> Group:
        """Adds one base segment (``SourceSegments``) without changing how they combine."""
        segment = BaseSegment(segment_id, version, imported)
        self._sources = [*(self._sources or []), segment]
        return self

    def in_any_of(self, *segments: BaseSegment | str) -> Group:
        """Starts from endpoints in any of these segments (``SourceType`` ANY)."""
        return self._from(SourceType.ANY, segments)

    def in_all_of(self, *segments: BaseSegment | str) -> Group:
        """Starts from endpoints in all of these segments (``SourceType`` ALL)."""
        return self._from(SourceType.ALL, segments)

    def in_none_of(self, *segments: BaseSegment | str) -> Group:
        """Starts from endpoints in none of these segments (``SourceType`` NONE)."""
        return self._from(SourceType.NONE, segments)

    def _from(self, source_type: SourceType, segments: tuple[BaseSegment | str, ...]) -> Group:
        self._source_type = source_type
        added = [s if isinstance(s, BaseSegment) else BaseSegment(s) for s in segments]
        self._sources = [*(self._sources or []), *added]
        return self

    @property
    def dimensions(self) -> tuple[Dimensions, ...]:
        """The criteria entries; each can be edited in place."""
        return tuple(self._dimensions or ())

    @property
    def base_segments(self) -> tuple[BaseSegment, ...]:
        """The base segments, in order."""
        return tuple(self._sources or ())

    def to_model(self) -> SegmentGroup:
        """The group as the generated model, with only what was set."""
        parts: dict[str, Any] = {}
        if self._dimensions is not None:
            parts["dimensions"] = [d.to_dimensions() for d in self._dimensions]
        if self._sources is not None:
            parts["source_segments"] = [s.to_reference() for s in self._sources]
        if self._source_type is not None:
            parts["source_type"] = self._source_type
        if self._type is not None:
            parts["type"] = self._type
        return SegmentGroup(**parts)

    @classmethod
    def from_model(cls, group: SegmentGroup, imported_segments: Collection[str] = ()) -> Group:
        """Loads a ``SegmentGroup`` model; ids in ``imported_segments`` are marked imported."""
        loaded = cls(group.type)
        loaded._source_type = group.source_type
        if group.source_segments is not None:
            loaded._sources = [
                BaseSegment(ref.id, ref.version, ref.id in imported_segments)
                for ref in group.source_segments
            ]
        if group.dimensions is not None:
            loaded._dimensions = [Dimensions.from_model(d) for d in group.dimensions]
        return loaded


class SegmentBuilder:
    """Builds a ``WriteSegmentRequest`` for ``client.segments.create()`` / ``update()``.

    Use ``where()`` for the plain ``Dimensions`` form, or ``group()`` (and ``include()``) for
    the ``SegmentGroups`` form; using both is reported as an error (S1) rather than one
    silently winning. Builders hold references: editing a ``Dimensions`` after passing it in
    changes what is built.
    """

    def __init__(self, name: str | None = None) -> None:
        if name is not None and not isinstance(name, str):
            raise PinpointValidationError(f"segment name must be a string, not {name!r}")
        self._name = name
        self._dimensions: Dimensions | None = None
        self._groups: list[Group] | None = None
        self._include: Include | IncludeLiteral | None = None
        self._has_segment_groups = False
        self._dropped_tags = False

    def named(self, name: str) -> SegmentBuilder:
        """Sets the segment's name; without one it does not show in the console (S4)."""
        self._name = name
        return self

    def where(self, dimensions: Dimensions) -> SegmentBuilder:
        """The segment is the endpoints matching these criteria (the ``Dimensions`` form)."""
        self._dimensions = _require_dimensions(dimensions, "SegmentBuilder.where")
        return self

    def group(self, *groups: Group) -> SegmentBuilder:
        """Adds segment groups (the ``SegmentGroups`` form)."""
        self._has_segment_groups = True
        self._groups = [*(self._groups or []), *groups]
        return self

    def include(self, include: Include | IncludeLiteral) -> SegmentBuilder:
        """How the groups combine: endpoints in all, any or none of them (``Include``)."""
        self._has_segment_groups = True
        self._include = include
        return self

    @property
    def name(self) -> str | None:
        """The segment's name, if set."""
        return self._name

    @property
    def dimensions(self) -> Dimensions | None:
        """The criteria of the ``Dimensions`` form, editable in place."""
        return self._dimensions

    @property
    def groups(self) -> tuple[Group, ...]:
        """The groups of the ``SegmentGroups`` form, editable in place."""
        return tuple(self._groups or ())

    def to_request(self) -> WriteSegmentRequest:
        """The request as it stands, without validation (see ``build()``)."""
        parts: dict[str, Any] = {}
        if self._name is not None:
            parts["name"] = self._name
        if self._dimensions is not None:
            parts["dimensions"] = self._dimensions.to_dimensions()
        if self._has_segment_groups:
            group_list: dict[str, Any] = {}
            if self._groups is not None:
                group_list["groups"] = [g.to_model() for g in self._groups]
            if self._include is not None:
                group_list["include"] = self._include
            parts["segment_groups"] = SegmentGroupList(**group_list)
        # `tags` is never emitted (S15): it is deprecated and ignored on update.
        return WriteSegmentRequest(**parts)

    def problems(self) -> list[Problem]:
        """Every error and warning, in the order found; ``build()`` raises on the errors."""
        return self._problems_of(self.to_request())

    def build(self) -> WriteSegmentRequest:
        """Validates and returns the request; raises ``BuildError`` listing every error."""
        request = self.to_request()
        errors = [p for p in self._problems_of(request) if p.severity == "error"]
        if errors:
            label = f"segment {self._name!r}" if self._name else "segment"
            raise BuildError(label, errors)
        return request

    def _problems_of(self, request: WriteSegmentRequest) -> list[Problem]:
        # Only the builder knows which base segments are imported (S3); the request cannot say.
        imported = {s.id for g in self.groups for s in g.base_segments if s.imported}
        problems = validate_segment(request, imported_segments=imported)
        if self._dropped_tags:
            problems.append(_tags_warning("tags were dropped: they are deprecated"))
        return problems

    def describe(self) -> str:
        """One line for logs and admin pages, e.g. ``endpoints where country = US AND ...``."""
        return describe_segment(self.to_request())

    def __str__(self) -> str:
        return self.describe()

    def __repr__(self) -> str:
        return f"SegmentBuilder({self._name!r}: {self.describe()!r})"

    @classmethod
    def from_request(
        cls,
        request: WriteSegmentRequest | Mapping[str, Any],
        *,
        imported_segments: Collection[str] = (),
    ) -> SegmentBuilder:
        """Loads a request (model or wire dict) into a builder; ``build()`` gives it back.

        Deprecated ``tags`` are dropped, with a warning in ``problems()``. A dict that does not
        fit the model raises ``BuildError`` with one problem per field.
        """
        model, problems = _parse_request(request)
        if model is None:
            raise BuildError("segment request", problems)
        loaded = cls(model.name)
        if model.dimensions is not None:
            loaded._dimensions = Dimensions.from_model(model.dimensions)
        group_list = model.segment_groups
        if group_list is not None:
            loaded._has_segment_groups = True
            loaded._include = group_list.include
            if group_list.groups is not None:
                loaded._groups = [Group.from_model(g, imported_segments) for g in group_list.groups]
        loaded._dropped_tags = model.tags is not None
        return loaded

    @classmethod
    def from_response(
        cls,
        response: SegmentResponse | Mapping[str, Any],
        *,
        imported_segments: Collection[str] = (),
    ) -> SegmentBuilder:
        """Loads a segment as the service returned it (``SegmentResponse`` or its dict).

        Only what a request can carry is kept (name, dimensions, groups); ids, dates, version
        and the resource's tags stay with the response.
        """
        request: WriteSegmentRequest | Mapping[str, Any]
        if isinstance(response, SegmentResponse):
            request = WriteSegmentRequest.model_validate(
                {
                    field: getattr(response, field)
                    for field in ("name", "dimensions", "segment_groups")
                    if field in response.model_fields_set
                }
            )
        else:
            request = {
                k: response[k] for k in ("Name", "Dimensions", "SegmentGroups") if k in response
            }
        return cls.from_request(request, imported_segments=imported_segments)


def validate_segment(
    request: WriteSegmentRequest | Mapping[str, Any],
    *,
    imported_segments: Collection[str] = (),
) -> list[Problem]:
    """Every problem with a segment request, errors and warnings (the ``S`` rules).

    ``imported_segments`` lists base-segment ids known to be imported (static) segments, so
    that S3 can be checked; the request itself does not say. A wire dict that does not fit
    the botocore model gives one problem per mismatch (rule ``P16``, or ``S13`` for recency).
    """
    model, problems = _parse_request(request)
    if model is None:
        return problems
    if model.dimensions is not None and model.segment_groups is not None:
        problems.append(Problem(_ROOT, "set either Dimensions or SegmentGroups, not both", "S1"))
    if not (model.name or "").strip():
        problems.append(
            Problem(
                "Name", "a segment without a name does not show in the console", "S4", "warning"
            )
        )
    if model.tags is not None:
        problems.append(_tags_warning("tags is deprecated and ignored on update"))
    all_dimensions: list[SegmentDimensions] = []
    if model.dimensions is not None:
        all_dimensions.append(model.dimensions)
        problems += validate_dimensions(model.dimensions, "Dimensions")
    groups = (model.segment_groups.groups if model.segment_groups else None) or []
    if len(groups) > 1:
        problems.append(
            Problem(
                "SegmentGroups.Groups",
                f"{len(groups)} groups; the API reference says a request can include only one",
                "S2",
                "warning",
            )
        )
    for index, group in enumerate(groups):
        where = f"SegmentGroups.Groups[{index}]"
        problems += _check_sources(f"{where}.SourceSegments", group, imported_segments)
        for entry, dimensions in enumerate(group.dimensions or []):
            all_dimensions.append(dimensions)
            problems += validate_dimensions(dimensions, f"{where}.Dimensions[{entry}]")
    total = sum(count_dimensions(d) for d in all_dimensions)
    if total > _MAX_DIMENSIONS:
        problems.append(
            Problem(
                "SegmentGroups" if model.segment_groups is not None else "Dimensions",
                f"{total} dimensions; the documented quota is {_MAX_DIMENSIONS} per segment",
                "S7",
                "warning",
            )
        )
    return problems


def _require_dimensions(value: object, where: str) -> Dimensions:
    # Typed callers cannot get here; untyped ones get an error naming the argument.
    if not isinstance(value, Dimensions):
        raise PinpointValidationError(f"{where} takes a Dimensions(), not {value!r}")
    return value


def _parse_request(
    request: WriteSegmentRequest | Mapping[str, Any],
) -> tuple[WriteSegmentRequest | None, list[Problem]]:
    """The request as a model, or None and one problem per place the dict misfits the model."""
    if isinstance(request, WriteSegmentRequest):
        return request, []
    if not isinstance(request, Mapping):
        message = f"expected a WriteSegmentRequest or a dict, not {type(request).__name__}"
        return None, [Problem(_ROOT, message, "P16")]
    try:
        return WriteSegmentRequest.model_validate(dict(request)), []
    except ValidationError as error:
        return None, [_schema_problem(e) for e in error.errors()]


def _schema_problem(error: ErrorDetails) -> Problem:
    loc = error["loc"]
    where = ""
    for part in loc:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else part)
    rule = "S13" if "Recency" in loc else "P16"
    return Problem(where or _ROOT, str(error["msg"]), rule)


def _check_sources(
    where: str, group: SegmentGroup, imported_segments: Collection[str]
) -> list[Problem]:
    sources = group.source_segments or []
    imported = [ref.id for ref in sources if ref.id in imported_segments]
    if not imported or len(sources) == 1:
        return []
    return [
        Problem(
            where,
            f"imported segment {imported[0]} must be the only base segment of its group "
            f"({len(sources)} given); use several dynamic segments or exactly one imported",
            "S3",
        )
    ]


def _tags_warning(message: str) -> Problem:
    return Problem("tags", f"{message}; manage tags with the TagResource API", "S15", "warning")


# -- description -----------------------------------------------------------------------------------

_QUANTIFIERS = {
    Include.ALL: "all of",
    Include.ANY: "any of",
    Include.NONE: "none of",
}


def describe_segment(request: WriteSegmentRequest) -> str:
    """One line for humans, e.g. ``endpoints where plan ∈ {gold, platinum} AND country = US``."""
    text = "all endpoints"
    if request.dimensions is not None:
        criteria = describe_dimensions(request.dimensions)
        text = criteria if criteria == "all endpoints" else f"endpoints where {criteria}"
    if request.segment_groups is not None:
        groups = [_describe_group(g) for g in request.segment_groups.groups or []]
        include = request.segment_groups.include
        if request.dimensions is not None:
            return text + " [invalid: also has SegmentGroups]"
        if len(groups) == 1 and include != Include.NONE:
            return f"endpoints {groups[0]}" if groups[0] else "all endpoints"
        if groups:
            quantifier = _QUANTIFIERS[include] if include is not None else "all of"
            listed = ", ".join(f"({g or 'all endpoints'})" for g in groups)
            return f"endpoints matching {quantifier}: {listed}"
    return text


def _describe_group(group: SegmentGroup) -> str:
    parts: list[str] = []
    sources = [
        shown(ref.id) if ref.version is None else f"{shown(ref.id)} v{ref.version}"
        for ref in group.source_segments or []
    ]
    if sources:
        names = (
            f"segment {sources[0]}" if len(sources) == 1 else f"segments {{{', '.join(sources)}}}"
        )
        if group.source_type == SourceType.NONE:
            parts.append(f"not in {names}" if len(sources) == 1 else f"in none of {names}")
        elif len(sources) > 1 and group.source_type is not None:
            parts.append(f"in {_QUANTIFIERS[Include(group.source_type.value)]} {names}")
        else:
            parts.append(f"in {names}")
    entries = [describe_dimensions(d) for d in group.dimensions or []]
    if entries:
        if group.type in (Type.ANY, Type.NONE) and len(entries) > 1:
            joined = " OR ".join(f"({e})" if " AND " in e else e for e in entries)
        else:
            joined = " AND ".join(entries)
        parts.append(f"where NOT ({joined})" if group.type == Type.NONE else f"where {joined}")
    return " ".join(parts)
