"""Summarise Lighthouse JSON reports of one page (bench/lighthouse.sh): the
scores of every run, then the median run in full: the four scores, CLS,
LCP, the image bytes the page downloaded, and the audits that did not
pass. Exit status 1 when a category of the median run is below the
minimum score.

Lighthouse's simulated timings move from run to run with the timings it
observed (on this machine LCP came out anywhere from 1.4 to 2.0 s for the
same page), and its documentation says to run it several times and take
the median: the run whose performance score is the median (and, among
equal scores, whose LCP is), as lighthouse-ci does with its median run.

Usage: lighthouse_report.py MIN_SCORE REPORT.json [REPORT.json …]
"""

import json
import sys


def performance(report: dict) -> tuple[float, float]:
    """Sorts runs from worst to best."""
    score = report["categories"]["performance"]["score"] or 0
    return (score, -report["audits"]["largest-contentful-paint"]["numericValue"])


def median_run(paths: list[str]) -> dict | None:
    reports = []
    for path in paths:
        with open(path) as f:
            report = json.load(f)
        if report.get("runtimeError"):
            error = report["runtimeError"]
            print(
                f"   {path}: Lighthouse could not measure: {error.get('code')}: {error.get('message')}"
            )
            continue
        audits = report["audits"]
        scores = " ".join(
            str(round((c["score"] or 0) * 100)) for c in report["categories"].values()
        )
        print(
            f"   run {len(reports) + 1}: {scores}"
            f"  LCP {audits['largest-contentful-paint']['numericValue'] / 1000:.1f} s"
            f"  CLS {audits['cumulative-layout-shift']['numericValue']:.3f}"
        )
        reports.append(report)
    if not reports:
        return None
    reports.sort(key=performance)
    return reports[(len(reports) - 1) // 2]


def main(paths: list[str], minimum: float) -> int:
    report = median_run(paths)
    if report is None:
        return 1
    print("   the median run:")
    audits = report["audits"]
    scores = {
        key: None if category["score"] is None else round(category["score"] * 100)
        for key, category in report["categories"].items()
    }
    images = [
        item
        for item in audits["network-requests"]["details"]["items"]
        if item.get("resourceType") == "Image"
    ]
    image_bytes = sum(item.get("transferSize", 0) for item in images)
    print(f"   {report['finalDisplayedUrl']}")
    print("   " + "  ".join(f"{key} {value}" for key, value in scores.items()))
    print(
        f"   CLS {audits['cumulative-layout-shift']['numericValue']:.3f}"
        f"  LCP {audits['largest-contentful-paint']['numericValue'] / 1000:.1f} s"
        f"  FCP {audits['first-contentful-paint']['numericValue'] / 1000:.1f} s"
        f"  TBT {audits['total-blocking-time']['numericValue']:.0f} ms"
        f"  images {image_bytes / 1000:.1f} kB in {len(images)} requests"
        f"  page {audits['total-byte-weight']['numericValue'] / 1000:.1f} kB"
    )
    for image in images:
        print(f"     {image.get('transferSize', 0) / 1000:6.1f} kB  {image['url']}")
    # Every audit that counts towards a score and did not pass in full;
    # informative audits (weight 0) only when they found something.
    for key, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if audit.get("score") is None or audit["score"] >= 1:
                continue
            if ref.get("weight", 0) == 0 and audit.get("scoreDisplayMode") != "metricSavings":
                continue
            value = f", {audit['displayValue']}" if audit.get("displayValue") else ""
            weight = "" if ref.get("weight", 0) else ", no weight"
            print(
                f"   [{key}] {audit['id']}: {audit['title']} (score {audit['score']}{value}{weight})"
            )
    for warning in report.get("runWarnings", []):
        print(f"   warning: {warning}")
    low = [key for key, value in scores.items() if value is None or value < minimum]
    print(
        f"   {'FAIL' if low else 'PASS'} (minimum {minimum:g}; Lighthouse {report['lighthouseVersion']})"
    )
    return 1 if low else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[2:], float(sys.argv[1])))
