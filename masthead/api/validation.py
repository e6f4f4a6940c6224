"""Invalid input, told in the caller's language (Accept-Language): the
parser's errors (pydantic's, in English) become Masthead's own sentences,
one per field."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _

# Where a parameter came from: not part of the field's name.
_SOURCES = {"body", "query", "path", "header", "form", "file", "payload", "filters", "data"}


def _field(location) -> str:
    parts = [str(part) for part in location]
    while parts and parts[0] in _SOURCES:
        parts.pop(0)
    return ".".join(parts)


def _message(error: dict) -> str:
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind in ("string_too_long",):
        return _("Enter at most %(limit)s characters.") % {"limit": context.get("max_length")}
    if kind in ("string_too_short",):
        return _("This field cannot be empty.")
    if kind == "too_long":
        return _("Give at most %(limit)s values.") % {"limit": context.get("max_length")}
    if kind == "too_short":
        return _("Give at least %(limit)s values.") % {"limit": context.get("min_length")}
    if kind.startswith("int_") or kind == "int_from_float":
        return _("Enter a whole number.")
    if kind.startswith(("float_", "decimal_")):
        return _("Enter a number.")
    if kind.startswith(("datetime_", "date_", "timezone_")):
        return _("Enter a date and time such as 2026-03-01T09:30:00+01:00.")
    if kind in ("greater_than_equal", "greater_than"):
        return _("Enter a number of at least %(limit)s.") % {
            "limit": context.get("ge", context.get("gt"))
        }
    if kind in ("less_than_equal", "less_than"):
        return _("Enter a number of at most %(limit)s.") % {
            "limit": context.get("le", context.get("lt"))
        }
    if kind == "enum" or kind == "literal_error":
        return _("Choose one of: %(choices)s.") % {"choices": context.get("expected", "")}
    if kind.startswith("string_") or kind == "string_type":
        return _("Enter a text.")
    if kind.startswith("list_"):
        return _("Give a list.")
    if kind.startswith("bool_"):
        return _("Enter true or false.")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("Give an object.")
    return _("This value is not valid.")


def field_errors(errors: list[dict]) -> list[dict]:
    return [{"field": _field(e.get("loc", ())), "message": _message(e)} for e in errors]


def model_errors(error: DjangoValidationError) -> list[dict]:
    """A model's or a service's ValidationError as field errors (its
    messages are translated already)."""
    if hasattr(error, "error_dict"):
        return [
            {"field": "" if name == NON_FIELD_ERRORS else name, "message": message}
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": "", "message": message} for message in error.messages]
