"""Masthead settings: one file, configured from the environment.

Every setting has a safe default so that a fresh checkout runs with no
configuration at all: an SQLite database and a generated secret key under
``./var/``. Production sets ``DATABASE_URL``, ``REDIS_URL``, ``ALLOWED_HOSTS``
and friends (see the configuration table in README.md).
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from babel import Locale, UnknownLocaleError
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import to_language
from django_prose_editor.config import html_tags
from js_asset import static_lazy

from masthead.lib import embeds, urlwords

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("MASTHEAD_VAR_DIR", Path.cwd() / "var")).resolve()


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, str(default))
    try:
        return int(value)
    except ValueError as e:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from e


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envurl(name: str, value: str) -> str:
    """A site address, "https://example.org" (scheme and host, no path)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/"):
        raise ImproperlyConfigured(f"{name} must be like https://example.org, not {value!r}")
    return value.rstrip("/")


def envurl_or_empty(name: str) -> str:
    """Like envurl, for an address that may be left unset ("")."""
    value = os.environ.get(name, "")
    return envurl(name, value) if value else ""


def envsecret(name: str) -> str | None:
    """Read NAME, or the file named by NAME_FILE (for container secrets)."""
    if path := os.environ.get(f"{name}_FILE"):
        return Path(path).read_text().strip()
    return os.environ.get(name) or None


def self_name(code: str) -> str:
    """A language's name in itself, from CLDR, as a menu starts it:
    "Deutsch", "Français", "العربية", "日本語"."""
    try:
        name = Locale.parse(code, sep="-").get_display_name(code) or code
    except (ValueError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:]


def _secret_key() -> str:
    if key := envsecret("SECRET_KEY"):
        return key
    # So that one can just check out the code and run it: generate a key
    # once and keep it beside the default database.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = envbool("DEBUG", "false")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

SITE_NAME = os.environ.get("SITE_NAME", "Masthead")
# The public address of the site. Every absolute address Masthead writes
# (canonical links, hreflang, feeds, sitemaps, structured data, preview
# links) is built from it, never from the request's Host header, and pages
# are cached only for requests to it (masthead/lib/site.py).
SITE_URL = envurl("SITE_URL", os.environ.get("SITE_URL", "http://127.0.0.1:8000"))

INSTALLED_APPS = [
    "masthead.core",
    "masthead.pagecache",
    "masthead.sections",
    "masthead.people",
    "masthead.media",
    "masthead.articles",
    "masthead.translations",
    "masthead.search",
    "masthead.webhooks",
    "masthead.feeds",
    "masthead.wpjson",
    "masthead.desk",
    "masthead.importers",
    "masthead.api",
    # The content API's framework; listed so that its interactive
    # documentation is served from its own static files, not a CDN.
    "ninja",
    "masthead.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_prose_editor",
    "django_tasks",
    # The job queue's table, its worker and its pruning (masthead/lib/jobs.py).
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Passkeys (WebAuthn) as a second factor: masthead/accounts/passkeys.py.
    "django_otp_webauthn",
    "csp",
    "masthead.audit",
    # Before masthead.signin, whose signal receivers must run after axes'.
    "axes",
    "masthead.signin",
    # Last: its post_migrate handler needs every app's permissions.
    "masthead.accounts",
]

