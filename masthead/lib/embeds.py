"""Embeds from a pasted address: the providers Masthead shows in a frame.

An editor pastes the address of a video, a post or a chart on a line of its
own; the body stores it as a small node, ``<figure data-embed="address">``
(masthead/lib/html.py keeps it only for an address listed here), and the
reader page shows a two-click placeholder that loads the provider's player
on request (masthead/articles/body.py, masthead/static/masthead/embeds.js).

The player's address is made from the pasted address alone, by pattern:
rendering a page never asks the provider anything. The same list gives the
editor its patterns (``editor_providers``) and the Content-Security-Policy
its ``frame-src`` (``frame_origins``), so a provider is added in one place.

>>> embed = find("https://youtu.be/dQw4w9WgXcQ")
>>> embed.provider.name, embed.src
('YouTube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')
>>> find("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ") is None
True
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

# Mastodon is many servers; the ones whose posts may be embedded are a
# setting (MASTODON_INSTANCES), this list is its default: large general
# servers and those German-speaking newsrooms and authorities post from.
DEFAULT_MASTODON_INSTANCES = (
    "mastodon.social",
    "mastodon.online",
    "mstdn.social",
    "mas.to",
    "mastodon.world",
    "chaos.social",
    "social.bund.de",
    "troet.cafe",
    "norden.social",
    "det.social",
    "nrw.social",
    "social.tchncs.de",
    "hachyderm.io",
    "fosstodon.org",
    "journa.host",
)

# Longer addresses are not embeds but accidents.
MAX_ADDRESS_LENGTH = 2000
# Printable ASCII without quotes, angle brackets, backslash or space: what the
# providers' own share links are made of. Anything else is refused before
# any pattern is tried.
_ADDRESS = re.compile(r"https://[!#-&(-;=?-\[\]-_a-z|~]+")
# What may follow the part a pattern matched: nothing, or a new path
# segment, query or fragment (so "youtu.be/<id>x" is not "youtu.be/<id>").
_TAIL = r"(?:[/?#&][!#-&(-;=?-\[\]-_a-z|~]*)?"

# The frame's shape, and so the placeholder's: an aspect ratio for players,
# a height in CSS pixels for posts and charts (which the provider may
# change once loaded, see embeds.js). Every shape has a rule in site.css.
SHAPES = ("16x9", "9x16", "h152", "h166", "h352", "h400", "h450", "h500", "h600", "h720")

# What a provider's frame may do. Frames are sandboxed where the provider's
# player works so (scripts and its own storage, new windows for "watch on
# …" links, but no navigation of the reader's page and no forms of ours).
SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
# Masthead's Permissions-Policy (settings.PERMISSIONS_POLICY) turns off
# autoplay, camera and the like for every frame; these are what remain.
ALLOW_VIDEO = "fullscreen; picture-in-picture; encrypted-media"
# The players that start at the reader's click: the click on "Load content
# from …" is the reader's wish to play, and a second click on the player
# would only repeat it. The Permissions-Policy lets these origins, and no
# others, play without a click of their own (autoplay_origins()).
ALLOW_PLAYING = ALLOW_VIDEO + "; autoplay"


@dataclass(frozen=True)
class Pattern:
    """One form of address and the player it gives.

    ``regex`` is matched against the whole address (followed by ``_TAIL``);
    its named groups fill ``player``. Groups only ever match letters,
    digits and a few safe characters, so a player address cannot be
    steered anywhere else. ``player`` "" means the address names the post
    in a way the provider's frame does not take: readers get a link.
    """

    regex: str
    player: str
    shape: str = "16x9"


@dataclass(frozen=True)
class Provider:
    key: str
    name: str  # a brand, the same in every language
    patterns: tuple[Pattern, ...]
    frame_origins: tuple[str, ...]
    allow: str = ""
    sandbox: bool = True
    # Providers whose frame tells its height by postMessage (embeds.js).
    resizes: bool = False
    # The query parameter that makes the player start once loaded; embeds.js
    # adds it to the player's address at the reader's click.
    autoplay: str = ""


@dataclass(frozen=True)
class Embed:
    provider: Provider
    address: str  # as pasted (validated)
    src: str  # the player's address, "" for a link-only embed
    shape: str

    @property
    def sandbox(self) -> str:
        return SANDBOX if self.provider.sandbox else ""


_ID = r"[A-Za-z0-9_-]"
_YOUTUBE_ID = rf"(?P<id>{_ID}{{11}})"
_YOUTUBE_PLAYER = "https://www.youtube-nocookie.com/embed/{id}"
_SOUNDCLOUD_PLAYER = (
    "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2F{user}%2F{path}"
    "&visual=false&show_comments=false"
)
_SOUNDCLOUD_SET_PLAYER = (
    "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2F{user}%2Fsets%2F{set}"
    "&visual=false&show_comments=false"
)
# Second path segments that are pages of a SoundCloud account, not tracks.
_SOUNDCLOUD_PAGES = "sets|likes|reposts|followers|following|tracks|albums|popular-tracks|comments"

PROVIDERS: tuple[Provider, ...] = (
    Provider(
        key="youtube",
        name="YouTube",
        patterns=(
            Pattern(
                rf"https://(?:www\.|m\.)?youtube\.com/watch\?(?:[^#]*?&)?v={_YOUTUBE_ID}",
                _YOUTUBE_PLAYER,
            ),
            Pattern(rf"https://youtu\.be/{_YOUTUBE_ID}", _YOUTUBE_PLAYER),
            Pattern(
                rf"https://(?:www\.|m\.)?youtube\.com/(?:embed|live|v)/{_YOUTUBE_ID}",
                _YOUTUBE_PLAYER,
            ),
            Pattern(
                rf"https://(?:www\.)?youtube-nocookie\.com/embed/{_YOUTUBE_ID}", _YOUTUBE_PLAYER
            ),
            Pattern(
                rf"https://(?:www\.|m\.)?youtube\.com/shorts/{_YOUTUBE_ID}", _YOUTUBE_PLAYER, "9x16"
            ),
        ),
        # The privacy-enhanced player: no cookies before the reader plays.
        frame_origins=("https://www.youtube-nocookie.com",),
        allow=ALLOW_PLAYING,
        autoplay="autoplay=1",
    ),
    Provider(
        key="vimeo",
        name="Vimeo",
        patterns=(
            # An unlisted video's address carries its key ("h").
            Pattern(
                r"https://(?:www\.)?vimeo\.com/(?P<id>\d{1,12})/(?P<h>[0-9a-f]{6,20})",
                "https://player.vimeo.com/video/{id}?h={h}&dnt=1",
            ),
            Pattern(
                r"https://(?:www\.)?vimeo\.com/(?:channels/[A-Za-z0-9_-]+/|groups/[A-Za-z0-9_-]+"
                r"/videos/)?(?P<id>\d{1,12})",
                "https://player.vimeo.com/video/{id}?dnt=1",
            ),
            Pattern(
                r"https://player\.vimeo\.com/video/(?P<id>\d{1,12})",
                "https://player.vimeo.com/video/{id}?dnt=1",
            ),
        ),
        frame_origins=("https://player.vimeo.com",),
        allow=ALLOW_PLAYING,
        autoplay="autoplay=1",
    ),
    Provider(
        key="x",
        name="X",
        patterns=(
            # The frame X's own widget script puts on a page; it works
            # without that script, at a fixed height until it reports its
            # own (embeds.js).
            Pattern(
                r"https://(?:www\.|mobile\.)?(?:x|twitter)\.com/(?P<user>[A-Za-z0-9_]{1,15})"
                r"/status/(?P<id>\d{1,20})",
                "https://platform.twitter.com/embed/Tweet.html?id={id}&dnt=true",
                "h600",
            ),
        ),
        frame_origins=("https://platform.twitter.com",),
        resizes=True,
    ),
    Provider(
        key="bluesky",
        name="Bluesky",
        patterns=(
            # Bluesky's frame (embed.bsky.app/embed/<did>/app.bsky.feed.post/
            # <rkey>) takes the account's DID only and answers "Invalid DID"
            # for a handle; finding the DID of a handle would need a request
            # to Bluesky. So an address with a DID gets the frame, one with
            # a handle (what "Copy link to post" gives) a link.
            Pattern(
                r"https://bsky\.app/profile/(?P<did>did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.-]{1,253}))"
                r"/post/(?P<rkey>[a-z2-7]{13})",
                "https://embed.bsky.app/embed/{did}/app.bsky.feed.post/{rkey}",
                "h500",
            ),
            Pattern(
                r"https://bsky\.app/profile/(?P<handle>[A-Za-z0-9.-]{1,253})/post/(?P<rkey>[a-z2-7]{13})",
                "",
                "h500",
            ),
        ),
        frame_origins=("https://embed.bsky.app",),
        resizes=True,
    ),
    # Mastodon's patterns depend on the MASTODON_INSTANCES setting: see
    # ``_mastodon``.
    Provider(
        key="instagram",
        name="Instagram",
        patterns=(
            Pattern(
                r"https://(?:www\.)?instagram\.com/(?:[A-Za-z0-9_.]{1,30}/)?(?:p|reel|tv)"
                r"/(?P<code>[A-Za-z0-9_-]{5,40})",
                "https://www.instagram.com/p/{code}/embed/",
                "h720",
            ),
        ),
        frame_origins=("https://www.instagram.com",),
        resizes=True,
    ),
    Provider(
        key="tiktok",
        name="TikTok",
        patterns=(
            # TikTok's embed player (developers.tiktok.com, "Embed Player").
            # Short links (vm.tiktok.com/…) name the video only after a
            # redirect, which would need a request: they stay links.
            Pattern(
                r"https://(?:www\.|m\.)?tiktok\.com/@(?P<user>[A-Za-z0-9_.]{1,30})/video/(?P<id>\d{5,25})",
                "https://www.tiktok.com/player/v1/{id}",
                "9x16",
            ),
        ),
        frame_origins=("https://www.tiktok.com",),
        allow=ALLOW_VIDEO,
    ),
    Provider(
        key="spotify",
        name="Spotify",
        patterns=(
            Pattern(
                r"https://open\.spotify\.com/(?:intl-[a-z]{2}(?:-[A-Za-z]{2})?/)?"
                r"(?P<kind>track|episode)/(?P<id>[A-Za-z0-9]{22})",
                "https://open.spotify.com/embed/{kind}/{id}",
                "h152",
            ),
            Pattern(
                r"https://open\.spotify\.com/(?:intl-[a-z]{2}(?:-[A-Za-z]{2})?/)?"
                r"(?P<kind>album|playlist|show|artist)/(?P<id>[A-Za-z0-9]{22})",
                "https://open.spotify.com/embed/{kind}/{id}",
                "h352",
            ),
        ),
        frame_origins=("https://open.spotify.com",),
        # Spotify's player plays protected media and keeps its login in
        # storage the sandbox would partition; it is not sandboxed.
        allow="encrypted-media; fullscreen; picture-in-picture",
        sandbox=False,
    ),
    Provider(
        key="soundcloud",
        name="SoundCloud",
        patterns=(
            # The widget takes the track's address as a parameter. Short
            # links (on.soundcloud.com/…) need a redirect: they stay links.
            Pattern(
                r"https://(?:www\.|m\.)?soundcloud\.com/(?P<user>[A-Za-z0-9_-]{1,100})"
                r"/sets/(?P<set>[A-Za-z0-9_-]{1,200})",
                _SOUNDCLOUD_SET_PLAYER,
                "h450",
            ),
            Pattern(
                r"https://(?:www\.|m\.)?soundcloud\.com/(?P<user>[A-Za-z0-9_-]{1,100})"
                r"/(?P<path>(?!(?:" + _SOUNDCLOUD_PAGES + r")(?:[/?#]|$))"
                r"[A-Za-z0-9_-]{1,200})",
                _SOUNDCLOUD_PLAYER,
                "h166",
            ),
        ),
        frame_origins=("https://w.soundcloud.com",),
    ),
    Provider(
        key="datawrapper",
        name="Datawrapper",
        patterns=(
            Pattern(
                r"https://datawrapper\.dwcdn\.net/(?P<id>[A-Za-z0-9]{5})/(?P<version>\d{1,4})",
                "https://datawrapper.dwcdn.net/{id}/{version}/",
                "h400",
            ),
            # Without a version the chart's address shows its latest one.
            Pattern(
                r"https://(?:datawrapper\.dwcdn\.net|www\.datawrapper\.de/_)/(?P<id>[A-Za-z0-9]{5})",
                "https://datawrapper.dwcdn.net/{id}/",
                "h400",
            ),
        ),
        frame_origins=("https://datawrapper.dwcdn.net",),
        resizes=True,
    ),
    Provider(
        key="flourish",
        name="Flourish",
        patterns=(
            Pattern(
                r"https://(?:public\.flourish\.studio|flo\.uri\.sh)/(?P<kind>visualisation|story)"
                r"/(?P<id>\d{1,12})",
                "https://flo.uri.sh/{kind}/{id}/embed",
                "h600",
            ),
        ),
        frame_origins=("https://flo.uri.sh",),
    ),
)


def _mastodon(instances: tuple[str, ...]) -> Provider:
    hosts = "|".join(re.escape(host) for host in instances) or "(?!)"
    return Provider(
        key="mastodon",
        name="Mastodon",
        patterns=(
            # A post of an account of the server itself; a post of another
            # server's account (/@user@other.server/…) is embedded from its
            # own server, so it stays a link here.
            Pattern(
                rf"https://(?P<host>{hosts})/@(?P<user>[A-Za-z0-9_]{{1,30}})/(?P<id>\d{{1,20}})",
                "https://{host}/@{user}/{id}/embed",
                "h500",
            ),
        ),
        frame_origins=tuple(f"https://{host}" for host in instances),
        resizes=True,
    )


_HOST_NAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


def is_host_name(value: str) -> bool:
    """A server's name as MASTODON_INSTANCES lists it ("chaos.social")."""
    return bool(_HOST_NAME.fullmatch(value))


