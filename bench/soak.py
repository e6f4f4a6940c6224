"""The soak (bench/soak.sh runs it): ten minutes of readers and editors at
once, through the shared front cache, against two application servers.

Readers: wrk at 64 connections, each request an address drawn from a mix
(bench/.var/soak/mix.txt): the newest articles and the home, section and
topic pages most readers ask for (cached), a thousand articles from the
whole archive (mostly rendered afresh, as a crawler meets them), feeds and
searches. Editors: an editor signed in to the desk saves a headline every
few seconds, through the front cache (which passes the desk through), on
both servers in turn; every save purges pages and begins a generation.
Memory: the resident size of every server worker, every ten seconds.

    python bench/soak.py prepare OUT          # the mix and the editor
    python bench/soak.py run OUT FRONT PIDS…  # the soak itself

It writes OUT/soak.json, and OUT/soak.md for docs/performance.md.
"""

import http.cookiejar
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import django

django.setup()

from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from masthead.accounts.roles import Role  # noqa: E402
from masthead.articles.models import Article  # noqa: E402
from masthead.sections.models import Section, Tag  # noqa: E402
from masthead.testing import form_data, make_user, password_of  # noqa: E402

EDITOR = "soak-editor"
SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "64"))
SAVE_EVERY = float(os.environ.get("SOAK_SAVE_EVERY", "3"))
SEARCH_WORDS = ["Regierung", "Wahl", "Fußball", "Wien", "Klima", "Schule", "Polizei", "Bahn"]

LUA = """
local paths = {}
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
init = function(args)
  for line in io.lines(os.getenv("SOAK_MIX")) do paths[#paths + 1] = line end
  math.randomseed(os.time() * 100 + id)
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
"""