MIDDLEWARE = [
    # The addresses of a WordPress site moved in (masthead import_wxr):
    # /?p=12 redirects before the page cache could answer it with the home
    # page, and an old path that found no page redirects (importers/redirects.py).
    "masthead.importers.redirects.FormerSiteMiddleware",
    # Then: a cached page is served before any other work (masthead/pagecache/).
    "masthead.pagecache.middleware.FullPageCacheMiddleware",
    # The WordPress REST API's discovery header on pages (masthead/wpjson/),
    # inside the page cache so that stored pages keep it.
    "masthead.wpjson.middleware.DiscoveryLinkMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy, Permissions-Policy, Reporting-Endpoints
    # (see "Browser security policies" below).
    "masthead.core.security.ReportingEndpointsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's LocaleMiddleware, for every content language (core/locale.py).
    "masthead.core.locale.ReaderLocaleMiddleware",
    # The desk and the admin in each newsroom member's own language.
    "masthead.desk.language.NewsroomLanguageMiddleware",
    # The content API's messages in the caller's language (masthead/api).
    "masthead.api.middleware.ApiLanguageMiddleware",
    # A language's missing texts come from its fallback, not from the
    # default language (lib/fallbacks.py, UI_FALLBACKS below).
    "masthead.lib.fallbacks.FallbackMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in: request.user.is_verified(), then the rules (accounts/twofactor.py).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "masthead.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "masthead.signin.middleware.SessionActivityMiddleware",
    # Last: turns a refused sign-in into the 429 page (masthead/signin/throttle.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

# A theme (README.md, "Theming"): a folder of templates searched before
# Masthead's own (fragment_header.html, fragment_footer.html, any other),
# with its static files in its static/ folder, found before Masthead's, by
# collectstatic too. Its static/masthead/site-theme.css, if it has one, is
# linked after site.css on every reader page.
THEME_DIR = Path(theme).resolve() if (theme := os.environ.get("MASTHEAD_THEME_DIR")) else None
if THEME_DIR and not THEME_DIR.is_dir():
    raise ImproperlyConfigured(f"MASTHEAD_THEME_DIR must be a folder, not {str(THEME_DIR)!r}")
THEME_STATIC_DIR = THEME_DIR / "static" if THEME_DIR and (THEME_DIR / "static").is_dir() else None
THEME_STYLESHEET = bool(
    THEME_STATIC_DIR and (THEME_STATIC_DIR / "masthead/site-theme.css").is_file()
)

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [p for p in [THEME_DIR] if p] + [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "masthead.core.context_processors.site",
            ],
        },
    }
]

# Database: SQLite under ./var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'masthead.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# Read replicas (PostgreSQL streaming replicas of the primary): readers'
# pages read from them once they have replayed the change the page must
# show; writes, the desk and signed-in people read from the primary
# (pagecache/replicas.py).
for _number, _url in enumerate(envlist("DATABASE_REPLICA_URLS", ""), start=1):
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS needs PostgreSQL as the primary database (DATABASE_URL)"
        )
    DATABASES[f"replica_{_number}"] = dj_database_url.parse(
        _url, conn_max_age=envint("DB_CONN_MAX_AGE", 60), conn_health_checks=True
    )
    if DATABASES[f"replica_{_number}"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            f"DATABASE_REPLICA_URLS: {_url!r} is not a PostgreSQL address (postgres://…)"
        )
    # Tests use the primary's test database for every replica.
    DATABASES[f"replica_{_number}"]["TEST"] = {"MIRROR": "default"}
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["masthead.pagecache.replicas.ReplicaRouter"]
    # Inside the page cache, which has told the request its generation; a
    # site without replicas does not run it at all.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("masthead.pagecache.middleware.FullPageCacheMiddleware") + 1,
        "masthead.pagecache.replicas.ReplicaMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if REDIS_URL := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's Redis cache, which answers as an empty cache while
            # Redis is away, so that pages render from the database
            # (masthead/lib/cache.py).
            "BACKEND": "masthead.lib.cache.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "masthead"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # The file cache is shared by all worker processes on this machine, so a
    # change shows on every worker at once (a per-process memory cache could not).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 20000)},
        }
    }

