import ipaddress
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from masthead.lib.forms import RefuseControlCharacters
from masthead.lib.i18n import content_languages
from masthead.lib.network import is_public_address
from masthead.sections.models import Section

from .models import EventType, Subscription

# Names that never reach the public internet.
LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".localdomain")


class SubscriptionForm(RefuseControlCharacters, forms.ModelForm):
    """Create or change a subscription. The address is checked here for
    what can be known without asking DNS (its scheme, an address or a local
    name); every try checks the addresses the name resolves to
    (lib/network.py, at every try)."""

    url = forms.URLField(
        label=_("Address"),
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"spellcheck": "false"}),
        help_text=_("The receiver's address; Masthead sends each event to it as a POST request."),
    )
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=EventType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The changes the receiver is told of."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=content_languages,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only articles in these languages; none ticked: every language."),
    )
    section_ids = forms.TypedMultipleChoiceField(
        label=_("Sections"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Only articles in these sections or the sections below them; "
            "none ticked: every section."
        ),
    )

    class Meta:
        model = Subscription
        fields = ["url", "description", "events", "languages", "section_ids"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        self.fields["section_ids"].choices = [
            (section.pk, section.name) for section in Section.objects.all()
        ]
        if not self.instance.pk:
            self.initial["events"] = list(EventType.values)

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        parts = urlsplit(url)
        if parts.scheme != "https" and not (
            parts.scheme == "http" and settings.WEBHOOKS_ALLOW_HTTP
        ):
            raise ValidationError(_("The address must start with https://."), code="scheme")
        if parts.username or parts.password:
            raise ValidationError(
                _("The address must not contain a user name or password."), code="credentials"
            )
        host = (parts.hostname or "").rstrip(".").lower()
        if not settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES and _is_local(host):
            raise ValidationError(
                _(
                    "The address must be on the public internet, "
                    "not on this machine or a private network."
                ),
                code="private",
            )
        return url


def _is_local(host: str) -> bool:
    if host == "localhost" or host.endswith(LOCAL_NAMES):
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return not is_public_address(host)
