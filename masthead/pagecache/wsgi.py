"""A stored page answered before Django: the WSGI side of local.py."""

from . import local
from .middleware import answer


def with_local_hits(django_application):
    """``django_application``, but a request whose page this worker keeps
    in memory (local.py) is answered from it, without entering Django."""

    def application(environ, start_response):
        kept = local.find(environ)
        if kept is None:
            return django_application(environ, start_response)
        status, headers, body = answer(
            environ, kept.page, state="HIT", next_change=kept.next_change
        )
        start_response(local.status_line(status), list(headers.items()))
        return [body]

    return application
