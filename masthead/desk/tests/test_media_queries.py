"""The media library's grid costs the same few queries however many images
it shows and however they were found."""

import pytest
from django.urls import reverse

from .test_article_list_scale import session_from_cache


@pytest.mark.parametrize("count", [1, 12])
@pytest.mark.parametrize(
    "filters",
    [{}, {"q": "Rathaus", "uploaded": "me", "use": "unused", "orientation": "landscape"}],
    ids=["plain", "filtered"],
)
def test_the_grid(editor_client, editor, make_image, assert_num_queries, count, filters):
    for n in range(count):
        make_image(40, 30, name=f"rathaus-{n}.png", user=editor, alt={"de": "Das Rathaus"})
    editor_client.get(reverse("desk:media"))  # the session is read once
    # Expect 7 queries (6 with Redis, where the session comes from the cache):
    # 1. the session
    # 2. the signed-in user
    # 3. whether they have a second sign-in factor (two-factor middleware)
    # 4. the user's groups (their roles, for the rules)
    # 5. whether their roles must sign in with two factors
    # 6. the page of images, with their uploaders (one join), one more than shown
    # 7. their small renditions, for the thumbnails
    with assert_num_queries(7 - session_from_cache()):
        response = editor_client.get(reverse("desk:media"), filters)
    assert len(response.context["page"].object_list) == count
