from axes.backends import AxesStandaloneBackend


class ThrottleBackend(AxesStandaloneBackend):
    """axes' check, first in AUTHENTICATION_BACKENDS, for sign-ins that
    come with a request.

    ``authenticate()`` without a request comes from code running on the
    server (``masthead shell``, a management command), not from a client,
    so there is no address to throttle and nothing to refuse; axes itself
    would raise instead.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
