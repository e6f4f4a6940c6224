import pytest


@pytest.fixture
def spanish(settings):
    """Spanish as a third content language."""
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("es", "Español")]
    settings.MACHINE_TRANSLATION = {}


@pytest.fixture
def english_source(make_article, spanish):
    """An English article with a heading, quoted speech, a list and a link."""
    return make_article(
        "The council approves the budget",
        language="en",
        kicker="City hall",
        standfirst="The vote was close.",
        body=(
            "<h2>A long night</h2>"
            "<p>The <b>mayor</b> said the city will build the bridge.</p>"
            "<blockquote><p>We kept our promise.</p></blockquote>"
            '<ul><li>More buses</li><li>New <a href="https://example.org/">parks</a></li></ul>'
        ),
    )