def mastodon_instances() -> tuple[str, ...]:
    from django.conf import settings  # noqa: PLC0415 (settings.py imports this module)

    return tuple(getattr(settings, "MASTODON_INSTANCES", DEFAULT_MASTODON_INSTANCES))


def providers(instances: tuple[str, ...] | None = None) -> tuple[Provider, ...]:
    """Every provider, Mastodon with the configured (or given) servers."""
    if instances is None:
        instances = mastodon_instances()
    return _providers(tuple(instances))


@lru_cache(maxsize=4)
def _providers(instances: tuple[str, ...]) -> tuple[Provider, ...]:
    # Mastodon after Bluesky: the order in which messages list them.
    after = [provider.key for provider in PROVIDERS].index("bluesky") + 1
    return (*PROVIDERS[:after], _mastodon(instances), *PROVIDERS[after:])


@lru_cache(maxsize=64)
def _compiled(regex: str) -> re.Pattern:
    return re.compile(regex + _TAIL)


def find(address: str) -> Embed | None:
    """The embed an address stands for, or None when Masthead does not embed it."""
    if not isinstance(address, str) or len(address) > MAX_ADDRESS_LENGTH:
        return None
    if not _ADDRESS.fullmatch(address):
        return None
    # The patterns name the host right after "https://"; this repeats the
    # check as a browser reads the address (no user name, no port).
    try:
        parts = urlsplit(address)
        if parts.username is not None or parts.password is not None or parts.port is not None:
            return None
    except ValueError:  # a port that is not a number
        return None
    for provider in providers():
        for pattern in provider.patterns:
            if match := _compiled(pattern.regex).fullmatch(address):
                src = pattern.player.format(**match.groupdict()) if pattern.player else ""
                return Embed(provider, address, src, pattern.shape)
    return None


