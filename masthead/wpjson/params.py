"""Query parameters as WordPress reads and refuses them.

Each endpoint names its parameters (``Param``); ``read`` checks all of
them at once and raises ``InvalidParameters`` naming every wrong one, as
WordPress's schema validation does (400 ``rest_invalid_param``, with a
``details`` entry per parameter). A parameter WordPress knows but
Masthead does not read is ignored, as WordPress ignores unknown ones.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from masthead.lib.i18n import content_language_codes

from .errors import InvalidParameters

TRUE = {"true", "1", ""}
FALSE = {"false", "0"}


@dataclass(frozen=True)
class Param:
    kind: str  # integer, string, boolean, date, ids, strings, choice, language
    default: object = None
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()

    def schema(self) -> dict:
        """The parameter as the index describes it (WordPress's ``args``)."""
        types = {"ids": "array", "strings": "array", "date": "string", "choice": "string",
                 "language": "string"}  # fmt: skip
        described: dict = {"type": types.get(self.kind, self.kind), "required": False}
        if self.default is not None:
            described["default"] = self.default
        if self.kind == "date":
            described["format"] = "date-time"
        if self.kind in ("ids", "strings"):
            described["items"] = {"type": "integer" if self.kind == "ids" else "string"}
        if self.minimum is not None:
            described["minimum"] = self.minimum
        if self.maximum is not None:
            described["maximum"] = self.maximum
        if self.choices:
            described["enum"] = list(self.choices)
        if self.kind == "language":
            described["enum"] = content_language_codes()
        return described


@dataclass
class _Problems:
    found: dict[str, tuple[str, str]] = field(default_factory=dict)

    def add(self, name: str, code: str, message: str) -> None:
        self.found.setdefault(name, (code, message))


def _values(query: QueryDict, name: str) -> list[str] | None:
    """The values given for ``name``: ``name=1,2``, ``name=1&name=2`` or
    ``name[]=1&name[]=2`` (PHP's form, which WordPress clients send)."""
    values = query.getlist(name) + query.getlist(f"{name}[]")
    if not values and name not in query and f"{name}[]" not in query:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _not_of_type(name: str, kind: str) -> tuple[str, str]:
    # Translators: WordPress's message for a query parameter of the wrong
    # type; "type" is a JSON type name (integer, boolean, array)
    return "rest_invalid_type", _("%(name)s is not of type %(type)s.") % {
        "name": name,
        "type": kind,
    }


def _integer(name: str, text: str, param: Param, problems: _Problems) -> int | None:
    if not re.fullmatch(r"-?\d{1,9}", text):
        problems.add(name, *_not_of_type(name, "integer"))
        return None
    number = int(text)
    low, high = param.minimum, param.maximum
    if low is not None and high is not None and not low <= number <= high:
        problems.add(
            name,
            "rest_out_of_bounds",
            _("%(name)s must be between %(minimum)s (inclusive) and %(maximum)s (inclusive)")
            % {"name": name, "minimum": low, "maximum": high},
        )
        return None
    if low is not None and number < low:
        problems.add(
            name,
            "rest_out_of_bounds",
            _("%(name)s must be greater than or equal to %(minimum)s")
            % {"name": name, "minimum": low},
        )
        return None
    return number


def parse_date(text: str) -> datetime | None:
    """An RFC 3339 time as WordPress takes it; without an offset it is the
    site's local time."""
    try:
        moment = parse_datetime(text.replace(" ", "+") if "T" in text else text)
    except ValueError:
        return None
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    try:  # at the edge of the calendar a time may not exist in UTC
        return moment.astimezone(UTC)
    except OverflowError:
        return None


def read(query: QueryDict, params: dict[str, Param]) -> dict[str, object]:
    """The values of ``params`` in ``query`` (their defaults when absent),
    or InvalidParameters naming each one that WordPress would refuse."""
    problems = _Problems()
    values: dict[str, object] = {}
    for name, param in params.items():
        given = _values(query, name) if param.kind in ("ids", "strings") else None
        raw = query.get(name)
        if param.kind in ("ids", "strings"):
            if given is None:
                values[name] = param.default
                continue
            if param.kind == "strings":
                values[name] = given
                continue
            numbers = []
            for index, item in enumerate(given):
                if not re.fullmatch(r"\d{1,9}", item):
                    problems.add(
                        name,
                        "rest_invalid_type",
                        # Translators: WordPress's message for one wrong item of a list
                        # parameter, e.g. "categories[0] is not of type integer."
                        _("%(name)s[%(index)s] is not of type %(type)s.")
                        % {"name": name, "index": index, "type": "integer"},
                    )
                    break
                numbers.append(int(item))
            values[name] = numbers
            continue
        if raw is None:
            values[name] = param.default
            continue
        raw = raw.strip()
        if param.kind == "integer":
            values[name] = _integer(name, raw, param, problems)
        elif param.kind == "boolean":
            if raw.lower() in TRUE:
                values[name] = True
            elif raw.lower() in FALSE:
                values[name] = False
            else:
                problems.add(name, *_not_of_type(name, "boolean"))
        elif param.kind == "date":
            moment = parse_date(raw)
            if moment is None:
                problems.add(name, "rest_invalid_date", _("Invalid date."))
            values[name] = moment
        elif param.kind in ("choice", "language"):
            choices = param.choices if param.kind == "choice" else tuple(content_language_codes())
            if raw not in choices:
                problems.add(
                    name,
                    "rest_not_in_enum",
                    # Translators: WordPress's message for a value outside a list;
                    # "choices" is the list, comma-separated
                    _("%(name)s is not one of %(choices)s.")
                    % {"name": name, "choices": ", ".join(choices)},
                )
            values[name] = raw
        else:
            values[name] = raw
    if problems.found:
        raise InvalidParameters(problems.found)
    return values
