"""Embeds from a pasted address (masthead/lib/embeds.py): every provider's
addresses give its player, made from the address alone; lookalike and
crafted addresses give nothing."""

import re

import pytest

from masthead.lib import embeds

YOUTUBE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
SOUNDCLOUD = "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2F"
DID = "did:plc:z72i7hdynmk6r22z27h6tvur"

# (pasted address, provider, player address, shape)
ADDRESSES = [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", YOUTUBE, "16x9"),
    ("https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "YouTube", YOUTUBE, "16x9"),
    ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "YouTube", YOUTUBE, "16x9"),
    ("https://youtu.be/dQw4w9WgXcQ?si=Ab12Cd34", "YouTube", YOUTUBE, "16x9"),
    ("https://www.youtube.com/live/dQw4w9WgXcQ", "YouTube", YOUTUBE, "16x9"),
    ("https://www.youtube.com/embed/dQw4w9WgXcQ", "YouTube", YOUTUBE, "16x9"),
    ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "YouTube", YOUTUBE, "16x9"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", YOUTUBE, "9x16"),
    (
        "https://vimeo.com/76979871",
        "Vimeo",
        "https://player.vimeo.com/video/76979871?dnt=1",
        "16x9",
    ),
    (
        "https://vimeo.com/76979871/8272103f6e",
        "Vimeo",
        "https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1",
        "16x9",
    ),
    (
        "https://vimeo.com/channels/staffpicks/76979871",
        "Vimeo",
        "https://player.vimeo.com/video/76979871?dnt=1",
        "16x9",
    ),
    (
        "https://player.vimeo.com/video/76979871",
        "Vimeo",
        "https://player.vimeo.com/video/76979871?dnt=1",
        "16x9",
    ),
    (
        "https://x.com/tagesschau/status/1861234567890123456",
        "X",
        "https://platform.twitter.com/embed/Tweet.html?id=1861234567890123456&dnt=true",
        "h600",
    ),
    (
        "https://twitter.com/tagesschau/status/1861234567890123456?s=20",
        "X",
        "https://platform.twitter.com/embed/Tweet.html?id=1861234567890123456&dnt=true",
        "h600",
    ),
    (
        f"https://bsky.app/profile/{DID}/post/3l3orwsydyc24",
        "Bluesky",
        f"https://embed.bsky.app/embed/{DID}/app.bsky.feed.post/3l3orwsydyc24",
        "h500",
    ),
    # A handle instead of the DID: Bluesky's frame cannot take it; a link.
    ("https://bsky.app/profile/tagesschau.de/post/3l3orwsydyc24", "Bluesky", "", "h500"),
    (
        "https://mastodon.social/@Gargron/109410235018434843",
        "Mastodon",
        "https://mastodon.social/@Gargron/109410235018434843/embed",
        "h500",
    ),
    (
        "https://social.bund.de/@BMI/113512345678901234",
        "Mastodon",
        "https://social.bund.de/@BMI/113512345678901234/embed",
        "h500",
    ),
    (
        "https://www.instagram.com/p/C1a2B3c4D5e/",
        "Instagram",
        "https://www.instagram.com/p/C1a2B3c4D5e/embed/",
        "h720",
    ),
    (
        "https://www.instagram.com/reel/C1a2B3c4D5e/?igsh=abc",
        "Instagram",
        "https://www.instagram.com/p/C1a2B3c4D5e/embed/",
        "h720",
    ),
    (
        "https://www.tiktok.com/@tagesschau/video/7301234567890123456?lang=de",
        "TikTok",
        "https://www.tiktok.com/player/v1/7301234567890123456",
        "9x16",
    ),
    (
        "https://open.spotify.com/intl-de/track/4uLU6hMCjMI75M1A2tKUQC?si=x",
        "Spotify",
        "https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC",
        "h152",
    ),
    (
        "https://open.spotify.com/episode/4uLU6hMCjMI75M1A2tKUQC",
        "Spotify",
        "https://open.spotify.com/embed/episode/4uLU6hMCjMI75M1A2tKUQC",
        "h152",
    ),
    (
        "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M",
        "Spotify",
        "https://open.spotify.com/embed/playlist/37i9dQZF1DXcBWIGoYBM5M",
        "h352",
    ),
    (
        "https://soundcloud.com/deutschlandfunk/der-tag-vom-1-dezember",
        "SoundCloud",
        SOUNDCLOUD + "deutschlandfunk%2Fder-tag-vom-1-dezember&visual=false&show_comments=false",
        "h166",
    ),
    (
        "https://soundcloud.com/setsuna-music/trackname",
        "SoundCloud",
        SOUNDCLOUD + "setsuna-music%2Ftrackname&visual=false&show_comments=false",
        "h166",
    ),
    (
        "https://soundcloud.com/deutschlandfunk/sets/der-tag",
        "SoundCloud",
        SOUNDCLOUD + "deutschlandfunk%2Fsets%2Fder-tag&visual=false&show_comments=false",
        "h450",
    ),
    (
        "https://datawrapper.dwcdn.net/AbC12/3/",
        "Datawrapper",
        "https://datawrapper.dwcdn.net/AbC12/3/",
        "h400",
    ),
    (
        "https://datawrapper.dwcdn.net/AbC12/",
        "Datawrapper",
        "https://datawrapper.dwcdn.net/AbC12/",
        "h400",
    ),
    (
        "https://www.datawrapper.de/_/AbC12/",
        "Datawrapper",
        "https://datawrapper.dwcdn.net/AbC12/",
        "h400",
    ),
    (
        "https://public.flourish.studio/visualisation/16812345/",
        "Flourish",
        "https://flo.uri.sh/visualisation/16812345/embed",
        "h600",
    ),
    (
        "https://flo.uri.sh/story/2345678/embed",
        "Flourish",
        "https://flo.uri.sh/story/2345678/embed",
        "h600",
    ),
]


