import os

from django.core.wsgi import get_wsgi_application

os.environ["DJANGO_SETTINGS_MODULE"] = "refsite.settings"  # never Masthead's
application = get_wsgi_application()
