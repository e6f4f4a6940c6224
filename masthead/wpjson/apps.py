from django.apps import AppConfig


class WpJsonConfig(AppConfig):
    """WordPress's REST API (read), so that WordPress front ends, apps and
    tools can read a Masthead site: masthead/wpjson/views.py."""

    name = "masthead.wpjson"
    label = "wpjson"
    # A product's name, the same in every language.
    verbose_name = "WordPress REST API"