def from_player(src: str) -> Embed | None:
    """The embed for an ``<iframe src>`` of a player Masthead builds
    itself (bodies stored before embeds were nodes held such iframes)."""
    embed = find(src)
    if embed is None or not embed.src:
        return None
    return embed


def frame_origins(instances: list[str] | tuple[str, ...] | None = None) -> list[str]:
    """The origins of every provider's frames, for CSP's frame-src
    (settings.py passes the Mastodon servers: it runs before settings exist).
    """
    origins: dict[str, None] = {}
    for provider in providers(None if instances is None else tuple(instances)):
        origins.update(dict.fromkeys(provider.frame_origins))
    return list(origins)


def autoplay_origins() -> list[str]:
    """The origins whose players start at the reader's click (``autoplay``),
    for the Permissions-Policy's autoplay feature."""
    origins: dict[str, None] = {}
    for provider in PROVIDERS:
        if provider.autoplay:
            origins.update(dict.fromkeys(provider.frame_origins))
    return list(origins)


def editor_providers() -> list[dict]:
    """The providers for the body editor (masthead/static/masthead/editor/
    embed.js): name and patterns in JavaScript's regular expression syntax.
    The editor only recognises an address; the server decides again."""
    return [
        {
            "name": provider.name,
            "patterns": [
                {
                    "regex": "^(?:" + pattern.regex.replace("(?P<", "(?<") + ")" + _TAIL + "$",
                    "linkOnly": not pattern.player,
                }
                for pattern in provider.patterns
            ],
        }
        for provider in providers()
    ]


def editor_options() -> dict:
    """The Embed extension's options in the body editor: the providers and
    its texts, translated when the editor's page is rendered."""
    return {
        "providers": editor_providers(),
        "maxLength": MAX_ADDRESS_LENGTH,
        # Translators: shown in the text editor on an embedded video, post or
        # chart, above its address; the provider is a brand such as YouTube.
        "label": _("Embedded content from %(provider)s"),
        # Translators: shown in the text editor on an address that readers
        # get as a link only (a Bluesky post named by its handle).
        "linkOnly": _(
            "Link to %(provider)s: readers get a link, because this address does not "
            "name the post in a way %(provider)s can show in a frame."
        ),
        "refused": _(
            "Embed code cannot be pasted into the text: it would load content from "
            "another site for every reader, without asking them first. To show a "
            "video, a post or a chart, paste its address on a line of its own."
        ),
    }


def prose_editor_allowlist(config: object, shared_config: dict) -> None:
    """django-prose-editor's sanitiser allowlist for the Embed node. Masthead
    sanitises with its own allowlist (masthead/lib/html.py); this keeps the
    editor's configuration complete."""
    shared_config["tags"].add("figure")
    shared_config["attributes"].setdefault("figure", set()).add("data-embed")
