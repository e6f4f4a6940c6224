"""A newsroom's theme (README.md, "Theming"): a folder named by
MASTHEAD_THEME_DIR whose fragments replace Masthead's, and whose static
files (a site-theme.css above all) are collected, linked and served. Without
one, the reader pages look as Masthead ships them."""

import re
import runpy

import lxml.html
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

THEME_HEADER = """{% load i18n %}<header class="site-header haldenau">
  <a class="site-name" href="{% url 'articles:home' %}">{{ site_name }}: Haldenau Kurier</a>
  <nav class="sections" aria-label="{% translate 'Sections' %}"><ul>
    {% for section in nav_sections %}
    <li><a href="{{ section.get_absolute_url }}">{{ section.name }}</a></li>
    {% endfor %}
  </ul></nav>
</header>
"""
THEME_CSS = ":root { --accent: #00594f; --serif: Charter, serif; }\n"


def masthead_settings(monkeypatch, theme_dir=None) -> dict:
    """The settings masthead/settings.py makes with MASTHEAD_THEME_DIR set
    to ``theme_dir`` (or unset), read afresh."""
    if theme_dir is None:
        monkeypatch.delenv("MASTHEAD_THEME_DIR", raising=False)
    else:
        monkeypatch.setenv("MASTHEAD_THEME_DIR", str(theme_dir))
    return runpy.run_path(str(django_settings.BASE_DIR / "settings.py"))


def use(settings, configured):
    """Run the tests with the theme settings of ``configured``."""
    settings.TEMPLATES = configured["TEMPLATES"]
    settings.STATICFILES_DIRS = configured["STATICFILES_DIRS"]
    settings.THEME_STYLESHEET = configured["THEME_STYLESHEET"]


@pytest.fixture
def theme(tmp_path, monkeypatch, settings):
    """A theme folder with its own header and colours, in use as if named
    by MASTHEAD_THEME_DIR; static files go to an empty STATIC_ROOT, with
    hashed names as in production, once a test runs collectstatic."""
    folder = tmp_path / "theme"
    (folder / "static" / "masthead").mkdir(parents=True)
    (folder / "fragment_header.html").write_text(THEME_HEADER)
    (folder / "static" / "masthead" / "site-theme.css").write_text(THEME_CSS)
    use(settings, masthead_settings(monkeypatch, folder))
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    return folder


def collectstatic():
    call_command("collectstatic", interactive=False, verbosity=0)


def home(client, language="de"):
    with translation.override(language):
        path = reverse("articles:home")
    response = client.get(path)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def stylesheets(root):
    return root.xpath('//head/link[@rel="stylesheet"]/@href')


def test_settings_put_the_theme_first(monkeypatch, tmp_path):
    (tmp_path / "static" / "masthead").mkdir(parents=True)
    configured = masthead_settings(monkeypatch, tmp_path)
    assert configured["TEMPLATES"][0]["DIRS"][0] == tmp_path
    assert configured["STATICFILES_DIRS"][0] == tmp_path / "static"
    assert configured["THEME_STYLESHEET"] is False  # none in the folder yet

    (tmp_path / "static" / "masthead" / "site-theme.css").write_text(THEME_CSS)
    assert masthead_settings(monkeypatch, tmp_path)["THEME_STYLESHEET"] is True


def test_a_theme_may_have_no_static_files(monkeypatch, tmp_path):
    configured = masthead_settings(monkeypatch, tmp_path)
    assert configured["TEMPLATES"][0]["DIRS"][0] == tmp_path
    assert configured["STATICFILES_DIRS"] == [django_settings.BASE_DIR / "static"]
    assert configured["THEME_STYLESHEET"] is False


def test_a_misspelt_theme_folder_stops_the_start(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="MASTHEAD_THEME_DIR"):
        masthead_settings(monkeypatch, tmp_path / "no-such-theme")


