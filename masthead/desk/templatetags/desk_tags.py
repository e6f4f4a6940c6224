"""Template helpers of the newsroom back office."""

from django import template
from django.utils.html import format_html
from js_asset import Media

from masthead.accounts import rules
from masthead.desk.states import STATE_LABELS, state_of
from masthead.lib.i18n import language_name as _language_name

register = template.Library()


@register.filter
def language_name(code):
    """A content language named in the editor's language: "Englisch"."""
    return _language_name(code) if code else ""


@register.simple_tag
def state_badge(article):
    """<span class="state state--scheduled">Scheduled</span>"""
    state = state_of(article)
    return format_html('<span class="state state--{}">{}</span>', state, STATE_LABELS[state])


@register.filter
def may(user, action):
    """``{% if user|may:"create" %}``: an action on the newsroom as a whole
    (see masthead.accounts.rules)."""
    return rules.can(user, action)


@register.simple_tag(takes_context=True)
def csp_media(context, media):
    """A form's media with this request's Content-Security-Policy nonce on
    each tag, the rich text editor's import map included (an inline script)."""
    nonce = getattr(context.get("request"), "csp_nonce", None)
    return Media.from_media(media, nonce=str(nonce) if nonce is not None else "").render()
