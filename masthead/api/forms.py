from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from masthead.lib.forms import RefuseControlCharacters

from .models import Scope


class TokenForm(RefuseControlCharacters, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("The system that will use the token, e.g. “Newsletter” or “Print”."),
    )
    user = forms.ModelChoiceField(
        label=_("Acts for"),
        queryset=get_user_model().objects.none(),
        help_text=_("The token has this member's rights in the newsroom, and no more."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=Scope.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Without a scope the token reads what readers see, and nothing else."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model().objects.filter(is_active=True, is_staff=True).order_by("username")
        )
