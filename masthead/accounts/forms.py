from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, authenticator=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""
        if not authenticator:  # passkeys only: the field is for recovery codes
            self.fields["code"].help_text = _("One of your recovery codes.")


class ConfirmDeviceForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        help_text=_("Type the six digits the app shows now, to prove it is set up."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""


class PasswordConfirmForm(forms.Form):
    """The current password, asked again before a change to sign-in."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="password")
        return password


class DeskPasswordResetForm(PasswordResetForm):
    """Django's form, with links built from SITE_URL (never the request's
    Host) by the e-mail template."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    def save(self, **kwargs):
        from urllib.parse import urlsplit

        from django.conf import settings

        kwargs["domain_override"] = urlsplit(settings.SITE_URL).netloc
        kwargs["extra_email_context"] = {
            **(kwargs.get("extra_email_context") or {}),
            "site_url": settings.SITE_URL,
            "site_name": settings.SITE_NAME,
        }
        return super().save(**kwargs)
