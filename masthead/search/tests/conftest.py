import pytest


@pytest.fixture
def indexed(make_article, django_capture_on_commit_callbacks):
    """make_article, indexed: the index follows a save when its transaction
    commits, which a test's own transaction never does."""

    def make(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make_article(*args, **kwargs)

    return make
