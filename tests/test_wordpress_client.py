"""A real WordPress API client reads Masthead: the ``wpapi`` npm package
(node-wpapi, the client WordPress's REST API team published), run with
node against a live Masthead server. It finds the API from a page's
discovery header, lists posts, pages through them, embeds, filters by
category, searches and gets a post by id; what it returns is checked
against the database.

wpapi is installed into ``.cache/npm`` as scripts/test.sh installs
axe-core; the test is skipped, saying why, only where npm is missing."""

import json
import os
import shutil
import subprocess
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from masthead.articles import services
from masthead.articles.models import Article

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / ".cache" / "npm" / "node_modules"
WPAPI = "wpapi@1"

# What the client does, printed as JSON for the test to check.
SCRIPT = r"""
const WPAPI = require("wpapi");
const [base, sectionId, postId, draftId] = process.argv.slice(2);
const ids = (posts) => posts.map((post) => post.id);

(async () => {
  const out = {};
  const wp = new WPAPI({ endpoint: base + "/wp-json" });

  const first = await wp.posts().perPage(2).get();
  out.first = ids(first);
  out.paging = { total: first._paging.total, totalPages: first._paging.totalPages };
  const second = await first._paging.next.get();
  out.second = ids(second);
  out.secondHasNext = Boolean(second._paging.next);
  out.backToFirst = ids(await second._paging.prev.get());

  const embedded = await wp.posts().embed().perPage(100).get();
  out.embedded = embedded.map((post) => ({
    id: post.id,
    authors: (post._embedded.author || []).map((user) => user.name),
    image: ((post._embedded["wp:featuredmedia"] || [])[0] || {}).source_url || null,
    categories: post._embedded["wp:term"][0].map((term) => term.name),
    tags: post._embedded["wp:term"][1].map((term) => term.name),
  }));

  out.inCategory = ids(await wp.posts().categories(Number(sectionId)).get());
  out.search = ids(await wp.posts().search("Sturm").get());

  const one = await wp.posts().id(Number(postId)).get();
  out.one = {
    id: one.id, title: one.title.rendered, link: one.link, date_gmt: one.date_gmt,
    content: one.content.rendered, categories: one.categories, author: one.author,
  };
  out.categories = (await wp.categories().get()).map((c) => [c.id, c.name, c.parent, c.count]);

  try {
    await wp.posts().id(Number(draftId)).get();
    out.draft = "found";
  } catch (error) {
    out.draft = { code: error.code, status: error.data && error.data.status };
  }

  // Discovery: from a page's Link header to the index and its routes.
  const discovered = await WPAPI.discover(base + "/de/");
  out.discovered = ids(await discovered.posts().perPage(1).get());

  console.log(JSON.stringify(out));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
"""


@pytest.fixture(scope="module")
def wpapi():
    """The wpapi package in .cache/npm, installed with npm when missing."""
    if not (NODE_MODULES / "wpapi" / "package.json").is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: the WordPress client (wpapi) runs with node")
        subprocess.run(
            [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix",
             str(NODE_MODULES.parent), WPAPI],
            check=True,
            timeout=300,
        )  # fmt: skip
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("node is not installed: the WordPress client (wpapi) runs with it")
    return node


@pytest.fixture
def site(live_server, settings, make_article, make_tag, make_author, make_image, author, world):
    """Stories in the live server's database (committed: the server's
    thread reads them, and the search index follows the commits)."""
    from masthead import urls

    settings.SITE_URL = live_server.url
    for pattern in urls.urlpatterns:  # uploads under this test's MEDIA_ROOT
        if "document_root" in getattr(pattern, "default_args", {}):
            pattern.default_args["document_root"] = settings.MEDIA_ROOT
    from masthead.sections.models import Section

    europe = Section.objects.create(
        parent=world, names={"de": "Europa", "en": "Europe"}, slugs={"de": "europa", "en": "europe"}
    )
    jonas = make_author("Jonas Weber")
    image = make_image(width=60, height=40, alt={"de": "Das Rathaus"})
    stories = [
        make_article(
            f"Meldung Nummer {n}",
            age=timedelta(hours=n + 2),
            body=f"<p>Bericht Nummer {n}.</p>",
        )
        for n in range(3)
    ]
    storm = make_article(
        "Sturm über Brüssel",
        section=europe,
        authors=[author, jonas],
        tags=[make_tag("Klima")],
        lead_image=image,
        age=timedelta(hours=1),
        body="<p>Der Sturm erreichte am Abend die Stadt.</p>",
    )
    draft = make_article("Geheimer Entwurf", status=Article.Status.DRAFT, age=None)
    services.publish(
        make_article("Morgen", status=Article.Status.DRAFT, age=None),
        at=timezone.now() + timedelta(days=1),
    )
    return {"storm": storm, "stories": stories, "draft": draft, "europe": europe, "image": image}


def test_a_wordpress_client_reads_the_site(wpapi, live_server, site, author, world, tmp_path):
    script = tmp_path / "client.js"
    script.write_text(SCRIPT)
    result = subprocess.run(
        [wpapi, str(script), live_server.url, str(site["europe"].pk),
         str(site["storm"].pk), str(site["draft"].pk)],
        env=os.environ | {"NODE_PATH": str(NODE_MODULES)},
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)

    public = list(Article.objects.public().in_language("de").order_by("-publish_at"))
    storm, stories = site["storm"], site["stories"]
    assert [a.pk for a in public] == [storm.pk] + [a.pk for a in stories]
    # Listed and paged, newest first, the draft and the scheduled story left out.
    assert out["first"] == [storm.pk, stories[0].pk]
    assert out["paging"] == {"total": 4, "totalPages": 2}
    assert out["second"] == [stories[1].pk, stories[2].pk]
    assert out["secondHasNext"] is False
    assert out["backToFirst"] == out["first"]
    # Embedded: the byline, the lead image and the terms.
    embedded = {post["id"]: post for post in out["embedded"]}
    assert set(embedded) == {a.pk for a in public}
    assert embedded[storm.pk] == {
        "id": storm.pk,
        "authors": ["Lena Hartmann", "Jonas Weber"],
        "image": live_server.url + site["image"].file.url,
        "categories": ["Europa"],
        "tags": ["Klima"],
    }
    assert embedded[stories[0].pk]["image"] is None
    assert embedded[stories[0].pk]["categories"] == ["Welt"]
    # Filtered and searched.
    assert out["inCategory"] == [storm.pk]
    assert out["search"] == [storm.pk]
    # One post, as stored.
    storm.refresh_from_db()
    assert out["one"] == {
        "id": storm.pk,
        "title": "Sturm über Brüssel",
        "link": f"{live_server.url}/de/artikel/{storm.slug}/",
        "date_gmt": storm.publish_at.astimezone(UTC)
        .replace(tzinfo=None, microsecond=0)
        .isoformat(),
        "content": "<p>Der Sturm erreichte am Abend die Stadt.</p>",
        "categories": [site["europe"].pk],
        "author": author.pk,
    }
    assert sorted(out["categories"]) == sorted(
        [[world.pk, "Welt", 0, 3], [site["europe"].pk, "Europa", world.pk, 1]]
    )
    assert out["draft"] == {"code": "rest_post_invalid_id", "status": 404}
    assert out["discovered"] == [storm.pk]
