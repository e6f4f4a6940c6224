"""The section tree as reader pages walk it: every section loaded once per
content generation, then the sections below one and the top-level one
above it found in that list, without another query."""

from masthead.lib.generations import per_generation

from .models import Section


def sections_for(request) -> list[Section]:
    """All sections: one query per content generation in this process."""
    return per_generation(request, ("sections",), lambda: list(Section.objects.all()))


def section_by_slug(sections: list[Section], language: str, slug: str) -> Section | None:
    """The section at ``slug`` in ``language``: one with that address of
    its own first, else one whose address falls back to another language's
    (Section.slug_in: a section without an Arabic name on the Arabic site)."""
    return next((s for s in sections if s.slugs.get(language) == slug), None) or next(
        (s for s in sections if s.slug_in(language) == slug), None
    )


def section_by_pk(sections: list[Section], pk: int) -> Section | None:
    return next((s for s in sections if s.pk == pk), None)


def section_tree_ids(sections: list[Section], root: Section) -> set[int]:
    """The ids of ``root`` and every section below it."""
    ids, frontier = {root.pk}, [root.pk]
    while frontier:
        children = [s.pk for s in sections if s.parent_id in frontier and s.pk not in ids]
        ids.update(children)
        frontier = children
    return ids


def root_section(request, section: Section) -> Section:
    """The top-level section above ``section`` (the one the menu shows)."""
    by_pk = {s.pk: s for s in sections_for(request)}
    node = by_pk.get(section.pk, section)
    while node.parent_id and node.parent_id in by_pk:
        node = by_pk[node.parent_id]
    return node