@pytest.mark.parametrize("address, name, src, shape", ADDRESSES, ids=[a[0] for a in ADDRESSES])
def test_it_makes_the_player_from_the_address(address, name, src, shape):
    embed = embeds.find(address)

    assert embed is not None
    assert (embed.provider.name, embed.src, embed.shape) == (name, src, shape)
    assert embed.address == address


def test_every_provider_is_tested_and_its_player_is_allowed_by_its_frame_origins():
    providers = {provider.name: provider for provider in embeds.providers()}
    assert {name for _, name, _, _ in ADDRESSES} == set(providers)
    for address, name, src, _ in ADDRESSES:
        if src:
            origin = re.match(r"https://[^/]+", src).group(0)
            assert origin in providers[name].frame_origins, address


def test_every_shape_has_a_rule_in_the_reader_stylesheet():
    from django.contrib.staticfiles import finders

    css = open(finders.find("masthead/site.css")).read()  # noqa: PTH123, SIM115
    for shape in embeds.SHAPES:
        assert f".embed__box--{shape} " in css, shape
    assert {pattern.shape for p in embeds.providers() for pattern in p.patterns} <= set(
        embeds.SHAPES
    )


HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)//https://youtu.be/dQw4w9WgXcQ",
    "http://www.youtube.com/watch?v=dQw4w9WgXcQ",  # not https
    "//www.youtube.com/watch?v=dQw4w9WgXcQ",
    "data:text/html,<iframe src=https://youtu.be/dQw4w9WgXcQ>",
    "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
    "https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com:443@evil.example/watch?v=dQw4w9WgXcQ",
    "https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
    "https://www.youtube.com\\@evil.example/watch?v=dQw4w9WgXcQ",
    "https://evil.example/?https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://evil.example/#https://youtu.be/dQw4w9WgXcQ",
    " https://youtu.be/dQw4w9WgXcQ",
    "https://youtu.be/dQw4w9WgXcQ\n<script>",
    'https://youtu.be/dQw4w9WgXcQ"onload="alert(1)',
    "https://youtu.be/dQw4w9WgXcQ<script>",
    "https://youtu.be/dQw4w9WgXcQx",  # an id of 12 characters
    "https://youtu.be/dQw4w9",
    "https://www.youtube.com/watch?v=../../evil",
    "https://www.youtube.com/embed/../../evil.example/dQw4w9WgXcQ",
    "https://datawrapper.dwcdn.net.evil.example/AbC12/",
    "https://datawrapper.dwcdn.net/../AbC12/",
    "https://x.com/someone/status/123abc",
    "https://mastodon.evil.example/@user/109410235018434843",
    "https://mastodon.social.evil.example/@user/109410235018434843",
    "https://mastodon.social/@user@evil.example/109410235018434843",  # another server's post
    "https://soundcloud.com/deutschlandfunk/likes",
    "https://vm.tiktok.com/ZMabcdef/",  # short link: needs a request to resolve
    "https://on.soundcloud.com/abcdef",
    "https://open.spotify.com/track/short",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ" + "&x=1" * 600,  # too long
    "https://ｙoutube.com/watch?v=dQw4w9WgXcQ",  # a fullwidth letter
    "https://example.org/article",
    "",
]


@pytest.mark.parametrize("address", HOSTILE)
def test_it_refuses_other_and_crafted_addresses(address):
    assert embeds.find(address) is None


def test_it_refuses_what_is_not_a_string():
    assert embeds.find(None) is None


def test_mastodon_servers_come_from_the_setting(settings):
    settings.MASTODON_INSTANCES = ["social.example.org"]
    embed = embeds.find("https://social.example.org/@redaktion/113512345678901234")

    assert embed.provider.name == "Mastodon"
    assert embed.src == "https://social.example.org/@redaktion/113512345678901234/embed"
    assert embeds.find("https://mastodon.social/@Gargron/109410235018434843") is None
    assert "https://social.example.org" in embeds.frame_origins(("social.example.org",))


def test_the_default_mastodon_servers_are_host_names():
    assert all(embeds.is_host_name(host) for host in embeds.DEFAULT_MASTODON_INSTANCES)
    assert not embeds.is_host_name("https://mastodon.social")
    assert not embeds.is_host_name("evil.example/@x")


def test_the_frame_origins_are_https_origins_without_duplicates():
    origins = embeds.frame_origins()

    assert len(origins) == len(set(origins))
    assert all(re.fullmatch(r"https://[a-z0-9.-]+", origin) for origin in origins)
    assert "https://www.youtube-nocookie.com" in origins
    assert "https://www.youtube.com" not in origins  # the cookie-free player only


def test_the_editor_gets_the_same_patterns_in_javascripts_syntax():
    providers = embeds.editor_providers()

    assert [p["name"] for p in providers] == [p.name for p in embeds.providers()]
    for provider in providers:
        for pattern in provider["patterns"]:
            regex = pattern["regex"]
            assert regex.startswith("^(?:") and regex.endswith("$")
            assert "(?P<" not in regex  # JavaScript writes named groups "(?<name>"
            # The same pattern, read back by Python, takes the same address.
            assert re.compile(regex.replace("(?<", "(?P<"))
    bluesky = next(p for p in providers if p["name"] == "Bluesky")
    assert [pattern["linkOnly"] for pattern in bluesky["patterns"]] == [False, True]
