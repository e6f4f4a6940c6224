"""Signing in and out: throttling (django-axes), the sign-in audit trail and
the list of a user's signed-in sessions."""
