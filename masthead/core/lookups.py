"""``__in`` lookups that leave out numbers beyond the column's range.

Django already does this for ``exact``, ``gt``, ``gte``, ``lt`` and ``lte``
on integer fields (``IntegerFieldOverflow`` in django.db.models.lookups):
``Article.objects.filter(pk=10**20)`` finds nothing. It does not for ``in``,
so ``filter(pk__in=[10**20])`` reaches SQLite with a number its 64-bit
INTEGER cannot hold and fails with OverflowError: a 500 for a crafted tag
id in the article form, in any admin form with a list of choices
(``ModelMultipleChoiceField`` asks ``pk__in``) and in the admin's bulk
actions. No row can hold such a number, so leaving it out of the list
changes no result; a list left empty matches nothing, as ``in []`` does.

Registered on ``IntegerField`` (ids included) by CoreConfig.ready(), the
way Django registers its own integer lookups.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
