from django.http import (
    HttpResponse,
    HttpResponseNotFound,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from masthead.articles.alternates import home_alternates
from masthead.lib.site import absolute_url

from .addresses import former_address


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /desk/",
        "Disallow: /admin/",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap_index'))}",
        f"Sitemap: {absolute_url(reverse('sitemap_news'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """The 404 page, in the language of the address (or the reader's); an
    address that begins with a former word of its language ("/de/beitrag/…"
    once articles are "/de/artikel/…") redirects to its address now, for
    good (addresses.py)."""
    if location := former_address(request):
        return HttpResponsePermanentRedirect(location)
    template = loader.get_template("404.html")
    context = {"request_path": request.path, "alternates": home_alternates()}
    return HttpResponseNotFound(template.render(context, request))


def server_error(request):
    """The 500 page. It renders without context processors or database
    access: whatever failed may fail again."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}))
