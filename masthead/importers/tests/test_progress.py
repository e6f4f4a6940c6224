"""The progress bar: in place on a terminal, a line per tenth elsewhere."""

import pytest
from django.utils import translation

from masthead.importers.progress import Progress, _duration


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_on_a_terminal_it_redraws_one_line():
    written, clock = [], Clock()
    bar = Progress(written.append, tty=True, label="Loading", clock=clock)
    bar.start(1000)
    for _ in range(10):
        clock.now += 1
        bar.advance(100)
    bar.finish()

    assert all(w.startswith("\r") for w in written[:-1])
    assert written[-1] == "\n"
    last, half = written[-2].strip(), written[5].strip()
    assert last == "Loading [####################] 1,000/1,000 100%  100/s  ETA 0:00:00"
    assert half == "Loading [##########----------] 500/1,000  50%  100/s  ETA 0:00:05"


def test_on_a_terminal_it_redraws_at_most_ten_times_a_second():
    written, clock = [], Clock()
    bar = Progress(written.append, tty=True, clock=clock)
    bar.start(1000)
    for _ in range(99):
        bar.advance(1)
    assert len(written) == 1  # only the start: no time has passed


def test_elsewhere_it_writes_a_line_per_tenth():
    written, clock = [], Clock()
    bar = Progress(written.append, tty=False, clock=clock)
    bar.start(100)
    for _ in range(100):
        clock.now += 0.5
        bar.advance(1)
    bar.finish()

    assert len(written) == 10
    assert all(w.endswith("\n") for w in written)
    assert written[0].startswith("[##----") and " 10/100  10%" in written[0]


def test_durations():
    assert _duration(3725) == "1:02:05"
    assert _duration(0.4) == "0:00:00"
    assert _duration(None) == "-:--:--"


def test_its_figures_are_written_as_the_active_language_writes_them():
    written, clock = [], Clock()
    with translation.override("de"):
        bar = Progress(written.append, tty=False, label="Import läuft", clock=clock)
        bar.start(10_000)
        clock.now += 2
        bar.advance(5_000)
    line = "Import läuft [##########----------] 5.000/10.000 50\xa0%  2.500/s  noch 0:00:02\n"
    assert written == [line]
