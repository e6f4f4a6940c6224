{% autoescape off %}vcl 4.1;
# Varnish in front of {{ backends|length }} Masthead application server{{ backends|length|pluralize }}, printed by
# `masthead frontend_config --varnish`. Needs Varnish 7 and the xkey module
# (Debian: varnish varnish-modules). Masthead purges by content tags
# (FRONT_CACHES=varnish:http://<this Varnish>; masthead/pagecache/purge.py):
# every page it lets shared caches keep carries the tags of what it shows in
# `xkey`, and a change sends `PURGE /` with the tags it touches.

import directors;
import std;
import xkey;
{% for backend in backends %}
backend app{{ forloop.counter }} {
    .host = "{{ backend.host }}";
    .port = "{{ backend.port }}";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    # Taken out only after five probes in a row failed (a server that is
    # down), not for a slow answer while the machine is busy.
    .probe = {
        .url = "/robots.txt";
        .interval = 2s;
        .timeout = 5s;
        .window = 5;
        .threshold = 1;
        .initial = 1;
    }
}
{% endfor %}
# Who may purge: the application servers.
acl purgers {
{% for purger in purgers %}    "{{ purger }}";
{% endfor %}}

sub vcl_init {
    new masthead = directors.round_robin();
{% for backend in backends %}    masthead.add_backend(app{{ forloop.counter }});
{% endfor %}}

sub vcl_recv {
    set req.backend_hint = masthead.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The newsroom, the admin, previews, the language form and the content
    # API: never from here (Masthead marks them private too).
    if (req.url ~ "^/(desk|admin|preview|i18n|api|media|static)/") {
        return (pass);
    }
    # Signed-in members get live pages.
    if (req.http.Cookie ~ "(^|;\s*){{ session_cookie }}=") {
        return (pass);
    }
    # "/" sends a reader to their language (cookie, Accept-Language).
    if (req.url ~ "^/(\?|$)") {
        return (pass);
    }
    # Only the query parameters Masthead's pages read (the page cache
    # removes the others too), so /de/?utm_source=x is the page of /de/.
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "([?&])(?!(?:{{ query_parameters_alternatives }})(?:=|&|$))[^&]*", "\1");
        set req.url = regsuball(req.url, "&{2,}", "&");
        set req.url = regsub(req.url, "\?&+", "?");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    unset req.http.Cookie;
    # Masthead sends Brotli, gzip or neither; Varnish keeps one copy of
    # each (its own gzip handling would ask for gzip only).
    if (req.http.Accept-Encoding ~ "\bbr\b") {
        set req.http.X-Masthead-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "\bgzip\b") {
        set req.http.X-Masthead-Encoding = "gzip";
    } else {
        set req.http.X-Masthead-Encoding = "identity";
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.X-Masthead-Encoding);
    return (lookup);
}

sub vcl_backend_fetch {
    if (bereq.http.X-Masthead-Encoding) {
        set bereq.http.Accept-Encoding = bereq.http.X-Masthead-Encoding;
        unset bereq.http.X-Masthead-Encoding;
    }
}

sub vcl_backend_response {
    # Kept as long as Cache-Control's s-maxage says (no longer than its
    # relative times stay true, nor past a scheduled article), served a
    # little longer while a fresh copy is fetched (stale-while-revalidate);
    # a change purges it at once. Varnish leaves the encoding alone.
    set beresp.do_gzip = false;
    set beresp.do_gunzip = false;
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.X-Masthead-Encoding;
    if (obj.hits > 0) {
        set resp.http.X-Front-Cache = "HIT";
    } else {
        set resp.http.X-Front-Cache = "MISS";
    }
}
{% endautoescape %}
