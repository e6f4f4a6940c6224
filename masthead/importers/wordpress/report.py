"""The import's report, in the operator's language: what was imported,
updated, left as it was, mapped and skipped, and why."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from masthead.lib.i18n import number

from .body import Note
from .services import NOTES, SKIPPED, Report

KINDS = {
    "articles": gettext_lazy("Stories"),
    "pages": gettext_lazy("Pages"),
    "sections": gettext_lazy("Sections"),
    "tags": gettext_lazy("Topics"),
    "authors": gettext_lazy("Authors"),
    "users": gettext_lazy("User accounts"),
    "images": gettext_lazy("Images"),
    "pinned": gettext_lazy("Pinned on the front page"),
}


def lines(report: Report) -> list[str]:
    result = []
    if report.dry_run:
        result.append(_("Dry run: nothing was saved. An import would do this:"))
    for kind, label in KINDS.items():
        counts = report.counts.get(kind)
        if counts is None:
            continue
        result.append(
            # Translators: a line of the import report, e.g.
            # "Stories: 57 new, 2 updated, 0 unchanged".
            _("%(kind)s: %(created)s new, %(updated)s updated, %(unchanged)s unchanged")
            % {
                "kind": label,
                "created": number(counts.created),
                "updated": number(counts.updated),
                "unchanged": number(counts.unchanged),
            }
        )
    if report.languages:
        result.append(
            # Translators: "languages" lists language codes with counts, e.g. "en 57, de 12".
            _("Languages: %(languages)s")
            % {
                "languages": ", ".join(
                    f"{code} {number(count)}" for code, count in report.languages.most_common()
                )
            }
        )
    result.append(
        _(
            "Old addresses that redirect to their new place: %(count)s, besides /?p=…, "
            "/?page_id=… and the rest by id."
        )
        % {"count": number(report.redirects)}
    )
    for key, count in report.notes.items():
        if count:
            result.append(
                # Translators: "what" says what the number counts, e.g.
                # "headlines shortened to fit".
                _("Note — %(what)s: %(count)s") % {"count": number(count), "what": NOTES[key]}
            )
    for key, count in report.skipped.items():
        if count:
            result.append(
                # Translators: "what" says what was left out and why, e.g.
                # "comments (Masthead has no comments)".
                _("Skipped — %(what)s: %(count)s") % {"count": number(count), "what": SKIPPED[key]}
            )
    for note, count in report.body_notes.most_common():
        result.append(
            # Translators: "note" comes from the conversion of the texts
            # (e.g. "audio kept as a link"); "count" is how many texts.
            ngettext("In %(count)s text: %(note)s", "In %(count)s texts: %(note)s", count)
            % {
                "count": number(count),
                "note": note.translated() if isinstance(note, Note) else note,
            }
        )
    return result