# Full-page cache for anonymous readers (masthead/pagecache/).
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 600)  # 0 turns it off
PAGE_BROWSER_MAX_AGE = envint("PAGE_BROWSER_MAX_AGE", 0)  # browsers revalidate (304)
PAGE_SHARED_MAX_AGE = envint("PAGE_SHARED_MAX_AGE", 30)  # CDNs and proxies
PAGE_STALE_WHILE_REVALIDATE = envint("PAGE_STALE_WHILE_REVALIDATE", 30)
PAGE_STALE_IF_ERROR = envint("PAGE_STALE_IF_ERROR", 86400)
PAGE_RETRY_AFTER = envint("PAGE_RETRY_AFTER", 30)
# How long a worker keeps a stored page in its own memory and answers it
# before Django (masthead/pagecache/local.py): a change made elsewhere
# reaches its readers up to this many seconds later. 0 turns it off; off
# anyway with FRONT_CACHES.
PAGE_CACHE_LOCAL_SECONDS = envint("PAGE_CACHE_LOCAL_SECONDS", 1)
# Cached pages also written as files for the front-end web server
# (masthead/pagecache/files.py, `masthead frontend_config`); empty: off.
PAGE_FILES_DIR = os.environ.get("PAGE_FILES_DIR", "")
# Shared front caches purged by content tags on every change
# (masthead/pagecache/purge.py): comma-separated "varnish:<address>",
# "fastly:<service id>", "cloudflare:<zone id>", "cloudfront:<distribution id>".
FRONT_CACHES = envlist("FRONT_CACHES", "")
for _spec in FRONT_CACHES:
    _kind, _, _where = _spec.partition(":")
    if _kind not in ("varnish", "fastly", "cloudflare", "cloudfront") or not _where:
        raise ImproperlyConfigured(
            f"FRONT_CACHES: {_spec!r} is not a front cache; write varnish:<address>, "
            "fastly:<service id>, cloudflare:<zone id> or cloudfront:<distribution id>"
        )
    if _kind == "varnish":
        envurl("FRONT_CACHES", _where)
FRONT_CACHE_TIMEOUT = envint("FRONT_CACHE_TIMEOUT", 3)  # seconds a purge may take
FASTLY_API_TOKEN = envsecret("FASTLY_API_TOKEN") or ""
FASTLY_API_URL = os.environ.get("FASTLY_API_URL", "https://api.fastly.com").rstrip("/")
CLOUDFLARE_API_TOKEN = envsecret("CLOUDFLARE_API_TOKEN") or ""
CLOUDFLARE_API_URL = os.environ.get(
    "CLOUDFLARE_API_URL", "https://api.cloudflare.com/client/v4"
).rstrip("/")
CLOUDFRONT_ENDPOINT_URL = os.environ.get("CLOUDFRONT_ENDPOINT_URL", "")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses sign-in attempts while an account or address is locked.
    "masthead.signin.backends.ThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "desk:login"
LOGIN_REDIRECT_URL = "desk:home"
LOGOUT_REDIRECT_URL = "desk:login"
# Password reset links expire after this many seconds (and work once).
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", 3600)
# Two-factor sign-in (masthead/accounts/twofactor.py): the name shown in
# authenticator apps, and how long the code step waits after the password.
OTP_TOTP_ISSUER = SITE_NAME
# The admin never shows a user's authenticator secret or its QR code (a
# superuser can still remove a lost device).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
TWO_FACTOR_PENDING_SECONDS = envint("TWO_FACTOR_PENDING_SECONDS", 300)
# Passkeys (django-otp-webauthn) are a second factor after the password,
# never a way round it: signing in without a password would skip the
# sign-in throttle and the password policy. They belong to the host of
# SITE_URL and work only where browsers allow WebAuthn: HTTPS, or
# http://localhost (masthead/accounts/passkeys.py).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID_CALLABLE = "masthead.accounts.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME_CALLABLE = "masthead.accounts.passkeys.relying_party_name"
OTP_WEBAUTHN_HELPER_CLASS = "masthead.accounts.passkeys.PasskeyHelper"
# The library's check wants OTP_WEBAUTHN_ALLOWED_ORIGINS; PasskeyHelper
# takes the origin from SITE_URL instead, so that it cannot disagree with it.
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]

# E-mail (password reset). Without EMAIL_HOST, messages are printed to the
# console, which is enough for the demo.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", "false")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Sign-in throttling (masthead/signin/throttle.py, on django-axes): a lock
# after SIGNIN_FAILURE_LIMIT failures for one account from one address, or
# SIGNIN_ADDRESS_FAILURE_LIMIT from one address over all accounts, lasting
# SIGNIN_LOCKOUT_MINUTES after the last failure.
SIGNIN_FAILURE_LIMIT = envint("SIGNIN_FAILURE_LIMIT", 5)
SIGNIN_ADDRESS_FAILURE_LIMIT = envint("SIGNIN_ADDRESS_FAILURE_LIMIT", 20)
SIGNIN_LOCKOUT_MINUTES = envint("SIGNIN_LOCKOUT_MINUTES", 15)
# The request header a trusted proxy puts the client's address in (e.g.
# X-Forwarded-For behind the nginx front end); empty: the connection's address.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
AXES_FAILURE_LIMIT = SIGNIN_FAILURE_LIMIT
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=SIGNIN_LOCKOUT_MINUTES)
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "masthead.signin.throttle.SignInHandler"
AXES_CLIENT_IP_CALLABLE = "masthead.signin.throttle.client_ip"
AXES_USERNAME_CALLABLE = "masthead.signin.throttle.attempted_username"
AXES_LOCKOUT_CALLABLE = "masthead.signin.throttle.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # the audit log records sign-ins
AXES_VERBOSE = False
# "Last activity" of a signed-in session is written at most this often.
SESSION_SEEN_INTERVAL = envint("SESSION_SEEN_INTERVAL", 300)

