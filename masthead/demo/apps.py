from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site: its content, its loader and the ``demo`` command."""

    name = "masthead.demo"
    label = "demo"
    verbose_name = "Demo"