def test_without_a_theme_the_pages_look_as_masthead_ships_them(
    client, settings, make_article, monkeypatch
):
    configured = masthead_settings(monkeypatch)
    assert configured["TEMPLATES"][0]["DIRS"] == [django_settings.BASE_DIR / "templates"]
    assert configured["STATICFILES_DIRS"] == [django_settings.BASE_DIR / "static"]
    assert configured["THEME_STYLESHEET"] is False
    use(settings, configured)
    make_article()

    root = home(client)
    assert stylesheets(root) == ["/static/masthead/site.css"]
    [header] = root.xpath("//body/header")
    assert header.get("class") == "site-header"
    assert header.xpath('.//a[@class="site-name"]/text()') == ["Masthead"]
    assert header.xpath('.//nav[@class="sections"]//a/text()') == ["Welt"]
    [footer] = root.xpath("//body/footer")
    assert footer.xpath(".//p/text()") == ["© Masthead"]
    assert len(footer.xpath('.//ul[@class="footer-links"]/li/a')) == 4


def test_a_theme_replaces_the_header_and_keeps_the_rest(client, theme, make_article):
    make_article()
    collectstatic()

    root = home(client)
    [header] = root.xpath("//body/header")
    assert header.get("class") == "site-header haldenau"
    assert header.xpath('.//a[@class="site-name"]/text()') == ["Masthead: Haldenau Kurier"]
    assert header.xpath(".//nav//a/text()") == ["Welt"]
    # Only the header is the theme's: the footer and the page are Masthead's.
    [footer] = root.xpath("//body/footer")
    assert footer.xpath(".//p/text()") == ["© Masthead"]
    assert root.xpath('//a[@class="skip-link"]/@href') == ["#main"]
    assert root.xpath("//main//h2/a/text()") == ["Der Rat beschließt den Haushalt"]


def test_a_theme_stylesheet_is_collected_linked_after_site_css_and_served(
    client, theme, make_article
):
    make_article()
    collectstatic()
    collected = django_settings.STATIC_ROOT / "masthead" / "site-theme.css"
    assert collected.read_text() == THEME_CSS

    site_css, theme_css = stylesheets(home(client))
    assert re.fullmatch(r"/static/masthead/site\.[0-9a-f]{12}\.css", site_css)
    assert re.fullmatch(r"/static/masthead/site-theme\.[0-9a-f]{12}\.css", theme_css)
    response = Client().get(theme_css)  # WhiteNoise, from STATIC_ROOT
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert b"".join(response.streaming_content).decode() == THEME_CSS
    # Masthead's own variables stay underneath: the theme changes only some.
    site = b"".join(Client().get(site_css).streaming_content).decode()
    assert "--accent: #a3161a;" in site


def test_a_theme_file_wins_over_masthead_s_own_of_the_same_name(theme):
    (theme / "static" / "masthead" / "favicon.svg").write_text("<svg/>")
    collectstatic()
    assert (django_settings.STATIC_ROOT / "masthead" / "favicon.svg").read_text() == "<svg/>"


# Every colour and font of the reader stylesheet is a custom property, so
# that a theme's site-theme.css can change any of them.

COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(")
NAMED_COLOUR = re.compile(
    r"(?:color|background|border[a-z-]*|outline[a-z-]*)\s*:[^;}]*?"
    r"\b(white|black|red|gray|grey|silver|navy)\b"
)


def site_css_rules() -> tuple[str, str]:
    """The :root block of site.css and everything after it, comments removed."""
    text = (django_settings.BASE_DIR / "static" / "masthead" / "site.css").read_text()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    root = re.search(r":root\s*\{(.*?)\}", text, flags=re.S)
    return root.group(1), text[root.end() :]


def test_the_stylesheet_names_every_colour_and_font_once_in_root():
    root, rules = site_css_rules()
    assert COLOUR.findall(rules) == []
    assert NAMED_COLOUR.findall(rules) == []
    for declaration in re.findall(r"font(?:-family)?\s*:([^;}]*)", rules):
        assert "var(--serif)" in declaration or "var(--sans)" in declaration, declaration
    assert "--serif:" in root and "--sans:" in root