# Languages. MASTHEAD_LANGUAGES lists the content languages; the first is
# the default unless MASTHEAD_DEFAULT_LANGUAGE names another. Each language
# is named in itself (from CLDR), so adding one needs no code change.
CONTENT_LANGUAGES = envlist("MASTHEAD_LANGUAGES", "de,en")
LANGUAGE_CODE = os.environ.get("MASTHEAD_DEFAULT_LANGUAGE", CONTENT_LANGUAGES[0])
if LANGUAGE_CODE not in CONTENT_LANGUAGES:
    raise ImproperlyConfigured("MASTHEAD_DEFAULT_LANGUAGE must be one of MASTHEAD_LANGUAGES")
LANGUAGES = [(code, self_name(code)) for code in CONTENT_LANGUAGES]
# Languages whose addresses keep their own script, as their readers expect
# ("/ar/article/مجلس-المدينة-يقر-الميزانية/"); the others' slugs are
# transliterated to ASCII ("Über Bäume" → "ueber-baeume", "Київ" → "kyiv").
UNICODE_SLUGS = envlist("MASTHEAD_UNICODE_SLUGS", "ar,fa,he,ja,ko,zh-hans,zh-hant")
# Languages served at an address of their own, e.g.
# "de=https://example.de,en=https://example.com"; the others are on SITE_URL.
SITE_URLS = {
    code.strip(): envurl(f"SITE_URLS ({code.strip()})", url.strip())
    for code, _, url in (item.partition("=") for item in envlist("SITE_URLS", ""))
}
if not set(SITE_URLS) <= set(CONTENT_LANGUAGES):
    raise ImproperlyConfigured("SITE_URLS may only name languages of MASTHEAD_LANGUAGES")
LOCALE_PATHS = [BASE_DIR / "locale"]
# Where a language's texts come from when Masthead has no catalog for it
# (or a text is missing from it): "sw=en,rm=de", each language's fallback,
# whose own fallback follows. Unnamed: English, the language of the
# source; never silently the site's default language (lib/fallbacks.py).
UI_FALLBACKS = {
    code.strip(): fallback.strip()
    for code, _, fallback in (item.partition("=") for item in envlist("MASTHEAD_UI_FALLBACKS", ""))
}
if not all(UI_FALLBACKS) or not all(UI_FALLBACKS.values()):
    raise ImproperlyConfigured("Write MASTHEAD_UI_FALLBACKS as language=fallback, e.g. sw=en,rm=de")
