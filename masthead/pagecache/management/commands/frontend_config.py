import argparse
import os
import pwd
import re
from pathlib import Path

from csp.utils import build_policy
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django_permissions_policy import PermissionsPolicyMiddleware

from masthead.lib import images, policies, site
from masthead.pagecache import files
from masthead.pagecache.middleware import cache_control, every_query_parameter

BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"


class Command(BaseCommand):
    help = (
        "Print an nginx configuration for Masthead's front end: static files "
        "and cached pages (PAGE_FILES_DIR) from disk, the rest proxied to "
        "`masthead serve`. Without --standalone it is a block for nginx's "
        "http context (e.g. /etc/nginx/conf.d/masthead.conf). With --varnish, a "
        "Varnish configuration (VCL) for a front cache shared by several "
        "application servers instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--listen", default="80", help="nginx's listen address (default 80).")
        parser.add_argument(
            "--upstream",
            default="127.0.0.1:8000",
            help="Where `masthead serve` listens (default 127.0.0.1:8000); with "
            "--varnish, a comma-separated list of application servers.",
        )
        parser.add_argument(
            "--varnish",
            action="store_true",
            help="Print a Varnish configuration (VCL) instead of nginx's: a front cache "
            "for several application servers, purged by content tags (FRONT_CACHES).",
        )
        parser.add_argument(
            "--purger",
            action="append",
            default=[],
            help="With --varnish: an address (or network) allowed to purge, besides "
            "this machine and the application servers. May be given more than once.",
        )
        parser.add_argument(
            "--server-name", default="_", help="nginx server_name (default: any name)."
        )
        parser.add_argument(
            "--brotli",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="Use nginx's brotli_static module (default: when it is installed).",
        )
        parser.add_argument(
            "--standalone",
            metavar="DIR",
            help="Print a whole nginx.conf whose pid, logs and temporary files are "
            "under DIR (for `nginx -c`, as the benchmarks and tests run it).",
        )
        parser.add_argument(
            "--workers", default="auto", help="With --standalone: worker_processes."
        )

    def handle(self, *args, **options):
        if options["varnish"]:
            self.stdout.write(self.varnish(options), ending="")
            return
        if not settings.PAGE_FILES_DIR:
            raise CommandError(
                "PAGE_FILES_DIR is not set: set it to a directory that Masthead may "
                "write and nginx may read (e.g. /srv/masthead/var/pages), for both."
            )
        brotli = options["brotli"]
        if brotli is None:
            brotli = os.path.exists(BROTLI_MODULE)
        prefix = options["standalone"]
        if prefix:
            prefix = str(Path(prefix).resolve())
            for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
                Path(prefix, sub).mkdir(parents=True, exist_ok=True)
        context = {
            "standalone": bool(prefix),
            "prefix": prefix,
            "workers": options["workers"],
            # nginx started by root runs its workers as "nobody", who may
            # not read the files; standalone, they run as whoever starts it.
            "user": pwd.getpwuid(os.geteuid()).pw_name if os.geteuid() == 0 else None,
            "brotli": brotli,
            "brotli_module": BROTLI_MODULE,
            "mime_types": "/etc/nginx/mime.types",
            "listen": options["listen"],
            "upstream": options["upstream"],
            "server_name": options["server_name"],
            "files": Path(settings.PAGE_FILES_DIR).resolve(),
            "bucket_seconds": files.BUCKET_SECONDS,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "query_parameters": every_query_parameter(),
            # Any of them in the query string, with a value or without.
            "query_parameters_pattern": "(?:^|&)(?:{})(?:=|&|$)".format(
                "|".join(map(re.escape, every_query_parameter()))
            ),
            "languages": [code for code, _ in settings.LANGUAGES],
            "api_links": [(code, site.wordpress_api_link(code)) for code, _ in settings.LANGUAGES],
            "api_link": site.wordpress_api_link(),
            "max_body": settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
            "cache_control": cache_control(),
            "referrer_policy": settings.SECURE_REFERRER_POLICY,
            "frame_options": settings.X_FRAME_OPTIONS,
            "coop": settings.SECURE_CROSS_ORIGIN_OPENER_POLICY,
            "static_url": settings.STATIC_URL,
            "static_root": Path(settings.STATIC_ROOT).resolve(),
            "media_url": settings.MEDIA_URL,
            # Media in a bucket are served by the bucket (or its CDN).
            "media_root": (
                Path(settings.MEDIA_ROOT).resolve() if settings.MEDIA_STORAGE == "local" else None
            ),
            "media_cache_control": images.media_cache_control(),
            "media_types": sorted(images.MEDIA_TYPES.items()),
            "media_policy": policies.MEDIA_POLICY,
            "csp": build_policy(),
            "reporting_endpoints": policies.reporting_endpoints(),
            "permissions_policy": PermissionsPolicyMiddleware.compute_header_value(
                settings.PERMISSIONS_POLICY, name="PERMISSIONS_POLICY"
            ),
            "hsts": policies.hsts_header(),
        }
        self.stdout.write(render_to_string("pagecache/nginx.conf", context), ending="")

    def varnish(self, options) -> str:
        backends = []
        for upstream in options["upstream"].split(","):
            host, _, port = upstream.strip().rpartition(":")
            if not host or not port.isdigit():
                raise CommandError(f"--upstream: {upstream!r} is not a host:port")
            backends.append({"host": host.strip("[]"), "port": port})
        purgers = ["127.0.0.1", "::1"]
        for purger in [backend["host"] for backend in backends] + options["purger"]:
            if purger not in purgers:
                purgers.append(purger)
        context = {
            "backends": backends,
            "purgers": purgers,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "query_parameters_alternatives": "|".join(map(re.escape, every_query_parameter())),
        }
        return render_to_string("pagecache/varnish.vcl", context)
