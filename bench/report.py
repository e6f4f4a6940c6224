"""Turn the raw outputs of bench/run.sh into a Markdown report.

Usage: python bench/report.py RAW_DIR OUTPUT.md

RAW_DIR holds machine.txt and one folder per database with the wrk
outputs (cached/, uncached/, nginx/), render.json, http-times.txt,
rss-*.txt, urls.txt and info.txt, as run.sh writes them.
"""

import json
import re
import statistics
import sys
from pathlib import Path

DATABASES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
PAGES = {
    "home": "Home",
    "article": "Article",
    "section-p1": "Section, page 1",
    "feed-rss": "RSS feed",
}
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}

# The targets of the issue.
CACHED_SHARE = 0.25  # cached article req/s ≥ 25 % of nginx's
CACHED_P99_MS = 20.0
FRONTEND_SHARE = 0.90  # … behind the nginx front end and behind Varnish: ≥ 90 % (issue 16)
RENDER_MEDIAN_MS = {"sqlite": 4.0, "postgres": 5.0}
UNCACHED_RPS = 500.0
WAGTAIL_FACTOR = 2.0  # uncached article ≥ 2 × the reference Wagtail site's req/s (issue 16)
RSS_MIB = 150.0


def parse_wrk(path: Path) -> dict | None:
    if not path.is_file():
        return None
    text = path.read_text()
    latency = {
        int(p): float(v) * UNITS_MS[u]
        for p, v, u in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    }
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    total = re.search(r"(\d+) requests in", text)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": int(total.group(1)) if total else 0,
        "p50": latency.get(50),
        "p99": latency.get(99),
        "socket": dict(
            zip(("connect", "read", "write", "timeout"), map(int, socket.groups()), strict=True)
        )
        if socket
        else {},
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
    }


def page_label(name: str) -> str:
    if name in PAGES:
        return PAGES[name]
    if m := re.fullmatch(r"section-p(\d+)", name):
        return f"Section, page {m.group(1)}"
    if m := re.fullmatch(r"archive-p(\d+)", name):
        return f"Home archive, page {m.group(1)}"
    return name


def ms(value: float | None) -> str:
    # wrk reports 0 when no request completed within its 5 s timeout.
    return "> 5000" if not value else f"{value:.2f}"


def errors(result: dict) -> str:
    parts = []
    if result["non2xx"]:
        parts.append(f"{result['non2xx']} non-2xx")
    # Socket errors as wrk counts them; a timeout is a request that got no
    # answer within wrk's --timeout of 5 s.
    for kind, n in result["socket"].items():
        if n:
            parts.append(f"{n} {kind}")
    return ", ".join(parts) or "0"


def rss_mib(path: Path, kind: str = "worker") -> list[float]:
    """The peak RSS of the server's workers (``kind="worker"``) or of the
    job worker beside them (``"jobs"``)."""
    if not path.is_file():
        return []
    pattern = rf"^{kind} \d+ VmHWM_kB=(\d+)"
    return [int(kb) / 1024 for kb in re.findall(pattern, path.read_text(), re.MULTILINE)]


def verdict(ok: bool, miss: str) -> str:
    return "**met**" if ok else f"**missed** ({miss})"