# The words of a language's addresses, where they should not be its
# catalog's: "fr:article=billet,fr:section=chronique" gives /fr/billet/…
# and /fr/chronique/…. The words are article, section, topic, author,
# corrections and search (masthead/lib/urlwords.py). A word that changes
# keeps its old addresses working: they redirect to the new ones for good
# (masthead/core/addresses.py).
URL_WORDS: dict[str, dict[str, str]] = {}
for _item in envlist("MASTHEAD_URL_WORDS", ""):
    _language, _, _assignment = _item.partition(":")
    _key, _, _word = _assignment.partition("=")
    _language, _key, _word = _language.strip(), _key.strip(), _word.strip()
    if not (_language and _key and _word):
        raise ImproperlyConfigured(
            "Write MASTHEAD_URL_WORDS as language:page=word, "
            "e.g. fr:article=billet,fr:section=chronique"
        )
    if _language not in CONTENT_LANGUAGES:
        raise ImproperlyConfigured(
            f"MASTHEAD_URL_WORDS may only name languages of MASTHEAD_LANGUAGES, not {_language!r}"
        )
    if _key not in urlwords.KEYS:
        raise ImproperlyConfigured(
            f"MASTHEAD_URL_WORDS: {_key!r} is no page with a word of its own; "
            f"the words are {', '.join(urlwords.KEYS)}"
        )
    if not urlwords.is_valid_word(_word):
        raise ImproperlyConfigured(
            f"MASTHEAD_URL_WORDS: {_word!r} ({_language}:{_key}) cannot begin an address: "
            "write one lowercase word of letters and digits, or several joined by hyphens"
        )
    if _word in urlwords.RESERVED:
        raise ImproperlyConfigured(
            f"MASTHEAD_URL_WORDS: {_word!r} ({_language}:{_key}) begins other addresses already"
        )
    if _key in URL_WORDS.get(_language, {}):
        raise ImproperlyConfigured(f"MASTHEAD_URL_WORDS names {_language}:{_key} twice")
    if _other := next((k for k, w in URL_WORDS.get(_language, {}).items() if w == _word), None):
        raise ImproperlyConfigured(
            f"MASTHEAD_URL_WORDS gives {_language}:{_other} and {_language}:{_key} the same word "
            f"{_word!r}: each page needs its own"
        )
    URL_WORDS.setdefault(_language, {})[_key] = _word
# The languages of the newsroom's screens (desk, admin): English, the
# language of the source, and every language Masthead ships a catalog for
# (masthead/locale/; tests/test_guardrails.py keeps each one complete),
# each named in itself. Each member of the newsroom picks one; readers get
# the content language of the page.
UI_LANGUAGES = [
    (code, self_name(code))
    for code in sorted(
        {"en"}
        | {
            to_language(folder.name)
            for folder in LOCALE_PATHS[0].iterdir()
            if (folder / "LC_MESSAGES" / "django.mo").is_file()
        }
    )
]
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Berlin")

