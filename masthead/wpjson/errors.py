"""WordPress's error answers: ``{"code": …, "message": …, "data": {"status": …}}``.

The codes are WordPress's own, so that a client that checks them
(``rest_post_invalid_id``, ``rest_invalid_param`` …) behaves as it does
with WordPress; the messages are WordPress's sentences, translated.
"""

from django.utils.translation import gettext as _


class RestError(Exception):
    """An answer other than 200, as WordPress gives it."""

    def __init__(self, code: str, message: str, status: int, **data: object) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.data = data

    def as_json(self) -> dict:
        return {
            "code": self.code,
            "message": self.message,
            "data": {"status": self.status, **self.data},
        }


class InvalidParameters(RestError):
    """One or more query parameters WordPress would refuse: 400
    ``rest_invalid_param``, each parameter with its reason."""

    def __init__(self, problems: dict[str, tuple[str, str]]) -> None:
        # problems: parameter -> (WordPress's code of the detail, message)
        super().__init__(
            "rest_invalid_param",
            # Translators: WordPress's answer to a wrong query parameter; names are parameter names
            _("Invalid parameter(s): %(names)s") % {"names": ", ".join(problems)},
            400,
            params={name: message for name, (_code, message) in problems.items()},
            details={
                name: {"code": code, "message": message, "data": None}
                for name, (code, message) in problems.items()
            },
        )


def no_route() -> RestError:
    return RestError(
        "rest_no_route",
        _("No route was found matching the URL and request method."),
        404,
    )


def invalid_post_id() -> RestError:
    return RestError("rest_post_invalid_id", _("Invalid post ID."), 404)


def invalid_term() -> RestError:
    return RestError("rest_term_invalid", _("Term does not exist."), 404)


def invalid_user_id() -> RestError:
    return RestError("rest_user_invalid_id", _("Invalid user ID."), 404)


def invalid_page_number() -> RestError:
    return RestError(
        "rest_post_invalid_page_number",
        _("The page number requested is larger than the number of pages available."),
        400,
    )


def no_search_term() -> RestError:
    return RestError(
        "rest_no_search_term_defined",
        _("You need to define a search term to order by relevance."),
        400,
    )
