"""Path converters of Masthead's addresses (registered in masthead/urls.py)."""


class UnicodeSlugConverter:
    """A slug in any script: letters, digits, "-" and "_" ("مجلس-المدينة",
    "kyiv-skhvalyv-biudzhet"). Django's own ``slug`` takes ASCII only."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