def database_report(folder: Path, lines: list[str]) -> None:
    name = DATABASES.get(folder.name, folder.name)
    info = (
        (folder / "info.txt").read_text().strip().splitlines()
        if (folder / "info.txt").is_file()
        else []
    )
    urls = [
        line.split(maxsplit=1)
        for line in (folder / "urls.txt").read_text().splitlines()
        if line.strip()
    ]
    nginx = parse_wrk(folder / "nginx" / "article.txt")
    lines += [f"### {name}", ""]
    for line in info:
        lines.append(f"- {line}")
    for mode in ("cached", "frontend", "varnish"):
        checks = folder / mode / "checks.txt"
        if checks.is_file():
            hits = [" ".join(line.split()[::2]) for line in checks.read_text().splitlines()]
            lines.append(f"- X-Cache before the {mode} runs: {'; '.join(hits)}")
    lines += [
        "",
        "| Page | Address | Page cache | req/s | p50 ms | p99 ms | errors | req/s ÷ nginx | p50 ÷ nginx | p99 ÷ nginx |",
        "|---|---|---|--:|--:|--:|---|--:|--:|--:|",
    ]

    def row(label, path, mode, r):
        if r is None:
            lines.append(f"| {label} | `{path}` | {mode} | not measured | | | | | | |")
            return
        share = f"{r['rps'] / nginx['rps']:.1%}" if nginx and nginx["rps"] else "–"
        p50 = f"{r['p50'] / nginx['p50']:.1f}×" if nginx and nginx["p50"] and r["p50"] else "–"
        p99 = f"{r['p99'] / nginx['p99']:.1f}×" if nginx and nginx["p99"] and r["p99"] else "–"
        lines.append(
            f"| {label} | `{path}` | {mode} | {r['rps']:,.0f} | {ms(r['p50'])} | {ms(r['p99'])} "
            f"| {errors(r)} | {share} | {p50} | {p99} |"
        )

    row("nginx, static file, the same headers", "/article.html", "–", nginx)
    plain = parse_wrk(folder / "nginx" / "article-plain.txt")
    if plain is not None:
        row("nginx, static file, nginx's headers only", "/plain/article.html", "–", plain)
    results = {}
    modes = {
        "cached": "on",
        "frontend": "on, nginx front end",
        "varnish": "on, behind Varnish",
        "uncached": "off",
    }
    for mode, label in modes.items():
        for key, path in urls:
            results[mode, key] = parse_wrk(folder / mode / f"{key}.txt")
            if results[mode, key] is not None or mode not in ("frontend", "varnish"):
                row(page_label(key), path, label, results[mode, key])
    wagtail_info = folder / "wagtail" / "info.txt"
    if wagtail_info.is_file():
        info = dict(
            line.split(": ", 1) for line in wagtail_info.read_text().splitlines() if ": " in line
        )
        row(
            f"Article, reference Wagtail site ({info.get('wagtail', '?')}; {info.get('bytes', '?')} bytes)",
            info.get("path", "?"),
            "– (Wagtail has none)",
            parse_wrk(folder / "wagtail" / "article.txt"),
        )
        row(
            "Article, Masthead again, right after Wagtail",
            dict(urls).get("article", "?"),
            "off",
            parse_wrk(folder / "wagtail" / "masthead-article.txt"),
        )
    lines.append("")

    render = (
        json.loads((folder / "render.json").read_text())
        if (folder / "render.json").is_file()
        else None
    )
    http = (
        [float(t) * 1000 for t in (folder / "http-times.txt").read_text().split()]
        if (folder / "http-times.txt").is_file()
        else []
    )
    if render:
        lines.append(
            f"- Uncached article, server time (in-process, django.test.Client, {render['renders']} renders): "
            f"median {render['median_ms']:.2f} ms, p90 {render['p90_ms']:.2f} ms, min {render['min_ms']:.2f} ms; "
            f"{render['queries']} SQL queries, {render['bytes']:,} bytes."
        )
    articles = (
        json.loads((folder / "render-articles.json").read_text())
        if (folder / "render-articles.json").is_file()
        else None
    )
    if articles:
        lines.append(
            f"- Uncached, {articles['renders']} different articles once each (as a crawler meets them): "
            f"median {articles['median_ms']:.2f} ms, p90 {articles['p90_ms']:.2f} ms, min {articles['min_ms']:.2f} ms; "
            f"{articles['queries']} SQL queries."
        )
    if http:
        lines.append(
            f"- The same over HTTP, one request at a time against the uncached server (curl time_total, {len(http)} requests): "
            f"median {statistics.median(http):.2f} ms."
        )
    rss = {mode: rss_mib(folder / f"rss-{mode}.txt") for mode in modes}
    for mode, values in rss.items():
        if values:
            jobs = rss_mib(folder / f"rss-{mode}.txt", "jobs")
            lines.append(
                f"- Peak RSS (VmHWM) per server worker after the {mode} runs: "
                + ", ".join(f"{v:.1f} MiB" for v in values)
                + (f"; the job worker beside them: {max(jobs):.1f} MiB" if jobs else "")
            )
    lines.append("")

    # Targets.
    lines += [f"Targets ({name}):", "", "| Target | Measured | Verdict |", "|---|---|---|"]
    art = results.get(("cached", "article"))
    if art and nginx:
        share = art["rps"] / nginx["rps"]
        lines.append(
            f"| Cached article ≥ {CACHED_SHARE:.0%} of nginx's req/s at 64 connections | "
            f"{share:.1%} ({art['rps']:,.0f} vs {nginx['rps']:,.0f}) | "
            f"{verdict(share >= CACHED_SHARE, f'{share / CACHED_SHARE:.0%} of the target')} |"
        )
        over_p99 = f"{(art['p99'] or 0) - CACHED_P99_MS:+.1f} ms"
        lines.append(
            f"| Cached article p99 < {CACHED_P99_MS:.0f} ms | {ms(art['p99'])} ms | "
            f"{verdict(art['p99'] is not None and art['p99'] < CACHED_P99_MS, over_p99)} |"
        )
    for mode, what in (("frontend", "the nginx front end"), ("varnish", "Varnish")):
        front = results.get((mode, "article"))
        if front and nginx:
            share = front["rps"] / nginx["rps"]
            lines.append(
                f"| Cached article behind {what} ≥ {FRONTEND_SHARE:.0%} of nginx's req/s | "
                f"{share:.1%} ({front['rps']:,.0f} vs {nginx['rps']:,.0f}) | "
                f"{verdict(share >= FRONTEND_SHARE, f'{share / FRONTEND_SHARE:.0%} of the target')} |"
            )
    target_ms = RENDER_MEDIAN_MS.get(folder.name, 4.0)
    for what, measured in (("the same article", render), ("different articles", articles)):
        if measured:
            med = measured["median_ms"]
            lines.append(
                f"| Uncached article median render ≤ {target_ms:.0f} ms ({what}) | {med:.2f} ms | "
                f"{verdict(med <= target_ms, f'{med / target_ms:.1f}× the target')} |"
            )
    # The reference Wagtail site runs once, in the SQLite run (run.sh).
    wagtail = parse_wrk(folder.parent / "sqlite" / "wagtail" / "article.txt")
    beside = parse_wrk(folder / "wagtail" / "masthead-article.txt")
    ours = beside or results.get(("uncached", "article"))
    if wagtail and ours:
        factor = ours["rps"] / wagtail["rps"]
        when = "right after it" if beside else "earlier in the run"
        lines.append(
            f"| Uncached article ≥ {WAGTAIL_FACTOR:.0f} × the Wagtail site's req/s | "
            f"{factor:.2f} × ({ours['rps']:,.0f} vs {wagtail['rps']:,.0f}; Masthead measured {when}) | "
            f"{verdict(factor >= WAGTAIL_FACTOR, f'{factor / WAGTAIL_FACTOR:.0%} of the target')} |"
        )
    unc = results.get(("uncached", "article"))
    if unc:
        short = f"{unc['rps'] / UNCACHED_RPS:.0%} of the target"
        lines.append(
            f"| Uncached article ≥ {UNCACHED_RPS:.0f} req/s | {unc['rps']:,.0f} req/s | "
            f"{verdict(unc['rps'] >= UNCACHED_RPS, short)} |"
        )
    all_rss = [v for values in rss.values() for v in values]
    if all_rss:
        peak = max(all_rss)
        lines.append(
            f"| < {RSS_MIB:.0f} MiB RSS per worker | {peak:.1f} MiB (highest VmHWM) | "
            f"{verdict(peak < RSS_MIB, f'{peak - RSS_MIB:+.1f} MiB')} |"
        )
    lines.append("")


def main() -> None:
    raw, output = Path(sys.argv[1]), Path(sys.argv[2])
    lines = ["## Benchmark results", ""]
    machine = raw / "machine.txt"
    if machine.is_file():
        lines += ["| | |", "|---|---|"]
        for line in machine.read_text().splitlines():
            key, _, value = line.partition(": ")
            lines.append(f"| {key} | {value} |")
        lines.append("")
    folders = [raw / db for db in DATABASES if (raw / db / "urls.txt").is_file()]
    for db in DATABASES:
        if not (raw / db / "urls.txt").is_file():
            lines += [f"{DATABASES[db]}: not measured in this run.", ""]
    for folder in folders:
        database_report(folder, lines)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines).rstrip() + "\n")


if __name__ == "__main__":
    main()
