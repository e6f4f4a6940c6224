"""Machines that translate: DeepL's API, a LibreTranslate server, Apertium.

Each provider takes a list of texts in HTML (a field's plain text is
escaped first) and gives them back translated, in the same order, with
their inline markup (bold, links, quotations) where it was. Which one
translates a language pair is the newsroom's choice
(``MACHINE_TRANSLATION`` in the settings, e.g. ``en:es=apertium``); a pair
without one is translated by hand, as before.

A glossary (``Glossary``, per language pair) names terms the machine must
not translate on its own: a name kept as it is, or a term with the
newsroom's translation. Before a text goes to a machine each such term is
replaced by an empty placeholder tag, which all three keep in place as
they keep any markup; the term (or its translation) is put back after.

A provider that fails raises :class:`ProviderError` with a message for
the desk in the active language and whether trying again may help (a
time-out, a server error, too many requests) or not (a refused key, a
spent quota, an answer that is not a translation).
"""

import html
import json
import re
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from masthead.lib.i18n import language_name


class ProviderError(Exception):
    def __init__(self, message: str, *, retry: bool = False):
        super().__init__(message)
        self.message = message
        self.retry = retry


@dataclass(frozen=True)
class Provider:
    """A machine translation service, as the settings configure it."""

    name = ""
    label = ""
    # Texts sent in one request (DeepL takes at most 50).
    batch = 50

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        raise NotImplementedError


def _timeout() -> float:
    return float(settings.MACHINE_TRANSLATION_TIMEOUT)


