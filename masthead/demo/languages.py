"""The content languages of a demo site: ``masthead demo --languages de,en,fr,ar``.

The settings read MASTHEAD_LANGUAGES once, as Django starts, so the
``masthead`` command (masthead/cli.py) hands the option on before that, and
the demo command checks it again to say what is wrong with it. Nothing
here imports Django's settings."""

from collections.abc import Mapping

from babel import Locale, UnknownLocaleError

OPTION = "--languages"


def parse_languages(value: str, default: str) -> list[str]:
    """The language codes of ``value`` ("de,en,fr,ar"), in their order.

    Raises ValueError, with a sentence for the person who typed it, for an
    empty list, a code CLDR does not know, a code named twice, or a list
    without ``default``, the site's default language.
    """
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    if not codes:
        raise ValueError(f"{OPTION} needs language codes, e.g. {OPTION} de,en,fr,ar.")
    for code in codes:
        if not _known(code):
            raise ValueError(
                f"{OPTION}: {code!r} is not a language code "
                "(use codes such as de, en, fr, ar, pt-br, zh-hans)."
            )
        if codes.count(code) > 1:
            raise ValueError(f"{OPTION} names {code} twice.")
    if default not in codes:
        raise ValueError(
            f"{OPTION} must include {default}, the site's default language "
            f"(e.g. {OPTION} {','.join([default, *codes])}). To make another "
            "language the default, set MASTHEAD_DEFAULT_LANGUAGE as well."
        )
    return codes


def default_language(environ: Mapping[str, str]) -> str:
    """The site's default language before Django starts, as masthead/settings.py
    makes it: MASTHEAD_DEFAULT_LANGUAGE, else the first of MASTHEAD_LANGUAGES
    (whose default is "de,en")."""
    if default := environ.get("MASTHEAD_DEFAULT_LANGUAGE"):
        return default
    configured = [c.strip() for c in environ.get("MASTHEAD_LANGUAGES", "").split(",") if c.strip()]
    return configured[0] if configured else "de"


def option_value(args: list[str]) -> str | None:
    """The value of --languages in a command's arguments (the last one, as
    argparse takes it), or None."""
    value = None
    for n, arg in enumerate(args):
        if arg == OPTION and n + 1 < len(args):
            value = args[n + 1]
        elif arg.startswith(OPTION + "="):
            value = arg.partition("=")[2]
    return value


def _known(code: str) -> bool:
    try:
        Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError):
        return False
    return True
