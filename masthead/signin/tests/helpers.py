from masthead.testing import password_of

DESK = "/desk/login/"
ADMIN = "/admin/login/"


def sign_in(client, username, password=None, url=DESK, **headers):
    """POST the sign-in form; the right password unless one is given."""
    return client.post(
        url,
        {"username": username, "password": password or password_of(username)},
        **headers,
    )


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session
