"""Form helpers shared by the newsroom and the admin."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext

from masthead.lib.text import clean_line, clean_text

# The type checker sees the mixin as the form it is mixed into; at run time
# it is a plain class, and the form's own bases decide the method order.
if TYPE_CHECKING:
    _Form = forms.BaseForm
else:
    _Form = object


class RefuseControlCharacters(_Form):
    """A form mixin for every form that saves text readers get to see.

    Text pasted from a word processor or a PDF can hold invisible control
    characters (see masthead.lib.text). A field whose input holds any is
    refused with a message, and the form shows it again with the
    characters removed: the editor sees the text as it would be saved, and
    saves again. Nothing the editor has not seen is stored. Multi-line
    fields (a Textarea, the rich text editor) keep tabs and line breaks;
    one-line fields do not.

    The models clean the same characters on every save, for the paths
    without a form (importers, the demo loader, the shell).
    """

    def full_clean(self) -> None:
        refused = self._remove_control_characters() if self.is_bound else []
        super().full_clean()
        for name in refused:
            self.add_error(
                name,
                ValidationError(
                    gettext(
                        "This text held invisible control characters, for example from a "
                        "word processor or a PDF. They have been removed: please check the "
                        "text and save again."
                    ),
                    code="control_characters",
                ),
            )

    def _remove_control_characters(self) -> list[str]:
        """Clean the submitted text fields; the names of those that changed."""
        # A QueryDict from a request (several values per key), or a dict.
        data: MultiValueDict[str, Any] | dict[str, Any] = (
            self.data.copy() if isinstance(self.data, MultiValueDict) else dict(self.data)
        )
        refused = []
        for name, field in self.fields.items():
            if not isinstance(field, forms.CharField) or field.disabled:
                continue
            key = self.add_prefix(name)
            if key not in data:
                continue
            clean = clean_text if isinstance(field.widget, forms.Textarea) else clean_line
            if isinstance(data, MultiValueDict):
                values = data.getlist(key)
                cleaned = [clean(v) if isinstance(v, str) else v for v in values]
                if cleaned != values:
                    data.setlist(key, cleaned)
                    refused.append(name)
            elif isinstance(data[key], str) and (value := clean(data[key])) != data[key]:
                data[key] = value
                refused.append(name)
        if refused:
            self.data = data
        return refused
