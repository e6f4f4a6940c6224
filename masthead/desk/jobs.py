"""The background jobs, for administrators: what waits, what runs, and
what failed for good and why, with a button that sends a failed job back
to the queue (masthead/lib/jobs.py; docs/architecture.md, "Background jobs").

Administrators look after the site as a whole (rules.MANAGE_USERS); the
admin's read-only list of django-tasks-db shows the same rows to
superusers, in English only and without the retry.
"""

import json
from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks_db.models import DBTaskResult

from masthead.accounts import rules
from masthead.lib import jobs

from .views import desk_view

# Rows shown per list; the counts above them are complete.
SHOWN = 50


@dataclass
class Row:
    job: DBTaskResult
    name: str
    # The arguments it was called with, as Python would write the call.
    arguments: str
    attempt: int
    # The error's last line, e.g. "ValueError: The file is truncated."
    reason: str


def _rows(queryset) -> list[Row]:
    rows = []
    for job in queryset[:SHOWN]:
        kwargs = {k: v for k, v in job.args_kwargs["kwargs"].items() if k != jobs.ATTEMPT}
        parts = [json.dumps(a, ensure_ascii=False) for a in job.args_kwargs["args"]]
        parts += [f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in kwargs.items()]
        lines = [line for line in job.traceback.splitlines() if line.strip()]
        reason = lines[-1] if lines else job.exception_class_path
        rows.append(Row(job, job.task_name, ", ".join(parts), jobs.attempt_of(job), reason))
    return rows


@desk_view(rules.MANAGE_USERS)
def job_list(request):
    if not jobs.uses_database():
        return render(request, "desk/jobs.html", {"nav": "jobs", "immediate": True})
    failed = jobs.failed().order_by("-finished_at")
    running = jobs.running().order_by("started_at")
    waiting = jobs.waiting()  # in the order a worker takes them
    return render(
        request,
        "desk/jobs.html",
        {
            "nav": "jobs",
            "failed": _rows(failed),
            "failed_count": failed.count(),
            "running": _rows(running),
            "running_count": running.count(),
            "waiting": _rows(waiting),
            "waiting_count": waiting.count(),
            "shown": SHOWN,
        },
    )


@desk_view(rules.MANAGE_USERS)
@require_POST
def job_retry(request, pk):
    if jobs.retry(str(pk)):
        messages.success(request, _("The job is back in the queue; a worker will run it soon."))
    else:
        messages.error(
            request,
            _("This job has not failed (any more): someone may have sent it back already."),
        )
    return redirect("desk:jobs")