def _post_json(url: str, payload: dict, headers: dict, provider: str) -> tuple[int, object]:
    """POST ``payload`` as JSON; (status, the decoded answer). Network
    failures become a ProviderError worth retrying."""
    request = urllib.request.Request(  # noqa: S310 (the settings' http(s) address)
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json", **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=_timeout()) as response:  # noqa: S310 (a configured http(s) address)
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    except TimeoutError as error:
        raise ProviderError(
            _("%(provider)s did not answer within %(seconds)s seconds.")
            % {"provider": provider, "seconds": int(_timeout())},
            retry=True,
        ) from error
    except (urllib.error.URLError, OSError) as error:
        raise ProviderError(
            _("%(provider)s cannot be reached (%(reason)s).")
            % {"provider": provider, "reason": getattr(error, "reason", error)},
            retry=True,
        ) from error
    try:
        answer = json.loads(raw.decode() or "null")
    except (UnicodeDecodeError, json.JSONDecodeError):
        answer = None
    return status, answer


def _garbage(provider: str) -> ProviderError:
    return ProviderError(
        _("%(provider)s answered with something that is not a translation.")
        % {"provider": provider}
    )


def _refused(provider: str) -> ProviderError:
    return ProviderError(
        _("%(provider)s refused the key in the settings. An administrator has to check it.")
        % {"provider": provider}
    )


def _quota(provider: str) -> ProviderError:
    return ProviderError(
        _(
            "The quota of %(provider)s is used up for now. The segments translated so "
            "far are kept; translate the others by hand or try again later."
        )
        % {"provider": provider}
    )


def _busy(provider: str) -> ProviderError:
    return ProviderError(
        _("%(provider)s is busy or failed (it asked to try later).") % {"provider": provider},
        retry=True,
    )


def _check(status: int, answer: object, provider: str, quota_status: int | None = None) -> None:
    """Raise the ProviderError an HTTP provider's answer means, if any: a
    refused key, a spent quota (DeepL's 456), a busy or failing server, a
    refusal it explains ({"error": "…"}, as LibreTranslate does), or an
    answer that is not a JSON object."""
    if status in (401, 403):
        raise _refused(provider)
    if quota_status is not None and status == quota_status:
        raise _quota(provider)
    if status == 429 or status >= 500:
        raise _busy(provider)
    if status != 200 or not isinstance(answer, dict):
        if isinstance(answer, dict) and isinstance(answer.get("error"), str):
            raise ProviderError(
                _("%(provider)s refused the text: %(reason)s")
                % {"provider": provider, "reason": answer["error"][:200]}
            )
        raise _garbage(provider)


def _texts_of(answer: object, count: int, provider: str) -> list[str]:
    if (
        not isinstance(answer, list)
        or len(answer) != count
        or not all(isinstance(text, str) for text in answer)
    ):
        raise _garbage(provider)
    return answer


@dataclass(frozen=True)
class DeepL(Provider):
    """DeepL's API v2 (https://developers.deepl.com/docs/api-reference/translate)."""

    name = "deepl"
    label = "DeepL"
    url: str = ""
    key: str = ""

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        status, answer = _post_json(
            self.url.rstrip("/") + "/v2/translate",
            {
                "text": texts,
                "source_lang": _deepl_source(source),
                "target_lang": _deepl_target(target),
                "tag_handling": "html",
                "preserve_formatting": True,
            },
            {"Authorization": f"DeepL-Auth-Key {self.key}"},
            self.label,
        )
        _check(status, answer, self.label, quota_status=456)
        translations = answer.get("translations")
        if not isinstance(translations, list):
            raise _garbage(self.label)
        return _texts_of(
            [t.get("text") if isinstance(t, dict) else None for t in translations],
            len(texts),
            self.label,
        )


def _deepl_source(code: str) -> str:
    return code.partition("-")[0].upper()


def _deepl_target(code: str) -> str:
    # DeepL wants the variant for English and Portuguese ("EN-GB", "PT-BR").
    upper = code.upper()
    if upper in ("EN", "PT"):
        return {"EN": "EN-GB", "PT": "PT-PT"}[upper]
    return upper


@dataclass(frozen=True)
class LibreTranslate(Provider):
    """A LibreTranslate server (https://docs.libretranslate.com/guides/api_usage/)."""

    name = "libretranslate"
    label = "LibreTranslate"
    url: str = ""
    key: str = ""

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        payload = {
            "q": texts,
            "source": source.partition("-")[0],
            "target": target.partition("-")[0],
            "format": "html",
        }
        if self.key:
            payload["api_key"] = self.key
        status, answer = _post_json(self.url.rstrip("/") + "/translate", payload, {}, self.label)
        _check(status, answer, self.label)
        return _texts_of(answer.get("translatedText"), len(texts), self.label)


# Apertium names its language pairs by ISO 639-3 codes.
APERTIUM_CODES = {
    "en": "eng", "es": "spa", "ca": "cat", "fr": "fra", "pt": "por", "it": "ita",
    "de": "deu", "nl": "nld", "eo": "epo", "gl": "glg", "oc": "oci", "an": "arg",
    "eu": "eus", "ro": "ron", "sv": "swe", "da": "dan", "nb": "nob", "nn": "nno",
}  # fmt: skip


@dataclass(frozen=True)
class Apertium(Provider):
    """Apertium on this machine (``apertium -f html eng-spa``): rule-based,
    offline, for the pairs installed from Debian's ``apertium-*`` packages.
    The texts of one request go through one run, each a paragraph of its
    own, told apart by a marker paragraph Apertium does not translate."""

    name = "apertium"
    label = "Apertium"
    command: str = "apertium"
    batch = 200

    MARK = '<hr data-segment="">'

    def pair(self, source: str, target: str) -> str:
        codes = [APERTIUM_CODES.get(code.partition("-")[0], code) for code in (source, target)]
        return "-".join(codes)

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        document = self.MARK.join(f"<p>{text}</p>" for text in texts)
        try:
            run = subprocess.run(  # noqa: S603 (a fixed program and its arguments, no shell)
                [self.command, "-u", "-f", "html", self.pair(source, target)],
                input=document,
                capture_output=True,
                text=True,
                timeout=_timeout(),
                check=False,
            )
        except FileNotFoundError as error:
            raise ProviderError(
                _("Apertium is not installed on this server (%(command)s).")
                % {"command": self.command}
            ) from error
        except subprocess.TimeoutExpired as error:
            raise ProviderError(
                _("%(provider)s did not answer within %(seconds)s seconds.")
                % {"provider": self.label, "seconds": int(_timeout())},
                retry=True,
            ) from error
        if run.returncode != 0:
            reason = (run.stderr or "").strip().splitlines()[-1:] or [str(run.returncode)]
            raise ProviderError(
                _("Apertium cannot translate from %(source)s to %(target)s: %(reason)s")
                % {
                    "source": language_name(source),
                    "target": language_name(target),
                    "reason": reason[0][:200],
                }
            )
        parts = run.stdout.strip().split(self.MARK)
        translated = []
        for part in parts:
            match = re.fullmatch(r"\s*<p>(.*)</p>\s*", part, re.DOTALL)
            if match is None:
                raise _garbage(self.label)
            translated.append(match[1].strip())
        return _texts_of(translated, len(texts), self.label)


def provider_for(source: str, target: str) -> Provider | None:
    """The provider the settings choose for translating ``source`` into
    ``target``, or None (by hand)."""
    name = settings.MACHINE_TRANSLATION.get(
        f"{source}:{target}"
    ) or settings.MACHINE_TRANSLATION.get(f"*:{target}")
    return provider_named(name) if name else None


def provider_named(name: str) -> Provider | None:
    if name == "deepl" and settings.DEEPL_API_KEY:
        return DeepL(url=settings.DEEPL_API_URL, key=settings.DEEPL_API_KEY)
    if name == "libretranslate" and settings.LIBRETRANSLATE_URL:
        return LibreTranslate(url=settings.LIBRETRANSLATE_URL, key=settings.LIBRETRANSLATE_API_KEY)
    if name == "apertium":
        return Apertium(command=settings.APERTIUM_COMMAND)
    return None


def plain_to_html(text: str) -> str:
    return html.escape(text, quote=False)