def prepare(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    from django.contrib.auth import get_user_model

    if not get_user_model().objects.filter(username=EDITOR).exists():
        make_user(EDITOR, Role.EDITOR)
    public = Article.objects.public().in_language("de")
    newest = list(public.newest_first()[:30])
    archive = list(public.order_by("?")[:1000])
    mix: list[str] = []
    with translation.override("de"):
        home = reverse("articles:home")
        feeds = [reverse("feeds:rss"), reverse("feeds:atom")]
        sections = [s.url_in("de") for s in Section.objects.all()]
        topics = [t.get_absolute_url() for t in Tag.objects.filter(language="de")[:20]]
        search = reverse("search:results")
    # Weights: what readers ask for most comes up most.
    mix += [home] * 200
    mix += [a.get_absolute_url() for a in newest] * 20
    mix += [s for s in sections if s] * 10
    mix += topics * 5
    mix += [a.get_absolute_url() for a in archive]
    mix += feeds * 30
    mix += [f"{search}?q={urllib.parse.quote(word)}" for word in SEARCH_WORDS] * 10
    random.shuffle(mix)
    (out / "mix.txt").write_text("\n".join(mix) + "\n")
    (out / "mix.lua").write_text(LUA)
    (out / "editor.json").write_text(
        json.dumps({"articles": [a.pk for a in newest[:10]], "mix": len(mix)})
    )
    print(f"{len(mix)} addresses in the mix, {len(set(mix))} different")


class Editor:
    """A person at the desk, over HTTP, with a session and a CSRF token."""

    def __init__(self, front: str):
        self.front = front
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.saves = self.failures = 0
        self.times: list[float] = []
        self.errors: list[str] = []

    def _csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def open(self, path: str, data: dict | None = None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = {"Referer": self.front + path}
        if data is not None:
            headers["X-CSRFToken"] = self._csrf()
        request = urllib.request.Request(self.front + path, data=body, headers=headers)  # noqa: S310
        return self.opener.open(request, timeout=30)

    def sign_in(self) -> None:
        with translation.override("de"):
            login = reverse("desk:login")
        self.open(login).read()
        self.open(
            login,
            {"username": EDITOR, "password": password_of(EDITOR),
             "csrfmiddlewaretoken": self._csrf()},
        ).read()  # fmt: skip
        if not any(c.name == "sessionid" for c in self.jar):
            raise SystemExit("soak: the editor could not sign in to the desk")

    def save(self, pk: int, number: int) -> None:
        article = Article.objects.get(pk=pk)
        headline = re.sub(r" \(\d+\)$", "", article.headline) + f" ({number})"
        data = form_data(article, headline=headline)
        data["csrfmiddlewaretoken"] = self._csrf()
        with translation.override("de"):
            path = reverse("desk:article_edit", args=[pk])
        started = time.monotonic()
        try:
            with self.open(path, data) as response:
                response.read()
                ok = response.status in (200, 302)
        except OSError as error:
            ok = False
            self.errors.append(f"{path}: {error}")
        self.times.append(time.monotonic() - started)
        stored = Article.objects.get(pk=pk).headline
        if ok and stored == headline:
            self.saves += 1
        else:
            self.failures += 1
            self.errors.append(f"{path}: saved {stored!r}, wanted {headline!r}")


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def workers(masters: list[int]) -> list[int]:
    """The server's workers (and the job worker) of each server."""
    found = []
    for master in masters:
        children = subprocess.run(  # noqa: S603
            ["pgrep", "-P", str(master)],  # noqa: S607
            capture_output=True,
            text=True,
        )
        found += [int(pid) for pid in children.stdout.split()]
    return found


def parse_wrk(text: str) -> dict:
    def number(pattern: str) -> float | None:
        match = re.search(pattern, text)
        return float(match.group(1)) if match else None

    def latency(percent: str) -> float | None:
        match = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        if not match:
            return None
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    return {
        "requests": number(r"(\d+) requests in"),
        "rps": number(r"Requests/sec:\s+([\d.]+)"),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "non_2xx_3xx": number(r"Non-2xx or 3xx responses: (\d+)") or 0,
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
    }


def run(out: Path, front: str, masters: list[int]) -> None:
    info = json.loads((out / "editor.json").read_text())
    env = os.environ | {"SOAK_MIX": str(out / "mix.txt")}
    wrk = subprocess.Popen(  # noqa: S603
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "10s",  # noqa: S607
         "--latency", "-s", str(out / "mix.lua"), front],
        env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    editor = Editor(front)
    editor.sign_in()
    memory: list[dict] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            pids = workers(masters)
            memory.append(
                {"t": round(time.monotonic() - started), "kib": {p: rss_kib(p) for p in pids}}
            )
            stop.wait(10)

    started = time.monotonic()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    number = 0
    while wrk.poll() is None:
        number += 1
        editor.save(random.choice(info["articles"]), number)
        time.sleep(SAVE_EVERY)
    stop.set()
    sampler.join()
    output = wrk.stdout.read() if wrk.stdout else ""
    (out / "wrk.txt").write_text(output)
    readers = parse_wrk(output)
    first = [k for k in memory[1]["kib"].values() if k] if len(memory) > 1 else []
    last = [k for k in memory[-1]["kib"].values() if k] if memory else []
    result = {
        "seconds": SECONDS,
        "connections": CONNECTIONS,
        "mix_addresses": info["mix"],
        "readers": readers,
        "saves": editor.saves,
        "save_failures": editor.failures,
        "save_median_ms": round(statistics.median(editor.times) * 1000, 1)
        if editor.times
        else None,
        "errors": editor.errors[:20],
        "rss_first_mib": [round(k / 1024, 1) for k in first],
        "rss_last_mib": [round(k / 1024, 1) for k in last],
        "rss_samples": memory,
    }
    (out / "soak.json").write_text(json.dumps(result, indent=1))
    (out / "soak.md").write_text(summary(result))
    print(summary(result))
    errors = readers["non_2xx_3xx"] + readers["socket_errors"] + editor.failures
    sys.exit(1 if errors else 0)


def summary(r: dict) -> str:
    readers = r["readers"]
    return (
        f"- Readers: {readers['requests']:,.0f} requests in {r['seconds']} s at "
        f"{r['connections']} connections ({readers['rps']:,.0f} req/s), p50 "
        f"{readers['p50_ms']:.2f} ms, p99 {readers['p99_ms']:.2f} ms; "
        f"{readers['non_2xx_3xx']:.0f} answers other than 2xx/3xx, "
        f"{readers['socket_errors']} socket errors.\n"
        f"- Editors: {r['saves']} desk saves ({r['save_failures']} failed), median "
        f"{r['save_median_ms']} ms each.\n"
        f"- Memory per server worker (RSS, MiB), at 10 s: {r['rss_first_mib']}; at the end: "
        f"{r['rss_last_mib']}.\n"
    )


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    if command == "prepare":
        prepare(folder)
    else:
        run(folder, sys.argv[3], [int(pid) for pid in sys.argv[4:]])
