"""The WSGI application `masthead serve` runs: Django's, behind the page
cache's answer from this worker's memory (masthead/pagecache/local.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

django_application = get_wsgi_application()

from masthead.pagecache.wsgi import with_local_hits  # noqa: E402 (needs the settings)

application = with_local_hits(django_application)
