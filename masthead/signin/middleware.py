from . import services


class SessionActivityMiddleware:
    """Keep "last activity" of the signed-in sessions list current, with at
    most one write per session every ``SESSION_SEEN_INTERVAL`` seconds.

    Goes after AuthenticationMiddleware. It looks only at requests whose
    view read the session anyway (the desk and the admin do, to know who is
    signed in), so reader pages cost no extra query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.session.accessed and request.user.is_authenticated:
            services.touch(request)
        return response