STATIC_URL = "/static/"
STATICFILES_DIRS = [p for p in [THEME_STATIC_DIR] if p] + [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
# The body editor's own nodes (masthead/static/masthead/editor/, one module
# per node, turned on in BODY_EXTENSIONS of masthead/lib/html.py). The
# processors say what markup each node writes; Masthead's own sanitiser
# (masthead/lib/html.py) is the one that keeps it.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("masthead/editor/figure.js")],
        "extensions": {
            "BodyImage": html_tags(
                ["figure", "figcaption"], {"figure": ["data-image", "data-size"]}
            ),
            "BodyGallery": html_tags(
                ["figure", "figcaption"], {"figure": ["data-gallery", "data-image"]}
            ),
        },
    },
    {
        "js": [static_lazy("masthead/editor/embed.js")],
        "extensions": {"Embed": embeds.prose_editor_allowlist},
    },
]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Background jobs (masthead/lib/jobs.py, docs/architecture.md "Background
# jobs"). "database": queued in the database, run by `masthead worker`
# (started alongside by `masthead serve` and `masthead demo`); "immediate":
# run at once inside the request that enqueues them, with no worker at all
# (a job's failure is then logged and not kept).
MASTHEAD_JOBS = os.environ.get("MASTHEAD_JOBS", "database")
_JOB_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if MASTHEAD_JOBS not in _JOB_BACKENDS:
    raise ImproperlyConfigured(
        f"MASTHEAD_JOBS must be database or immediate, not {MASTHEAD_JOBS!r}"
    )
TASKS = {"default": {"BACKEND": _JOB_BACKENDS[MASTHEAD_JOBS]}}
# A failed job is tried again, up to JOBS_ATTEMPTS times in all, after
# JOBS_RETRY_SECONDS, then twice as long after each further failure.
JOBS_ATTEMPTS = envint("JOBS_ATTEMPTS", 5)
JOBS_RETRY_SECONDS = envint("JOBS_RETRY_SECONDS", 30)
# Finished jobs are deleted after this many days (`masthead prune_jobs`,
# also run by each worker as it starts); failed ones are kept until an
# administrator retries them or `prune_jobs --failed` deletes them. 0: keep all.
JOBS_KEEP_DAYS = envint("JOBS_KEEP_DAYS", 14)
# `masthead serve` (and so `masthead demo`) starts one worker beside the web
# server; sites that run their workers as services of their own turn it off.
JOBS_WORKER_WITH_SERVE = envbool("JOBS_WORKER_WITH_SERVE", "true")

# Webhooks (README.md, "Webhooks"; masthead/webhooks/). A delivery is tried
# up to WEBHOOKS_ATTEMPTS times, WEBHOOKS_RETRY_SECONDS after the first
# failure, then twice as long after each further one; each try waits at most
# WEBHOOKS_TIMEOUT seconds for the receiver. After WEBHOOKS_DISABLE_AFTER
# deliveries in a row failed on every try, the subscription is disabled and
# the administrators are told.
WEBHOOKS_ATTEMPTS = envint("WEBHOOKS_ATTEMPTS", 8)
WEBHOOKS_RETRY_SECONDS = envint("WEBHOOKS_RETRY_SECONDS", 60)
WEBHOOKS_TIMEOUT = envint("WEBHOOKS_TIMEOUT", 10)
WEBHOOKS_DISABLE_AFTER = envint("WEBHOOKS_DISABLE_AFTER", 5)
# Plain http:// targets, and targets on loopback, private, link-local or
# otherwise non-public addresses, are refused unless these are on (a
# receiver on the same machine or in the same private network, and tests).
WEBHOOKS_ALLOW_HTTP = envbool("WEBHOOKS_ALLOW_HTTP", "false")
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = envbool("WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "false")
# Pictures fetched from the addresses an import names (masthead import_wxr)
# come from public addresses only, unless this is on (an old site in the same
# private network, and tests).
FETCH_ALLOW_PRIVATE_ADDRESSES = envbool("FETCH_ALLOW_PRIVATE_ADDRESSES", "false")

# Uploaded media (README.md, "Media storage"; docs/architecture.md): on this
# machine's disk under MEDIA_ROOT (the default: the demo needs no server),
# or MEDIA_STORAGE=s3 in an S3-compatible bucket (django-storages). Either
# way through Django's storage API only, and images only, checked
# (masthead/lib/images.py). MEDIA_HOST is the public address readers get
# them from when it is not the site's own: a CDN, or the bucket's domain.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
MEDIA_HOST = envurl_or_empty("MEDIA_HOST")
# A stored name never gets other bytes, so caches keep media this long.
MEDIA_CACHE_SECONDS = envint("MEDIA_CACHE_SECONDS", 365 * 24 * 3600)
if MEDIA_STORAGE == "local":
    MEDIA_URL = f"{MEDIA_HOST}/media/"
    MEDIA_BACKEND: dict = {"BACKEND": "masthead.lib.images.ImageStorage"}
elif MEDIA_STORAGE == "s3":
    S3_BUCKET = os.environ.get("S3_BUCKET", "")
    if not S3_BUCKET:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET, the bucket's name")
    # Empty: AWS itself. MinIO, Hetzner, R2 …: their S3 address.
    S3_ENDPOINT_URL = envurl_or_empty("S3_ENDPOINT_URL")
    S3_REGION = os.environ.get("S3_REGION", "")
    if MEDIA_HOST:
        MEDIA_URL = f"{MEDIA_HOST}/"
    elif S3_ENDPOINT_URL:
        MEDIA_URL = f"{S3_ENDPOINT_URL}/{S3_BUCKET}/"
    else:
        MEDIA_URL = f"https://{S3_BUCKET}.s3.{S3_REGION or 'us-east-1'}.amazonaws.com/"
    MEDIA_BACKEND = {
        "BACKEND": "masthead.lib.storage.S3ImageStorage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": S3_REGION or None,
            # Unset: boto3 looks further (AWS_ACCESS_KEY_ID …, an instance role).
            "access_key": envsecret("S3_ACCESS_KEY_ID"),
            "secret_key": envsecret("S3_SECRET_ACCESS_KEY"),
            # Unset: readers read through the bucket's policy (README.md).
            "default_acl": os.environ.get("S3_ACL") or None,
            "addressing_style": os.environ.get("S3_ADDRESSING_STYLE") or None,
        },
    }
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3, not {MEDIA_STORAGE!r}")
# The origin media come from when it is not the site's (for img-src below).
_media = urlsplit(MEDIA_URL)
MEDIA_ORIGIN = f"{_media.scheme}://{_media.netloc}" if _media.netloc else ""

STORAGES = {
    # Uploads: images in the formats the site shows only (masthead/lib/images.py).
    "default": MEDIA_BACKEND,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Serve uploaded media from Django itself (fine for the demo and small
# sites). Large sites set SERVE_MEDIA=false and let the front server serve
# MEDIA_URL; media in a bucket are served by the bucket (or its CDN).
SERVE_MEDIA = MEDIA_STORAGE == "local" and envbool("SERVE_MEDIA", "true")
# Uploads larger than this are refused with a message next to the field.
MAX_UPLOAD_BYTES = envint("MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
# Images larger than this are refused (masthead/lib/images.py): decoding
# them would take too much memory (a "decompression bomb").
MAX_IMAGE_PIXELS = envint("MAX_IMAGE_PIXELS", 50_000_000)
MAX_IMAGE_SIDE = envint("MAX_IMAGE_SIDE", 20_000)
MAX_IMAGE_FRAMES = envint("MAX_IMAGE_FRAMES", 300)

# Mastodon servers whose posts are embedded from a pasted address
# (masthead/lib/embeds.py); a post on another server stays a link.
MASTODON_INSTANCES = envlist("MASTODON_INSTANCES", ",".join(embeds.DEFAULT_MASTODON_INSTANCES))
for _host in MASTODON_INSTANCES:
    if not embeds.is_host_name(_host):
        raise ImproperlyConfigured(f"MASTODON_INSTANCES must list host names, not {_host!r}")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
if envbool("SECURE_COOKIES", "false"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Browsers that saw the site over HTTPS use nothing else for this long.
    SECURE_HSTS_SECONDS = envint("HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("HSTS_INCLUDE_SUBDOMAINS", "false")
    SECURE_HSTS_PRELOAD = envbool("HSTS_PRELOAD", "false")

# Browser security policies (docs/security.md). No inline script anywhere:
# reader pages (cached whole, also as files for nginx) carry no nonce, so
# their header is the same for every reader; the desk and the admin add a
# per-request nonce (request.csp_nonce) for the editor's import map.
CSP_REPORT_PATH = "/csp-report/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        # The rich text editor (Tiptap in django-prose-editor) inserts its base
        # stylesheet as a <style> element: allowed by its hash, which
        # masthead/desk/tests/test_security_headers.py checks against the
        # installed editor.
        "style-src": ["'self'", NONCE, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        # Article bodies may show images from other sites (masthead/lib/html.py
        # allows any https image; uploads come from MEDIA_ORIGIN when they
        # are on another host) and, after a reader's click, the players of
        # the embed providers in masthead/lib/embeds.py, and no other frames.
        "img-src": ["'self'", "data:", "https:", *filter(None, [MEDIA_ORIGIN])],
        "frame-src": ["'self'", *embeds.frame_origins(MASTODON_INSTANCES)],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "report-uri": CSP_REPORT_PATH,
        "report-to": "csp",
    },
}
# The content API (masthead/api): requests per minute for each token and
# for each address without one (429 with Retry-After beyond), and the
# longest page of a list.
API_REQUESTS_PER_MINUTE = envint("API_REQUESTS_PER_MINUTE", 600)
API_ANONYMOUS_REQUESTS_PER_MINUTE = envint("API_ANONYMOUS_REQUESTS_PER_MINUTE", 120)
API_PAGE_SIZE = envint("API_PAGE_SIZE", 20)
API_MAX_PAGE_SIZE = 100
# Reports larger than this, or more than CSP_REPORTS_PER_MINUTE from one
# address, are dropped unread.
CSP_REPORT_MAX_BYTES = envint("CSP_REPORT_MAX_BYTES", 16 * 1024)
CSP_REPORTS_PER_MINUTE = envint("CSP_REPORTS_PER_MINUTE", 60)
# Powerful browser features the site never uses, off for every page.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics",
        "camera", "display-capture", "geolocation", "gyroscope", "hid", "idle-detection",
        "interest-cohort", "magnetometer", "microphone", "midi", "payment", "serial", "usb",
        "xr-spatial-tracking",
    )
}  # fmt: skip
# A video player loaded by the reader's click starts playing (embeds.py,
# ALLOW_PLAYING): autoplay for those players' frames only.
PERMISSIONS_POLICY["autoplay"] = embeds.autoplay_origins()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Publisher details for structured data and the News sitemap.
PUBLISHER_LOGO = os.environ.get("PUBLISHER_LOGO", "masthead/logo.png")
PAGE_SIZE = envint("PAGE_SIZE", 20)
# Addresses per article sitemap file (by id range; at most 50,000 by the
# sitemap protocol). See docs/performance.md for the choice.
SITEMAP_ARTICLES_PER_FILE = envint("SITEMAP_ARTICLES_PER_FILE", 2000)


# The demo's photographs drawn at 1/N of their size: a quicker demo with
# fewer renditions to make (the test suite's demo sites use 4).
DEMO_PICTURE_SCALE = max(1, envint("MASTHEAD_DEMO_PICTURE_SCALE", 1))


# Machine translation for the translation desk (masthead/translations/
# providers.py): which provider translates which language pair, as
# "source:target=provider" items, "*" for any source ("en:es=apertium,
# *:en=deepl"). A pair without one is translated by hand. Providers:
# "deepl" (DEEPL_API_KEY; DEEPL_API_URL, the free API's address for a key
# ending in ":fx"), "libretranslate" (LIBRETRANSLATE_URL and, if the server
# wants one, LIBRETRANSLATE_API_KEY), "apertium" (the apertium program with
# the pair's Debian package, e.g. apertium-eng-spa).
def _machine_pairs(value: str) -> dict[str, str]:
    pairs = {}
    for item in envlist("MASTHEAD_MACHINE_TRANSLATION", value):
        pair, _eq, provider = item.partition("=")
        source, _colon, target = pair.strip().partition(":")
        if not (source and target and provider.strip()):
            raise ImproperlyConfigured(
                f"MASTHEAD_MACHINE_TRANSLATION items are like en:es=apertium, not {item!r}"
            )
        if provider.strip() not in ("deepl", "libretranslate", "apertium"):
            raise ImproperlyConfigured(
                f"MASTHEAD_MACHINE_TRANSLATION: unknown provider {provider.strip()!r} "
                "(deepl, libretranslate or apertium)"
            )
        pairs[f"{source}:{target}"] = provider.strip()
    return pairs


MACHINE_TRANSLATION = _machine_pairs("")
DEEPL_API_KEY = envsecret("DEEPL_API_KEY") or ""
DEEPL_API_URL = os.environ.get("DEEPL_API_URL") or (
    "https://api-free.deepl.com" if DEEPL_API_KEY.endswith(":fx") else "https://api.deepl.com"
)
LIBRETRANSLATE_URL = os.environ.get("LIBRETRANSLATE_URL", "")
LIBRETRANSLATE_API_KEY = envsecret("LIBRETRANSLATE_API_KEY") or ""
APERTIUM_COMMAND = os.environ.get("APERTIUM_COMMAND", "apertium")
# Seconds to wait for a provider's answer; a time-out is tried twice more,
# after 2 and 4 times MACHINE_TRANSLATION_RETRY_SECONDS.
MACHINE_TRANSLATION_TIMEOUT = envint("MACHINE_TRANSLATION_TIMEOUT", 60)
MACHINE_TRANSLATION_RETRY_SECONDS = envint("MACHINE_TRANSLATION_RETRY_SECONDS", 1)
# Readers of a translation are told that machine assistance was used and a
# person reviewed it (besides the language it was translated from).
SHOW_MACHINE_ASSISTANCE = envbool("MASTHEAD_SHOW_MACHINE_ASSISTANCE", "true")

# Search (masthead/search/backends.py): PostgreSQL's full-text search or
# SQLite's FTS5, by the database; a dotted path to another Engine class
# plugs in a search server.
SEARCH_ENGINE = os.environ.get("MASTHEAD_SEARCH_ENGINE", "")
