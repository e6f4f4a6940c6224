"""A progress bar for long loads, on one line, with no dependency.

On a terminal it redraws itself in place (carriage return) at most ten
times a second::

    [##########----------] 5,000/10,000  50%  2,431/s  ETA 0:00:02

Elsewhere (a log file, a pipe, a test) it writes one line per tenth done,
so that logs stay readable.
"""

import time
from collections.abc import Callable

from django.utils.translation import gettext as _

from masthead.lib.i18n import number, percent

WIDTH = 20
REDRAW_SECONDS = 0.1


class Progress:
    def __init__(
        self,
        write: Callable[[str], None],
        *,
        tty: bool,
        label: str = "",
        clock: Callable[[], float] = time.monotonic,
    ):
        self.write = write
        self.tty = tty
        self.label = f"{label} " if label else ""
        self.clock = clock
        self.total = 0
        self.done = 0
        self.started = self.drawn_at = clock()
        self.tenths = 0
        self.width = 0  # of the line on screen, to blank out what is left

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        self.started = self.drawn_at = self.clock()
        self.tenths = 0
        if self.tty:
            self.redraw()

    def advance(self, n: int) -> None:
        self.done += n
        now = self.clock()
        if self.tty:
            if now - self.drawn_at >= REDRAW_SECONDS or self.done >= self.total:
                self.drawn_at = now
                self.redraw()
            return
        tenths = self.done * 10 // self.total if self.total else 10
        if tenths > self.tenths:
            self.tenths = tenths
            self.write(self.line() + "\n")

    def finish(self) -> None:
        if self.tty:
            self.redraw()
            self.write("\n")

    def redraw(self) -> None:
        line = self.line()
        self.write("\r" + line.ljust(self.width))
        self.width = len(line)

    def line(self) -> str:
        total = max(self.total, 1)
        share = min(self.done / total, 1.0)
        filled = int(share * WIDTH)
        bar = "#" * filled + "-" * (WIDTH - filled)
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else None
        # Translators: a progress bar's figures, e.g. "5,000/10,000  50%
        # 2,431/s  ETA 0:00:02" ("rate" is per second, "left" the time to go).
        figures = _("%(done)s/%(total)s %(share)s  %(rate)s/s  ETA %(left)s") % {
            "done": number(self.done),
            "total": number(self.total),
            "share": percent(share).rjust(4),
            "rate": number(round(rate)),
            "left": _duration(eta),
        }
        return f"{self.label}[{bar}] {figures}"


def _duration(seconds: float | None) -> str:
    """``3725`` → ``"1:02:05"``; unknown → ``"-:--:--"``."""
    if seconds is None:
        return "-:--:--"
    seconds = round(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02}:{seconds % 60:02}"
