import pytest

from masthead.lib.jobs import run_due_jobs
from masthead.webhooks.models import EventType, Subscription


@pytest.fixture(autouse=True)
def _local_receivers(settings):
    """The receivers of these tests listen on 127.0.0.1 over plain http."""
    settings.WEBHOOKS_ALLOW_HTTP = True
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    settings.WEBHOOKS_TIMEOUT = 1
    settings.WEBHOOKS_RETRY_SECONDS = 0
    settings.WEBHOOKS_ATTEMPTS = 3
    settings.WEBHOOKS_DISABLE_AFTER = 2


@pytest.fixture
def subscribe(db, administrator):
    """``subscribe(url, events=…, languages=…, section_ids=…)``: a subscription
    made by ada the administrator."""

    def make(url, *, events=tuple(EventType.values), **fields):
        return Subscription.objects.create(
            url=url, events=list(events), created_by=administrator, **fields
        )

    return make


@pytest.fixture
def settle(django_capture_on_commit_callbacks):
    """``settle()``: run the queued jobs that are due as a worker would,
    and what their commits queue, until nothing is left to run."""

    def run():
        while True:
            with django_capture_on_commit_callbacks(execute=True) as callbacks:
                ran = run_due_jobs()
            if not ran and not callbacks:
                return

    return run


@pytest.fixture
def commit(django_capture_on_commit_callbacks, settle):
    """``with commit(): …``: the block's transaction commits at its end
    (its on-commit callbacks run, and the ones they add), then the queued
    jobs that are due run as a worker would run them."""
    from contextlib import contextmanager

    @contextmanager
    def committed():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        settle()

    return committed
