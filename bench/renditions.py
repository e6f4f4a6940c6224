"""Time to make every rendition of one 3,000 × 2,000 photo; and, with
--quality, bytes, encoding time and similarity of the encoder settings.

Usage:
    python bench/renditions.py [RUNS=3] > result.json
    python bench/renditions.py --quality

Runs in a throwaway test database (SQLite unless DATABASE_URL says
otherwise) and a temporary MEDIA_ROOT, through the same code the job runs
(masthead.media.renditions.make_renditions), the storage API included.
The photo is masthead.media.samples.photo(): photo-like in what it costs
an encoder (2.4 MB as a JPEG of quality 90, like a camera's file). Prints
a JSON object: the seconds of each run, the median, the number of
renditions and their bytes per crop and format. The target is 10 s on
the project's two-core machine (issue 11).

Similarity (--quality) is SSIM of the brightness over 8 × 8 blocks against
the resized original, in Pillow alone (no numpy here): 1 is identical.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from io import BytesIO

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.test.runner import DiscoverRunner  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from PIL import ImageMath  # noqa: E402

from masthead.media import renditions  # noqa: E402
from masthead.media.models import Image  # noqa: E402
from masthead.media.samples import photo, photo_jpeg  # noqa: E402


def ssim(reference: PILImage.Image, other: PILImage.Image) -> float:
    a = reference.convert("L").convert("F")
    b = other.convert("L").convert("F")

    def mean(im):
        return im.resize((im.width // 8, im.height // 8), PILImage.Resampling.BOX)

    def product(x, y):
        return ImageMath.lambda_eval(lambda d: d["x"] * d["y"], x=x, y=y)

    ma, mb = mean(a), mean(b)
    aa, bb, ab = mean(product(a, a)), mean(product(b, b)), mean(product(a, b))
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    index = ImageMath.lambda_eval(
        lambda d: (
            ((2 * d["ma"] * d["mb"] + c1) * (2 * (d["ab"] - d["ma"] * d["mb"]) + c2))
            / (
                (d["ma"] * d["ma"] + d["mb"] * d["mb"] + c1)
                * (d["aa"] - d["ma"] * d["ma"] + d["bb"] - d["mb"] * d["mb"] + c2)
            )
        ),
        ma=ma,
        mb=mb,
        aa=aa,
        bb=bb,
        ab=ab,
    )
    values = list(index.get_flattened_data())
    return sum(values) / len(values)


def quality_table() -> None:
    original = photo(3000, 2000)
    settings_tried = [
        ("JPEG", {"quality": q, "progressive": True, "optimize": True}) for q in (75, 80, 85)
    ]
    settings_tried += [("WEBP", {"quality": q, "method": 4}) for q in (75, 80)]
    settings_tried += [("AVIF", {"quality": q, "speed": 8}) for q in (50, 55, 60, 65)]
    settings_tried += [("AVIF", {"quality": 50, "speed": s}) for s in (6, 10)]
    print("width format settings                      KB      ms   SSIM")
    for width in (1280, 640):
        reference = original.resize(
            (width, width * 2 // 3), PILImage.Resampling.LANCZOS, reducing_gap=3.0
        )
        for fmt, options in settings_tried:
            start = time.perf_counter()
            buffer = BytesIO()
            reference.save(buffer, fmt, **options)
            elapsed = time.perf_counter() - start
            decoded = PILImage.open(BytesIO(buffer.getvalue())).convert("RGB")
            shown = ", ".join(f"{k}={v}" for k, v in options.items() if k != "optimize")
            print(
                f"{width:5} {fmt:6} {shown:34} {len(buffer.getvalue()) / 1024:6.1f} "
                f"{elapsed * 1000:6.0f} {ssim(reference, decoded):.4f}"
            )


def timing(runs: int) -> dict:
    runner = DiscoverRunner(verbosity=0)
    databases = runner.setup_databases()
    try:
        data = photo_jpeg(3000, 2000)
        times, counts = [], []
        for run in range(runs):
            with tempfile.TemporaryDirectory() as media:
                settings.MEDIA_ROOT = media
                image = Image.objects.create(file=ContentFile(data, name=f"photo-{run}.jpg"))
                start = time.perf_counter()
                counts.append(renditions.make_renditions(image))
                times.append(time.perf_counter() - start)
                sizes: dict[str, int] = {}
                for rendition in image.renditions.all():
                    key = f"{rendition.crop or 'full'} {rendition.format}"
                    sizes[key] = sizes.get(key, 0) + rendition.file_size
                image.renditions.all().delete()
                image.delete()
        return {
            "photo": "3000x2000",
            "original_bytes": len(data),
            "cpus": os.cpu_count(),
            "seconds": [round(t, 2) for t in times],
            "median_seconds": round(statistics.median(times), 2),
            "renditions": counts[0],
            "bytes_per_kind": dict(sorted(sizes.items())),
        }
    finally:
        runner.teardown_databases(databases)


if __name__ == "__main__":
    if "--quality" in sys.argv:
        quality_table()
    else:
        print(json.dumps(timing(int(sys.argv[1]) if len(sys.argv) > 1 else 3), indent=1))
